#if canImport(Glibc)
import Glibc
#endif

/// Why a command's outputs could not be validated or committed. Nothing it names was changed:
/// a failure before the commit point leaves every target as it was.
public struct FileCommitError: Error, Equatable, CustomStringConvertible {
    public let path: String
    public let operation: String
    public let message: String
    /// The target is a pipe whose reader has gone (EPIPE): the consumer has what it wanted, so
    /// the tools end quietly with exit 0, as `bench` does.
    public let readerClosed: Bool

    public init(path: String, operation: String, message: String, readerClosed: Bool = false) {
        self.path = path
        self.operation = operation
        self.message = message
        self.readerClosed = readerClosed
    }

    public var description: String {
        "\(path): cannot \(operation): \(message). Nothing was written or changed; "
            + "check the path, that its folder exists and is writable, and that there is free space."
    }

    static func errno(_ path: String, _ operation: String) -> FileCommitError {
        FileCommitError(
            path: path, operation: operation, message: String(cString: strerror(Glibc.errno)),
            readerClosed: Glibc.errno == EPIPE)
    }
}
