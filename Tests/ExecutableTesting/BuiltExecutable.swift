import Foundation
import NIOConcurrencyHelpers

/// Runs one of MeshBench's built executables (`bench`, `analyze`, `render`) the way CI does:
/// found in the build products folder next to the test bundle (`.build/<config>/NAME`); or any
/// other program the tests need, by its path.
public struct BuiltExecutable {
    public struct Run {
        public let status: Int32
        public let stdout: Data
        public let stderr: String
        public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    }

    public let url: URL

    public init(_ name: String) throws {
        let starts =
            [Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments.first ?? ".")]
            + Bundle.allBundles.map(\.bundleURL)
        for start in starts {
            var folder = start.deletingLastPathComponent()
            for _ in 0..<3 {
                let candidate = folder.appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) {
                    url = candidate
                    return
                }
                folder = folder.deletingLastPathComponent()
            }
        }
        throw NotBuilt(name: name, searched: starts.map(\.path))
    }

    /// A program of the system (`/usr/bin/gzip`, `/usr/bin/env` for python3…), run the same way.
    public init(program path: String) {
        url = URL(fileURLWithPath: path)
    }

    public struct NotBuilt: Error, CustomStringConvertible {
        let name: String
        let searched: [String]
        public var description: String {
            "\(name) binary not found near \(searched.joined(separator: ", ")); `swift build` builds it (swift test does too)"
        }
    }

    /// Runs with `arguments`, feeding `stdin`; standard output and error are drained on their own
    /// threads so a large output never blocks the child.
    public func run(
        _ arguments: [String], stdin: Data? = nil, in directory: URL? = nil,
        environment: [String: String]? = nil
    ) throws -> Run {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        let outBox = NIOLockedValueBox(Data()), errBox = NIOLockedValueBox(Data())
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            let data = out.fileHandleForReading.readDataToEndOfFile()
            outBox.withLockedValue { $0 = data }
        }
        DispatchQueue.global().async(group: group) {
            let data = err.fileHandleForReading.readDataToEndOfFile()
            errBox.withLockedValue { $0 = data }
        }
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        group.wait()
        process.waitUntilExit()
        let stdout = outBox.withLockedValue { $0 }, stderr = errBox.withLockedValue { $0 }
        return Run(status: process.terminationStatus, stdout: stdout, stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// Runs a shell pipeline (`bash -c` with pipefail, so any stage failing fails the line), for the literal `bench | analyze | render` CI line.
public func runShell(_ command: String, in directory: URL) throws -> (status: Int32, stderr: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-c", "set -o pipefail; " + command]
    process.currentDirectoryURL = directory
    let err = Pipe()
    process.standardError = err
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: errData, as: UTF8.self))
}

/// A temporary folder for one test, removed afterwards unless MESHBENCH_KEEP_TEST_OUTPUT=1.
public struct ScratchFolder {
    public let url: URL

    public init(_ name: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "meshbench-\(name)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes `data` at `name` inside the folder (creating the folders on the way) and returns its path.
    @discardableResult
    public func write(_ data: Data, to name: String) throws -> String {
        let path = path(name)
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The names in `folder` (an absolute path, or one inside the scratch folder), sorted; none when it is absent.
    public func files(in folder: String) -> [String] {
        let place = folder.hasPrefix("/") ? folder : path(folder)
        return ((try? FileManager.default.contentsOfDirectory(atPath: place)) ?? []).sorted()
    }

    public func remove() {
        if ProcessInfo.processInfo.environment["MESHBENCH_KEEP_TEST_OUTPUT"] == "1" {
            print("kept test output in \(url.path)")
            return
        }
        try? FileManager.default.removeItem(at: url)
    }
}
