import CSQLite3
import Foundation

/// The columns of one stored event; the raw JSON is kept so a query returns exactly what was signed.
struct StoredEventRow {
    var id: String
    var pubkey: String
    var createdAt: Int64
    var kind: Int
    var tags: [[String]]
    var json: [UInt8]
}

/// One node's event database: SQLite in WAL mode with `synchronous=NORMAL` (durable across a crash
/// of the process, fsync only at checkpoints, which run in the background: `WALCheckpointer`), an
/// `events` table keyed by the unique event id, indexes for NIP-01 queries and a `tags` table for
/// single-letter tag filters.
///
/// Not thread-safe by design: a store belongs to one node, whose state is touched on one event loop.
public final class EventStore {
    public let path: String
    private var db: OpaquePointer?
    private let insertEvent: SQLiteStatement
    private let insertTag: SQLiteStatement
    private let countEvents: SQLiteStatement
    private let findEvent: SQLiteStatement
    /// Transaction control, prepared once: `sqlite3_exec` would re-parse the SQL for every event.
    private let begin: SQLiteStatement
    private let savepoint: SQLiteStatement
    private let release: SQLiteStatement
    private let rollbackToSavepoint: SQLiteStatement
    private let commitStatement: SQLiteStatement
    private let checkpointer: WALCheckpointer

    public init(path: String) throws(StoreError) {
        self.path = path
        _ = SQLiteLibrary.memoryStatisticsOff
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let rc = sqlite3_open_v2(path, &handle, flags, nil)
        guard rc == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(handle)
            throw StoreError(path: path, operation: "open", code: rc, message: message)
        }
        do throws(StoreError) {
            try Self.execute(handle, path: path, Self.schema)
            insertEvent = try SQLiteStatement(
                db: handle, path: path,
                sql:
                    "INSERT OR IGNORE INTO events (id, pubkey, created_at, kind, json) VALUES (?1, ?2, ?3, ?4, ?5)")
            insertTag = try SQLiteStatement(
                db: handle, path: path,
                sql:
                    "INSERT INTO tags (event, name, value) VALUES (?1, ?2, ?3)")
            countEvents = try SQLiteStatement(db: handle, path: path, sql: "SELECT COUNT(*) FROM events")
            findEvent = try SQLiteStatement(db: handle, path: path, sql: "SELECT json FROM events WHERE id = ?1")
            begin = try SQLiteStatement(db: handle, path: path, sql: "BEGIN")
            savepoint = try SQLiteStatement(db: handle, path: path, sql: "SAVEPOINT event")
            release = try SQLiteStatement(db: handle, path: path, sql: "RELEASE event")
            rollbackToSavepoint = try SQLiteStatement(db: handle, path: path, sql: "ROLLBACK TO event")
            commitStatement = try SQLiteStatement(db: handle, path: path, sql: "COMMIT")
            checkpointer = try WALCheckpointer(
                path: path, startPages: Self.walCheckpointPages, inlinePages: Self.walInlineCheckpointPages)
        } catch {
            sqlite3_close_v2(handle)
            throw error
        }
        checkpointer.attach(to: handle)
        db = handle
    }

    deinit { close() }

    /// Closes the database (idempotent); the statements are finalized first so no handle leaks.
    public func close() {
        guard let handle = db else { return }
        // The transports commit every batch (`RelayNode.commitStore` counts a failure); this only
        // covers a batch cut short by shutdown, after the run and its counters are over.
        try? commit()
        checkpointer.close()
        db = nil
        for statement in [
            insertEvent, insertTag, countEvents, findEvent, begin, savepoint, release, rollbackToSavepoint,
            commitStatement,
        ] {
            statement.finalize()
        }
        sqlite3_close_v2(handle)
    }

    /// WAL pages at which a commit starts a checkpoint in the background (16 MB; `WALCheckpointer`).
    /// Off the loop, a larger WAL costs no stall, and it means fewer checkpoints and syncs: each
    /// copies the pages that every commit touches (the indexes' inner pages, the tables' last
    /// pages) once per 16 MB instead of once per 4 MB. At 4 MB the ten nodes' checkpoints kept the
    /// disk so busy that the writers fell back to checkpointing themselves (a 10-node knee of 841
    /// events/s against 1,000 at 16 MB; docs/bottlenecks.md, "checkpoints off the event loops").
    static let walCheckpointPages: Int32 = 4_000

    /// WAL pages (64 MB) at which the writer checkpoints itself, because the background fell behind.
    static let walInlineCheckpointPages: Int32 = 4 * walCheckpointPages

    static let schema = """
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = NORMAL;
        PRAGMA temp_store = MEMORY;
        CREATE TABLE IF NOT EXISTS events (
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            pubkey TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            kind INTEGER NOT NULL,
            json BLOB NOT NULL
        );
        CREATE INDEX IF NOT EXISTS events_pubkey ON events (pubkey);
        CREATE INDEX IF NOT EXISTS events_kind ON events (kind);
        CREATE INDEX IF NOT EXISTS events_created_at ON events (created_at);
        CREATE TABLE IF NOT EXISTS tags (
            event INTEGER NOT NULL REFERENCES events (rowid),
            name TEXT NOT NULL,
            value TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS tags_name_value ON tags (name, value);
        """

    /// Whether inserts since the last `commit()` are waiting in an open transaction.
    public private(set) var hasUncommittedWrites = false

    /// Stores an event; `false` when an event with the same id is already there (nothing written).
    ///
    /// Group commit: the insert joins a transaction that stays open until `commit()`, which the
    /// transport calls once per batch of work after the answers are on the wire. Queries on this
    /// store see the event at once; it is durable after the commit. Event and tags go in one
    /// savepoint, so a reader never sees an event without its tags; an event without indexed tags
    /// is one statement, atomic by itself, and skips the savepoint's two extra statements.
    @discardableResult
    func insert(_ row: StoredEventRow) throws(StoreError) -> Bool {
        let indexedTags = row.tags.filter { $0.count >= 2 && $0[0].utf8.count == 1 }
        let handle = try openHandle()
        if !hasUncommittedWrites {
            try begin.run("begin the batch transaction")
            hasUncommittedWrites = true
        }
        guard !indexedTags.isEmpty else {
            defer { insertEvent.reset() }
            bindEvent(row)
            _ = try insertEvent.step("insert event \(row.id)")
            return sqlite3_changes(handle) == 1
        }
        try savepoint.run("savepoint before event \(row.id)")
        defer { insertEvent.reset() }
        bindEvent(row)
        do throws(StoreError) {
            _ = try insertEvent.step("insert event \(row.id)")
            let inserted = sqlite3_changes(handle) == 1
            if inserted {
                let rowid = sqlite3_last_insert_rowid(handle)
                for tag in indexedTags {
                    defer { insertTag.reset() }
                    insertTag.bind(1, rowid)
                    insertTag.bind(2, tag[0])
                    insertTag.bind(3, tag[1])
                    _ = try insertTag.step("insert tag \(tag[0]) of event \(row.id)")
                }
            }
            try release.run("release savepoint of event \(row.id)")
            return inserted
        } catch {
            // Undo what can be undone; the insert's own error is the one the caller must see.
            try? rollbackToSavepoint.run("roll back event \(row.id)")
            try? release.run("release savepoint of event \(row.id)")
            throw error
        }
    }

    private func bindEvent(_ row: StoredEventRow) {
        insertEvent.bind(1, row.id)
        insertEvent.bind(2, row.pubkey)
        insertEvent.bind(3, row.createdAt)
        insertEvent.bind(4, Int64(row.kind))
        insertEvent.bind(5, blob: row.json)
    }

    /// Commits the open transaction, if any (one WAL commit for a whole batch of events).
    public func commit() throws(StoreError) {
        guard hasUncommittedWrites else { return }
        hasUncommittedWrites = false
        _ = try openHandle()
        try commitStatement.run("commit")
    }

    /// Number of stored events.
    public func count() throws(StoreError) -> Int {
        _ = try openHandle()
        defer { countEvents.reset() }
        _ = try countEvents.step("count events")
        return Int(countEvents.int64(column: 0))
    }

    /// The raw JSON of the event with this id, if stored.
    public func rawEvent(id: String) throws(StoreError) -> [UInt8]? {
        _ = try openHandle()
        defer { findEvent.reset() }
        findEvent.bind(1, id)
        return try findEvent.step("find event \(id)") ? findEvent.blob(column: 0) : nil
    }

    /// Raw JSON of the events matching any of the queries (NIP-01: filters are OR-ed, the
    /// conditions inside one filter AND-ed), newest first; each query's `limit` applies to its own
    /// result before the union, as a relay answers each filter of a REQ.
    func rawEvents(matching queries: [StoreQuery]) throws(StoreError) -> [[UInt8]] {
        let handle = try openHandle()
        var seen = Set<Int64>()
        var results: [(createdAt: Int64, rowid: Int64, json: [UInt8])] = []
        for query in queries {
            let (sql, arguments) = query.sql()
            let statement = try SQLiteStatement(db: handle, path: path, sql: sql)
            defer { statement.finalize() }
            for (index, argument) in arguments.enumerated() {
                switch argument {
                case let .text(s): statement.bind(Int32(index + 1), s)
                case let .integer(i): statement.bind(Int32(index + 1), i)
                }
            }
            while try statement.step("query \(sql)") {
                let rowid = statement.int64(column: 0)
                guard seen.insert(rowid).inserted else { continue }
                results.append((statement.int64(column: 1), rowid, statement.blob(column: 2)))
            }
        }
        results.sort { ($0.createdAt, $0.rowid) > ($1.createdAt, $1.rowid) }
        return results.map(\.json)
    }

    /// Bytes this store's connection holds: its page cache, schema and prepared statements
    /// (`sqlite3_db_status`, which needs none of SQLite's global statistics), so a node's memory
    /// series can tell the store's share from the rest of its heap. The checkpoint connection
    /// reads and writes around its page cache and is left out. Nil once the store is closed.
    public var memoryInUse: Int? {
        guard let db else { return nil }
        var total = 0
        for part in [SQLITE_DBSTATUS_CACHE_USED, SQLITE_DBSTATUS_SCHEMA_USED, SQLITE_DBSTATUS_STMT_USED] {
            var current: Int32 = 0
            var highwater: Int32 = 0
            guard sqlite3_db_status(db, part, &current, &highwater, 0) == SQLITE_OK else { return nil }
            total += Int(current)
        }
        return total
    }

    private func openHandle() throws(StoreError) -> OpaquePointer {
        guard let db else {
            throw StoreError(
                path: path, operation: "use", code: SQLITE_MISUSE, message: "the store was closed (node stopped)")
        }
        return db
    }

    private static func execute(_ db: OpaquePointer, path: String, _ sql: String) throws(StoreError) {
        var error: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(db, sql, nil, nil, &error)
        guard rc == SQLITE_OK else {
            let message = error.map { String(cString: $0) } ?? "unknown error"
            sqlite3_free(error)
            throw StoreError(path: path, operation: "execute `\(sql.prefix(60))`", code: rc, message: message)
        }
    }
}
