import CSQLite3

/// Process-wide SQLite settings, applied once before the first connection opens (`EventStore`
/// opens every connection MeshBench makes).
enum SQLiteLibrary {
    /// Turns SQLite's global memory statistics off. With them on, every `sqlite3_malloc` and
    /// `sqlite3_free` takes one process-wide mutex to count bytes; the ten stores of an in-process
    /// mesh allocate from two loop threads and their checkpoint queues, and three quarters of the
    /// loops' `futex` calls were that mutex changing hands (docs/bottlenecks.md, session 11).
    /// A store counts its own memory instead (`EventStore.memoryInUse`). True when the setting took
    /// effect; false if SQLite was already initialized (it then keeps its statistics).
    static let memoryStatisticsOff: Bool = meshbench_sqlite3_config_memstatus(0) == SQLITE_OK
}
