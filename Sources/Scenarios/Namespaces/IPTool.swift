import Foundation
import NIOConcurrencyHelpers

/// Runs `ip` (iproute2), the one tool that creates and removes what a namespace mesh uses.
/// Synchronous on purpose: set-up and tear-down are a few dozen short commands, and tear-down
/// must also work from a signal handler's queue while the concurrency pool is busy.
struct IPTool: Sendable {
    let path: String

    /// Finds `ip` on the usual paths; nil when iproute2 is not installed.
    static func locate() -> IPTool? {
        for path in ["/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip"]
        where FileManager.default.isExecutableFile(atPath: path) {
            return IPTool(path: path)
        }
        return nil
    }

    /// Runs `ip ARGUMENTS` (with `input` on standard input, for `-batch -`); returns standard
    /// output, throws with standard error when it fails.
    @discardableResult
    func run(_ arguments: [String], input: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let output = Pipe(), errors = Pipe(), feed = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input == nil ? FileHandle.nullDevice : feed
        do {
            try process.run()
        } catch {
            throw NamespaceError.command(arguments: arguments, status: -1, standardError: "\(error)")
        }
        if let input {
            // A command that did not read its input fails, and its status and standard error say why.
            try? feed.fileHandleForWriting.write(contentsOf: Data(input.utf8))
            try? feed.fileHandleForWriting.close()
        }
        // Read both pipes to their end before waiting, so a chatty command cannot block on a full pipe.
        let standardError = PipeDrain(errors.fileHandleForReading)
        let out = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let message = standardError.wait()
        guard process.terminationStatus == 0 else {
            throw NamespaceError.command(
                arguments: arguments, status: process.terminationStatus,
                standardError: String(decoding: message, as: UTF8.self))
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// A pipe read to its end on a thread of its own.
final class PipeDrain: Sendable {
    /// Written once by the reading thread before `done` is signalled.
    private let data = NIOLockedValueBox(Data())
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            let all = handle.readDataToEndOfFile()
            data.withLockedValue { $0 = all }
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data.withLockedValue { $0 }
    }
}
