import ExecutableTesting
import Foundation
import XCTest

/// The third-party relay of the end-to-end tests: `nostr-relay` from PyPI, installed once into a
/// private virtualenv by `scripts/install-nostr-relay.sh` (as `.ci/run` does), started on a free
/// loopback port with its SQLite file in the test's scratch folder, and stopped by `stop()`.
final class NostrRelayProcess {
    let port: Int
    var url: String { "ws://127.0.0.1:\(port)" }
    private let process = Process()

    /// Installs the relay if needed (skipping the test, with the installer's words, only when the
    /// virtualenv cannot be created), writes its config and starts it; returns once it listens.
    /// `storage` and `topLevel` add lines to the relay's config.yaml (e.g. validators that refuse).
    init(in folder: ScratchFolder, storage: [String] = [], topLevel: [String] = []) throws {
        let installer = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/install-nostr-relay.sh")
        let install = try runTool(installer.path, [])
        guard install.status == 0 else {
            throw XCTSkip(
                "nostr-relay could not be installed into a private virtualenv (scripts/install-nostr-relay.sh exited \(install.status)): \(install.stderr)"
            )
        }
        let executable = install.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        port = try freeLoopbackPort()
        let config = """
            DEBUG: false
            relay_name: meshbench end-to-end relay
            storage:
              sqlalchemy.url: sqlite+aiosqlite:///\(folder.path("nostr-relay.sqlite3"))
            \(storage.map { "  " + $0 }.joined(separator: "\n"))
            \(topLevel.joined(separator: "\n"))
            gunicorn:
              bind: 127.0.0.1:\(port)
              workers: 1
              loglevel: warning
              reload: false
            """
        try config.write(toFile: folder.path("config.yaml"), atomically: true, encoding: .utf8)
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-c", folder.path("config.yaml"), "serve"]
        process.currentDirectoryURL = folder.url
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        // Without the log file the relay's standard error is lost; the test still runs.
        _ = FileManager.default.createFile(atPath: folder.path("nostr-relay.log"), contents: nil)
        process.standardError = FileHandle(forWritingAtPath: folder.path("nostr-relay.log"))
        try process.run()
        try waitUntilListening(
            port: port, seconds: 60, alive: { self.process.isRunning },
            log: { (try? String(contentsOfFile: folder.path("nostr-relay.log"), encoding: .utf8)) ?? "" })
    }

    /// SIGTERM (gunicorn stops its worker), SIGKILL after 10 s; returns once the relay is gone.
    func stop() {
        stopProcess(process)
    }
}

/// `bench serve` as a user runs it: a mesh of our nodes, each its own process, until SIGTERM.
final class ServeProcess {
    let urls: [String]
    private let process = Process()

    init(bench: BuiltExecutable, arguments: [String], targetsFile: String) throws {
        process.executableURL = bench.url
        process.arguments = ["serve"] + arguments + ["--targets-out", targetsFile]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        var lines: [String] = []
        var pending = Data()
        let reader = out.fileHandleForReading
        while !lines.contains("ready") {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            pending.append(chunk)
            while let newline = pending.firstIndex(of: 0x0A) {
                lines.append(String(decoding: pending[pending.startIndex..<newline], as: UTF8.self))
                pending.removeSubrange(pending.startIndex...newline)
            }
        }
        guard lines.contains("ready") else {
            stopProcess(process)
            throw XCTSkip("bench serve ended before printing ready: \(lines)")
        }
        urls = lines.compactMap { $0.split(separator: "\t").last.map(String.init) }.filter { $0.hasPrefix("ws://") }
    }

    /// SIGTERM: the nodes stop and their stores are removed; SIGKILL after 10 s.
    func stop() -> Int32 {
        stopProcess(process)
        return process.terminationStatus
    }
}

private func stopProcess(_ process: Process) {
    guard process.isRunning else { return }
    process.terminate()
    let deadline = Date().addingTimeInterval(10)
    while process.isRunning && Date() < deadline { usleep(20_000) }
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
}

/// A port the kernel just handed out on 127.0.0.1 (bound, then released).
func freeLoopbackPort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
        }
    }
    guard bound else { throw CocoaError(.featureUnsupported) }
    return Int(UInt16(bigEndian: address.sin_port))
}

/// True when something accepts TCP connections on 127.0.0.1:`port`.
func isListening(port: Int) -> Bool {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = UInt16(port).bigEndian
    return withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
        }
    }
}

private func waitUntilListening(port: Int, seconds: Double, alive: () -> Bool, log: () -> String) throws {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if isListening(port: port) { return }
        guard alive() else { throw RelayDidNotStart(reason: "exited: \(log().suffix(1_000))") }
        usleep(100_000)
    }
    throw RelayDidNotStart(reason: "not listening on 127.0.0.1:\(port) after \(seconds) s: \(log().suffix(1_000))")
}

struct RelayDidNotStart: Error, CustomStringConvertible {
    let reason: String
    var description: String { "nostr-relay did not start: \(reason)" }
}

/// Runs a program to completion, capturing both outputs.
private func runTool(_ path: String, _ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (
        process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self)
    )
}
