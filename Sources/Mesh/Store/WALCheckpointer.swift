import CSQLite3
import Dispatch
import NIOConcurrencyHelpers

/// Checkpoints one store's WAL from a second connection on a background queue, so that a
/// checkpoint's syncs (the WAL, then the database file) block that queue instead of the node's
/// event loop and every node that shares the loop. When the writer checkpointed itself, the two
/// loops of a 10-node mesh spent 12–13 % of a capacity ramp in `fdatasync` (12 ms per call on
/// average, up to 90 ms), time in which neither core could do the other nodes' work.
///
/// The writer's WAL hook calls `walGrew` after every commit: at `startPages` it hands one PASSIVE
/// checkpoint to the queue, which copies the committed pages into the database file and syncs
/// both files while the writer goes on. The writer reuses the WAL from its start at its first
/// transaction after a checkpoint that left no page behind. If the WAL reaches `inlinePages` (the
/// background fell behind, or the writer never paused between commits), the writer waits for a
/// running background checkpoint and then checkpoints itself, as SQLite's own auto-checkpoint
/// would, which bounds the file. Errors are ignored, as SQLite's auto-checkpoint ignores them: a
/// failed checkpoint leaves its pages in the WAL, where every reader still finds them, and the next
/// one retries.
///
/// Thread safety: `connection` is used only on `queue`; `isRunning` is locked.
final class WALCheckpointer: @unchecked Sendable {
    let startPages: Int32
    let inlinePages: Int32
    private let queue = DispatchQueue(label: "meshbench.wal-checkpoint")
    private let isRunning = NIOLockedValueBox(false)
    private var connection: OpaquePointer?

    /// Opens the second connection to `path` (already in WAL mode) and reads once, because a
    /// connection sees the WAL, and can checkpoint it, only after its first read.
    init(path: String, startPages: Int32, inlinePages: Int32) throws(StoreError) {
        self.startPages = startPages
        self.inlinePages = inlinePages
        var handle: OpaquePointer?
        let rc = sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil)
        guard rc == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(handle)
            throw StoreError(path: path, operation: "open the checkpoint connection", code: rc, message: message)
        }
        let setupRC = sqlite3_exec(
            handle, "PRAGMA synchronous = NORMAL; SELECT count(*) FROM sqlite_master;", nil, nil, nil)
        guard setupRC == SQLITE_OK else {
            let message = String(cString: sqlite3_errmsg(handle))
            sqlite3_close_v2(handle)
            throw StoreError(
                path: path, operation: "prepare the checkpoint connection", code: setupRC, message: message)
        }
        connection = handle
    }

    /// Installs the hook on the writer (it replaces SQLite's auto-checkpoint); `self` must outlive
    /// the writer's connection.
    func attach(to writer: OpaquePointer) {
        sqlite3_wal_hook(
            writer,
            { context, writer, _, pages in
                guard let context, let writer else { return SQLITE_OK }
                Unmanaged<WALCheckpointer>.fromOpaque(context).takeUnretainedValue()
                    .walGrew(pages: pages, writer: writer)
                return SQLITE_OK
            }, Unmanaged.passUnretained(self).toOpaque())
    }

    private func walGrew(pages: Int32, writer: OpaquePointer) {
        if pages >= inlinePages {
            // A running background checkpoint would make this one return at once (busy): wait for
            // it. It cannot wait on the writer, whose commit is over when the hook runs.
            queue.sync {}
            sqlite3_wal_checkpoint_v2(writer, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
            return
        }
        guard pages >= startPages else { return }
        let start = isRunning.withLockedValue { running in
            defer { running = true }
            return !running
        }
        guard start else { return }
        queue.async {
            if let connection = self.connection {
                sqlite3_wal_checkpoint_v2(connection, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
            }
            self.isRunning.withLockedValue { $0 = false }
        }
    }

    /// Waits for a running checkpoint, then closes the second connection (idempotent).
    func close() {
        queue.sync {
            sqlite3_close_v2(connection)
            connection = nil
        }
    }
}
