import CSQLite3

/// A prepared statement kept for the life of the store, so the hot path never re-parses SQL.
final class SQLiteStatement {
    let handle: OpaquePointer
    private let db: OpaquePointer
    private let path: String

    /// SQLite copies the bound bytes (`SQLITE_TRANSIENT`), so callers' buffers may go away.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(db: OpaquePointer, path: String, sql: String) throws(StoreError) {
        var statement: OpaquePointer?
        let rc = sqlite3_prepare_v3(db, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard rc == SQLITE_OK, let statement else {
            throw StoreError(
                path: path, operation: "prepare `\(sql)`", code: rc, message: String(cString: sqlite3_errmsg(db)))
        }
        self.handle = statement
        self.db = db
        self.path = path
    }

    private var finalized = false

    deinit { finalize() }

    /// Releases the statement (idempotent); SQLite only really closes a database, and its file
    /// descriptors, once every statement on it is finalized.
    func finalize() {
        guard !finalized else { return }
        finalized = true
        sqlite3_finalize(handle)
    }

    /// Binds every byte of `text`, an embedded NUL included: a length of -1 would make SQLite stop
    /// at the first NUL, so "a\0b" would be stored, and matched, as "a". An empty string has no
    /// buffer, and a null pointer would bind SQL NULL, so it is bound as "" of length 0.
    func bind(_ index: Int32, _ text: String) {
        var text = text
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                guard let start = chars.baseAddress else {
                    _ = sqlite3_bind_text(handle, index, "", 0, Self.transient)
                    return
                }
                _ = sqlite3_bind_text64(handle, index, start, UInt64(chars.count), Self.transient, UInt8(SQLITE_UTF8))
            }
        }
    }

    func bind(_ index: Int32, _ value: Int64) {
        sqlite3_bind_int64(handle, index, value)
    }

    func bind(_ index: Int32, blob bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            _ = sqlite3_bind_blob64(handle, index, raw.baseAddress, UInt64(raw.count), Self.transient)
        }
    }

    /// Steps once; `true` when a row is available, `false` when done. `operation` names the step in
    /// an error; it is only built when the step fails.
    func step(_ operation: @autoclosure () -> String) throws(StoreError) -> Bool {
        let rc = sqlite3_step(handle)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            throw StoreError(path: path, operation: operation(), code: rc, message: String(cString: sqlite3_errmsg(db)))
        }
    }

    /// Runs a statement without results (transaction control) and resets it for the next run.
    func run(_ operation: @autoclosure () -> String) throws(StoreError) {
        defer { sqlite3_reset(handle) }
        _ = try step(operation())
    }

    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    func int64(column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    func blob(column: Int32) -> [UInt8] {
        let count = Int(sqlite3_column_bytes(handle, column))
        guard count > 0, let pointer = sqlite3_column_blob(handle, column) else { return [] }
        return Array(UnsafeRawBufferPointer(start: pointer, count: count))
    }
}
