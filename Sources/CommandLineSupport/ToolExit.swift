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
/// Both are written with write(2), not `FileHandle.write`, which traps on a closed descriptor.
public enum Console {
    /// A message that cannot be shown (standard error closed) is dropped: the exit code still
    /// says what happened.
    public static func error(_ message: String) {
        _ = writeAll(STDERR_FILENO, Array((message + "\n").utf8))
    }

    /// Data on standard output; a failed write is an error (exit 2, or 0 quietly when the
    /// reader has closed the pipe), never silence and never a trap.
    public static func output(_ text: String) throws(StandardOutputError) {
        if let code = writeAll(STDOUT_FILENO, Array(text.utf8)) { throw StandardOutputError(code: code) }
    }

    /// Writes everything; returns the errno of a failure.
    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return n < 0 ? errno : EIO }
            offset += n
        }
        return nil
    }
}

/// Standard output could not be written.
public struct StandardOutputError: Error, CustomStringConvertible {
    public let code: Int32
    /// The reader has gone (EPIPE): it has what it wanted.
    public var readerClosed: Bool { code == EPIPE }
    public var description: String {
        "standard output: cannot write it: \(String(cString: strerror(code))); give the output a place (a pipe or a file), or use the tool's output option"
    }
}
