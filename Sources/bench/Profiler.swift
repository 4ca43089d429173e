import Foundation

/// Which profiler `bench --profile` runs the scenarios under, chosen by what works on this
/// machine: `perf record -g` with the hardware cycle counter, `perf` with the `cpu-clock`
/// software timer (virtual machines often expose no hardware counters), else valgrind's
/// callgrind. `MESHBENCH_PROFILER=perf|callgrind` forces one.
enum Profiler: Equatable {
    /// `perf record -g`; `event` nil means perf's default (cycles).
    case perf(event: String?)
    case callgrind

    var name: String {
        switch self {
        case let .perf(event): return "perf record -g" + (event.map { " -e \($0)" } ?? "")
        case .callgrind: return "valgrind --tool=callgrind"
        }
    }

    static let installHint =
        "install one: `sudo apt-get install linux-perf` (Debian; linux-tools-generic on Ubuntu) or `sudo apt-get install valgrind`"

    static func choose(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Profiler {
        let forced = environment["MESHBENCH_PROFILER"].map { $0.lowercased() } ?? "auto"
        switch forced {
        case "auto", "":
            if counts("instructions") { return .perf(event: nil) }
            if counts("cpu-clock") { return .perf(event: "cpu-clock") }
            if works(["valgrind", "--version"]) { return .callgrind }
            throw UsageError(
                "--profile needs perf or valgrind and neither works here (perf stat -e instructions true / -e cpu-clock failed, valgrind not found); \(installHint)"
            )
        case "perf":
            if counts("instructions") { return .perf(event: nil) }
            if counts("cpu-clock") { return .perf(event: "cpu-clock") }
            throw UsageError(
                "MESHBENCH_PROFILER=perf but `perf stat -e cpu-clock true` counts nothing: perf is missing or not permitted (check /proc/sys/kernel/perf_event_paranoid); \(installHint)"
            )
        case "callgrind":
            guard works(["valgrind", "--version"]) else {
                throw UsageError("MESHBENCH_PROFILER=callgrind but valgrind is not installed; \(installHint)")
            }
            return .callgrind
        default:
            throw UsageError("MESHBENCH_PROFILER=\(forced) is not a profiler; use perf, callgrind or auto")
        }
    }

    /// `perf stat -e EVENT true` counts something (not "<not supported>" or "<not counted>").
    static func counts(_ event: String) -> Bool {
        guard let output = capture(["perf", "stat", "-x", ",", "-e", event, "true"]) else { return false }
        // CSV mode: "<value>,<unit>,<event>,..."; unsupported events print "<not supported>".
        return output.split(separator: "\n").contains { line in
            line.contains(event) && !line.contains("<not")
                && (line.split(separator: ",").first.flatMap { Double($0) } ?? 0) > 0
        }
    }

    static func works(_ command: [String]) -> Bool { capture(command) != nil }

    /// Runs a probe through `env` (so PATH is searched); its standard error when it exits 0.
    private static func capture(_ command: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }
}
