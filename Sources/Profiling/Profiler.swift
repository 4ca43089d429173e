import Foundation

/// Which profiler `bench --profile` runs the scenarios under, chosen by what works on this
/// machine: `perf record -g` with the hardware cycle counter, `perf` with the `cpu-clock`
/// software timer (virtual machines often expose no hardware counters), else valgrind's
/// callgrind. `MESHBENCH_PROFILER=perf|callgrind` forces one.
public enum Profiler: Equatable, Sendable {
    /// `perf record -g`; `event` nil means perf's default (cycles).
    case perf(event: String?)
    case callgrind

    public var name: String {
        switch self {
        case let .perf(event): return "perf record -g" + (event.map { " -e \($0)" } ?? "")
        case .callgrind: return "valgrind --tool=callgrind"
        }
    }

    static let installHint =
        "install one: `sudo apt-get install linux-perf` (Debian; linux-tools-generic on Ubuntu) or `sudo apt-get install valgrind`"

    /// The profiler `MESHBENCH_PROFILER` asks for (auto when unset), if `probe` finds it working.
    public static func choose(
        environment: [String: String] = ProcessInfo.processInfo.environment, probe: ProfilerProbe = .system
    ) throws(ProfileSessionError) -> Profiler {
        let forced = environment["MESHBENCH_PROFILER"].map { $0.lowercased() } ?? "auto"
        /// The hardware counter where there is one, else the software timer.
        func workingPerf() -> Profiler? {
            if probe.counts("instructions") { return .perf(event: nil) }
            return probe.counts("cpu-clock") ? .perf(event: "cpu-clock") : nil
        }
        switch forced {
        case "auto", "":
            if let perf = workingPerf() { return perf }
            if probe.valgrindWorks() { return .callgrind }
            throw .noProfiler
        case "perf":
            guard let perf = workingPerf() else { throw .perfNotCounting }
            return perf
        case "callgrind":
            guard probe.valgrindWorks() else { throw .valgrindMissing }
            return .callgrind
        default:
            throw .unknownProfiler(forced)
        }
    }
}

/// How `Profiler.choose` finds out what works: the real commands (`.system`), or answers a test
/// gives so the choice can be checked without perf or valgrind installed.
public struct ProfilerProbe: Sendable {
    /// Whether `perf stat -e EVENT true` counts something.
    public let counts: @Sendable (_ event: String) -> Bool
    /// Whether `valgrind --version` runs.
    public let valgrindWorks: @Sendable () -> Bool

    public init(counts: @escaping @Sendable (String) -> Bool, valgrindWorks: @escaping @Sendable () -> Bool) {
        self.counts = counts
        self.valgrindWorks = valgrindWorks
    }

    public static let system = ProfilerProbe(
        counts: { event in
            capture(["perf", "stat", "-x", ",", "-e", event, "true"]).map { counted(event, inPerfStat: $0) } ?? false
        },
        valgrindWorks: { capture(["valgrind", "--version"]) != nil })

    /// `perf stat -x ,` output (CSV: "<value>,<unit>,<event>,..."): true when a line for `event`
    /// has a positive count, false for "<not supported>" or "<not counted>".
    static func counted(_ event: String, inPerfStat output: String) -> Bool {
        output.split(separator: "\n").contains { line in
            line.contains(event) && !line.contains("<not")
                && (line.split(separator: ",").first.flatMap { Double($0) } ?? 0) > 0
        }
    }

    /// Runs a probe through `env` (so PATH is searched); its standard error when it exits 0, nil
    /// when it cannot start or fails (either way the tool is not usable here).
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
