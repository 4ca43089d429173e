import BenchFormats
import Foundation
import Logging
import Profiling

/// `bench --profile`: runs this same `bench` command line (without the profile flags) as a child
/// under the chosen profiler, then turns the profile into folded stacks in `--profile-out`
/// (`bench.folded`, plus the raw `perf.data` or `callgrind.out`). The child writes the raw
/// samples exactly where the plain command would (standard output or `--out`), records each
/// scenario's memory footprint, and its exit code becomes this command's.
struct ProfileSession {
    /// Set in the child's environment: it records memory footprints and must not profile again.
    static let childMarker = "MESHBENCH_PROFILE_CHILD"
    static var isChild: Bool { ProcessInfo.processInfo.environment[childMarker] == "1" }

    let folder: URL
    let arguments: [String]
    let logger = Logger(label: "meshbench.profile")

    init(outputFolder: String, commandLine: [String] = CommandLine.arguments) {
        folder = URL(fileURLWithPath: outputFolder, isDirectory: true)
        arguments = Self.childArguments(Array(commandLine.dropFirst()))
    }

    /// The command line without `--profile` and `--profile-out DIR` / `--profile-out=DIR`.
    static func childArguments(_ arguments: [String]) -> [String] {
        var kept: [String] = []
        var skipNext = false
        for argument in arguments {
            if skipNext { skipNext = false; continue }
            if argument == "--profile" || argument.hasPrefix("--profile-out=") { continue }
            if argument == "--profile-out" { skipNext = true; continue }
            kept.append(argument)
        }
        return kept
    }

    /// Profiles the run; returns the child's exit status.
    func run(progress note: (String) -> Void) throws -> Int32 {
        let profiler = try Profiler.choose()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw UsageError("cannot create --profile-out folder \(folder.path): \(error.localizedDescription)")
        }
        guard let executable = Bundle.main.executablePath else {
            throw UsageError("cannot find the bench executable to profile")
        }
        note("profiling with \(profiler.name) into \(folder.path)")
        let (command, raw) = profilerCommand(profiler, executable: executable)
        logger.debug("starting profiled child", metadata: ["command": "\(command.joined(separator: " "))"])
        let status = try runInheritingOutput(command)

        let started = Date()
        let profile = try fold(profiler, raw: raw)
        let folded = folder.appendingPathComponent("bench.folded")
        do {
            let commit = FileCommit()
            try commit.add(Array(profile.foldedText().utf8), to: folded.path)
            try commit.commit()
        } catch {
            throw UsageError("cannot write \(folded.path): \(error)")
        }
        note(
            "profile: \(profile.totalSamples) samples in \(profile.counts.count) distinct stacks → \(folded.path) (folded in \(String(format: "%.1f", Date().timeIntervalSince(started))) s)"
        )
        note("top frames (self samples):")
        let total = max(1, profile.totalSamples)
        for (frame, samples) in profile.topSelfFrames(10) {
            note(String(format: "  %5.1f %%  %@", 100 * Double(samples) / Double(total), frame))
        }
        note("draw it: render flamegraph \(folded.path) --out \(folder.appendingPathComponent("flamegraph.png").path)")
        return status
    }

    private func profilerCommand(_ profiler: Profiler, executable: String) -> ([String], URL) {
        switch profiler {
        case let .perf(event):
            let raw = folder.appendingPathComponent("perf.data")
            // 499 Hz: enough samples for a flame graph of a minutes-long run, little overhead.
            var command = ["perf", "record", "-g", "-F", "499", "-o", raw.path]
            if let event { command += ["-e", event] }
            return (command + ["--", executable] + arguments, raw)
        case .callgrind:
            let raw = folder.appendingPathComponent("callgrind.out")
            return (
                ["valgrind", "--tool=callgrind", "--callgrind-out-file=\(raw.path)", "--", executable] + arguments, raw
            )
        }
    }

    /// Runs `command` with this process's standard input, output and error, so the samples the
    /// child writes reach the same pipe or file; the child's environment marks it as profiled.
    private func runInheritingOutput(_ command: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        var environment = ProcessInfo.processInfo.environment
        environment[Self.childMarker] = "1"
        process.environment = environment
        do {
            try process.run()
        } catch {
            throw UsageError("cannot start \(command[0]): \(error.localizedDescription); \(Profiler.installHint)")
        }
        process.waitUntilExit()
        return process.terminationStatus
    }

    private func fold(_ profiler: Profiler, raw: URL) throws -> FoldedProfile {
        switch profiler {
        case .perf:
            var collapser = PerfScriptCollapser()
            let log = folder.appendingPathComponent("perf-script.log")
            guard FileManager.default.createFile(atPath: log.path, contents: nil) else {
                throw UsageError("cannot create \(log.path) in --profile-out")
            }
            try streamLines(["perf", "script", "-i", raw.path], errorLog: log) { line in try collapser.feed(line) }
            return collapser.finish()
        case .callgrind:
            guard let text = try? String(contentsOf: raw, encoding: .utf8) else {
                throw UsageError("callgrind wrote no readable profile at \(raw.path); see valgrind's messages above")
            }
            return try CallgrindCollapser().collapse(text)
        }
    }

    /// Runs `command` and hands each line of its standard output to `body` as it arrives, so a
    /// profile of hundreds of MB of `perf script` text is never held whole.
    private func streamLines(_ command: [String], errorLog: URL, _ body: (Substring) throws -> Void) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        let output = Pipe()
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errorLog)
        try process.run()
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
            throw UsageError(
                "`\(command.joined(separator: " "))` failed (exit \(process.terminationStatus)); its messages are in \(errorLog.path)"
            )
        }
    }
}
