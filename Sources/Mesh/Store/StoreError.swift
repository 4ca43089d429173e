/// A failure of a node's SQLite store, naming the database file and the SQLite message.
public struct StoreError: Error, CustomStringConvertible {
    public let path: String
    public let operation: String
    public let code: Int32
    public let message: String

    public var description: String {
        "SQLite store \(path): \(operation) failed (code \(code)): \(message). Check that the folder is writable and not on a full disk."
    }
}
