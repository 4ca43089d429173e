import BenchFormats
import Foundation
import Logging

/// `bench --profile`: runs this same `bench` command line (without the profile flags) as a child
/// under the chosen profiler, then turns the profile into folded stacks in `--profile-out`
/// (`bench.folded`, plus the raw `perf.data` or `callgrind.out`). The child writes the raw
/// samples exactly where the plain command would (standard output or `--out`), records each
/// scenario's memory footprint, and its exit code becomes this command's.
public struct ProfileSession {
    /// Set in the child's environment: it records memory footprints and must not profile again.
    static let childMarker = "MESHBENCH_PROFILE_CHILD"
    public static var isChild: Bool { ProcessInfo.processInfo.environment[childMarker] == "1" }

    let folder: URL
    /// The child's arguments (this command line without the profile flags).
    let arguments: [String]
    let logger = Logger(label: "meshbench.profile")

    /// `commandLine` is the whole command line, program name first (`CommandLine.arguments`).
    public init(outputFolder: String, commandLine: [String] = CommandLine.arguments) {
        folder = URL(fileURLWithPath: outputFolder, isDirectory: true)
        arguments = Self.childArguments(Array(commandLine.dropFirst()))
    }

    /// The command line without `--profile` and `--profile-out DIR` / `--profile-out=DIR`.
    static func childArguments(_ arguments: [String]) -> [String] {
        var kept: [String] = []
        var skipNext = false
        for argument in arguments {
            if skipNext {
                skipNext = false
                continue
            }
            if argument == "--profile" || argument.hasPrefix("--profile-out=") { continue }
            if argument == "--profile-out" {
                skipNext = true
                continue
            }
            kept.append(argument)
        }
        return kept
    }

    /// Profiles the run with the profiler that works here; returns the child's exit status.
    /// `note` receives progress and the summary (standard error in `bench`).
    public func run(progress note: (String) -> Void) throws -> Int32 {
        let profiler = try Profiler.choose()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw ProfileSessionError.folderNotCreatable(path: folder.path, reason: error.localizedDescription)
        }
        guard let executable = Bundle.main.executablePath else { throw ProfileSessionError.executableNotFound }
        note("profiling with \(profiler.name) into \(folder.path)")
        let (command, raw) = profilerCommand(profiler, executable: executable)
        logger.debug("starting profiled child", metadata: ["command": "\(command.joined(separator: " "))"])
        let status = try ChildProcess.runInheritingOutput(command, environment: [Self.childMarker: "1"])

        let started = Date()
        let profile = try fold(profiler, raw: raw)
        let folded = folder.appendingPathComponent("bench.folded")
        do {
            let commit = FileCommit()
            try commit.add(Array(profile.foldedText().utf8), to: folded.path)
            try commit.commit()
        } catch {
            throw ProfileSessionError.cannotWrite(path: folded.path, reason: "\(error)")
        }
        summary(of: profile, foldedPath: folded.path, seconds: Date().timeIntervalSince(started)).forEach(note)
        return status
    }

    /// The profiler's command line around the child, and where the raw profile will be.
    func profilerCommand(_ profiler: Profiler, executable: String) -> (command: [String], raw: URL) {
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

    /// The lines printed after folding: totals, the ten frames with most self samples, and how
    /// to draw the flame graph.
    func summary(of profile: FoldedProfile, foldedPath: String, seconds: Double) -> [String] {
        var lines = [
            "profile: \(profile.totalSamples) samples in \(profile.counts.count) distinct stacks → \(foldedPath) (folded in \(String(format: "%.1f", seconds)) s)",
            "top frames (self samples):",
        ]
        let total = max(1, profile.totalSamples)
        for (frame, samples) in profile.topSelfFrames(10) {
            lines.append(String(format: "  %5.1f %%  %@", 100 * Double(samples) / Double(total), frame))
        }
        lines.append(
            "draw it: render flamegraph \(foldedPath) --out \(folder.appendingPathComponent("flamegraph.png").path)")
        return lines
    }

    /// The raw profile as folded stacks: `perf script` streamed through the collapser (its
    /// messages kept in `perf-script.log`), or the callgrind file collapsed whole.
    func fold(_ profiler: Profiler, raw: URL) throws -> FoldedProfile {
        switch profiler {
        case .perf:
            var collapser = PerfScriptCollapser()
            let log = folder.appendingPathComponent("perf-script.log")
            try ChildProcess.streamLines(["perf", "script", "-i", raw.path], errorLog: log) { try collapser.feed($0) }
            return collapser.finish()
        case .callgrind:
            let text: String
            do {
                text = try String(contentsOf: raw, encoding: .utf8)
            } catch {
                throw ProfileSessionError.noCallgrindProfile(path: raw.path, reason: error.localizedDescription)
            }
            return try CallgrindCollapser().collapse(text)
        }
    }
}
