import Foundation

/// The two ways the profile session runs a tool: the profiled child with this process's
/// standard streams, and `perf script` read line by line.
enum ChildProcess {
    /// Runs `command` through `env` (so PATH is searched) with this process's standard input,
    /// output and error, so the samples the child writes reach the same pipe or file; `environment`
    /// is added to this process's. Returns the exit status.
    static func runInheritingOutput(
        _ command: [String], environment: [String: String]
    ) throws(ProfileSessionError)
        -> Int32
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        do {
            try process.run()
        } catch {
            throw .cannotStart(command: command.first ?? "", reason: error.localizedDescription)
        }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Runs `command` and hands each line of its standard output to `body` as it arrives, so a
    /// profile of hundreds of MB of `perf script` text is never held whole; its standard error
    /// goes to `errorLog`. A non-zero exit is an error naming the log.
    static func streamLines(_ command: [String], errorLog: URL, _ body: (Substring) throws -> Void) throws {
        guard FileManager.default.createFile(atPath: errorLog.path, contents: nil) else {
            throw ProfileSessionError.cannotWrite(path: errorLog.path, reason: "the file cannot be created")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        let output = Pipe()
        process.standardOutput = output
        do {
            process.standardError = try FileHandle(forWritingTo: errorLog)
            try process.run()
        } catch {
            throw ProfileSessionError.cannotStart(command: command.first ?? "", reason: error.localizedDescription)
        }
        var pending = Data()
        let reader = output.fileHandleForReading
        while true {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            pending.append(chunk)
            guard let last = pending.lastIndex(of: 0x0A) else { continue }
            let complete = String(decoding: pending[pending.startIndex..<last], as: UTF8.self)
            for line in complete.split(separator: "\n", omittingEmptySubsequences: false) { try body(line) }
            pending = Data(pending[(last + 1)...])
        }
        if !pending.isEmpty { try body(Substring(String(decoding: pending, as: UTF8.self))) }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ProfileSessionError.commandFailed(
                command: command.joined(separator: " "), status: process.terminationStatus, log: errorLog.path)
        }
    }
}
