/// Why a profiler's output could not be turned into folded stacks; names the line and the fix.
public enum ProfileConversionError: Error, CustomStringConvertible, Equatable {
    case perfScript(line: Int, problem: String)
    case callgrind(line: Int, problem: String)

    public var description: String {
        switch self {
        case let .perfScript(line, problem):
            return
                "perf script output line \(line): \(problem); produce it with `perf script -i perf.data` (default fields)"
        case let .callgrind(line, problem):
            return
                "callgrind output line \(line): \(problem); produce it with `valgrind --tool=callgrind --callgrind-out-file=FILE`"
        }
    }
}
