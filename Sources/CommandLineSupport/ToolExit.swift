import Foundation

/// MeshBench's exit codes, the same in `bench`, `analyze` and `render` (README, "Exit codes").
public enum ToolExit {
    /// Success: the verdict is pass or warn.
    public static let success: Int32 = 0
    /// The measured system failed: a regression past FAIL, an SLA missed, a scenario failed twice.
    public static let systemFailed: Int32 = 1
    /// Bad input or usage: the message names the place and the fix; nothing was written.
    public static let badInput: Int32 = 2
    /// A bug in MeshBench.
    public static let internalError: Int32 = 3
}

/// How one tool ends on one of its own errors: with a message on standard error, or quietly
/// (a reader that closed the pipe early is not worth a word).
public enum ToolEnding {
    case report(String, code: Int32)
    case quiet(code: Int32)
}

/// A subcommand whose result is an exit code rather than "did not throw" (`analyze` exits 1 on a
/// FAIL verdict without any error having happened).
public protocol StatusCommand {
    func execute() async throws -> Int32
}

/// Standard error is for people (progress, verdicts, errors); standard output carries data only.
/// Written with write(2), not `FileHandle.write`, which traps on a closed descriptor: a message
/// that cannot be shown (standard error closed) is dropped, the exit code still says what happened.
public enum Console {
    public static func error(_ message: String) {
        let bytes = Array((message + "\n").utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress! + offset, bytes.count - offset) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return }
            offset += n
        }
    }
}
