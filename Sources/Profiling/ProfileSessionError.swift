/// Why `bench --profile` could not profile: each message names the tool, file or variable and
/// the fix (exit code 2).
public enum ProfileSessionError: Error, CustomStringConvertible, Equatable {
    /// Neither perf nor valgrind works here.
    case noProfiler
    /// `MESHBENCH_PROFILER=perf`, but perf counts nothing.
    case perfNotCounting
    /// `MESHBENCH_PROFILER=callgrind`, but valgrind is not installed.
    case valgrindMissing
    case unknownProfiler(String)
    case folderNotCreatable(path: String, reason: String)
    case executableNotFound
    case cannotStart(command: String, reason: String)
    case cannotWrite(path: String, reason: String)
    /// callgrind left no profile file to fold.
    case noCallgrindProfile(path: String, reason: String)
    case commandFailed(command: String, status: Int32, log: String)

    public var description: String {
        let hint = Profiler.installHint
        switch self {
        case .noProfiler:
            return
                "--profile needs perf or valgrind and neither works here (perf stat -e instructions true / -e cpu-clock failed, valgrind not found); \(hint)"
        case .perfNotCounting:
            return
                "MESHBENCH_PROFILER=perf but `perf stat -e cpu-clock true` counts nothing: perf is missing or not permitted (check /proc/sys/kernel/perf_event_paranoid); \(hint)"
        case .valgrindMissing:
            return "MESHBENCH_PROFILER=callgrind but valgrind is not installed; \(hint)"
        case .unknownProfiler(let name):
            return "MESHBENCH_PROFILER=\(name) is not a profiler; use perf, callgrind or auto"
        case .folderNotCreatable(let path, let reason):
            return "cannot create --profile-out folder \(path): \(reason)"
        case .executableNotFound:
            return "cannot find the bench executable to profile"
        case .cannotStart(let command, let reason):
            return "cannot start \(command): \(reason); \(hint)"
        case .cannotWrite(let path, let reason):
            return "cannot write \(path): \(reason); choose another --profile-out"
        case .noCallgrindProfile(let path, let reason):
            return "callgrind wrote no readable profile at \(path) (\(reason)); see valgrind's messages above"
        case .commandFailed(let command, let status, let log):
            return "`\(command)` failed (exit \(status)); its messages are in \(log)"
        }
    }
}
