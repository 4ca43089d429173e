import BenchFormats

/// Everything `analyze` refuses, with the place and the fix in the message. The exit code follows
/// the README's table: bad input or usage → 2, a bug in MeshBench → 3.
public enum AnalysisError: Error, CustomStringConvertible, Equatable {
    /// An input file is unusable: `file` (and `line` when known), what is wrong, how to fix it.
    case badInput(file: String, line: Int?, problem: String, fix: String)
    /// An input the file reader refused; its message already names the file, line and fix.
    case rejected(String)
    /// The command line asks for something impossible.
    case usage(String)
    /// `thresholds.json` is missing: the message says how to create one.
    case missingThresholds(path: String)
    /// An output could not be written; nothing was changed (`FileCommit`).
    case output(FileCommitError)
    /// A condition MeshBench's own code should never reach.
    case `internal`(String)

    public var exitCode: Int32 {
        switch self {
        case .badInput, .rejected, .usage, .missingThresholds, .output: return 2
        case .internal: return 3
        }
    }

    public var description: String {
        switch self {
        case let .badInput(file, line, problem, fix):
            let place = line.map { "\(file):\($0)" } ?? file
            return "\(place): \(problem). Fix: \(fix)"
        case let .rejected(message):
            return message
        case let .usage(message):
            return "usage: \(message)"
        case let .missingThresholds(path):
            return "\(path): no thresholds file, and analyze never falls back to limits hidden in code. "
                + "Fix: run from the repository root, restore the committed file with `git checkout -- \(BenchmarksLayout.thresholds)` "
                + "(story 11.6's SLAs, noise ±5 %, latency WARN +20 % / FAIL +50 %, throughput WARN −20 % / FAIL −50 %, "
                + "memory WARN +30 %, α 0.05; fields in docs/formats.md), or pass --thresholds FILE"
        case let .output(error):
            return error.description
        case let .internal(message):
            return "internal error: \(message). This is a bug in MeshBench: please report it with the command line"
        }
    }
}
