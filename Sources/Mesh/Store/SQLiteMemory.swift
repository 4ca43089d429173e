import CSQLite3

/// SQLite's own account of the heap it holds in this process (page caches, prepared statements,
/// schema), so a memory series can tell the store's share from the rest of a node's heap.
public enum SQLiteMemory {
    /// Bytes SQLite has allocated and not freed, over every connection of the process; nil where
    /// the library was built without memory statistics.
    public static var inUseBytes: Int? {
        var current: sqlite3_int64 = 0
        var highwater: sqlite3_int64 = 0
        guard sqlite3_status64(SQLITE_STATUS_MEMORY_USED, &current, &highwater, 0) == SQLITE_OK else { return nil }
        return Int(exactly: current)
    }
}
