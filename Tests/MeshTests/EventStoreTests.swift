import CSQLite3
import Foundation
import Nostr
import XCTest
@testable import Mesh

final class EventStoreTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("meshbench-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(at: folder)
    }

    private func row(_ event: NostrEvent) -> StoredEventRow {
        StoredEventRow(
            id: event.id, pubkey: event.pubkey, createdAt: event.createdAt, kind: event.kind, tags: event.tags,
            json: event.jsonBytes())
    }

    func testInsertIsUniqueByIdAndSurvivesReopen() throws {
        let path = folder.appendingPathComponent("node.sqlite").path
        let event = NostrKeyPair.deterministic(seed: 1, index: 0).sign(
            kind: 1, content: "stored", createdAt: 1_700_000_000)
        let store = try EventStore(path: path)
        XCTAssertTrue(try store.insert(row(event)))
        XCTAssertFalse(try store.insert(row(event)), "a duplicate id writes nothing")
        XCTAssertEqual(try store.count(), 1)
        store.close()
        let reopened = try EventStore(path: path)
        XCTAssertEqual(try reopened.rawEvent(id: event.id), event.jsonBytes())
        reopened.close()
    }

    func testQueriesFollowNIP01() throws {
        let store = try EventStore(path: folder.appendingPathComponent("q.sqlite").path)
        defer { store.close() }
        let alice = NostrKeyPair.deterministic(seed: 2, index: 0), bob = NostrKeyPair.deterministic(seed: 2, index: 1)
        let a1 = alice.sign(kind: 1, content: "a1", tags: [["t", "swift"]], createdAt: 100)
        let a2 = alice.sign(kind: 7, content: "a2", tags: [["e", a1.id], ["t", "nio"]], createdAt: 200)
        let b1 = bob.sign(kind: 1, content: "b1", tags: [["t", "swift"], ["p", alice.publicKeyHex]], createdAt: 300)
        for e in [a1, a2, b1] { try store.insert(row(e)) }

        XCTAssertEqual(try store.events(matching: [NostrFilter()]), [b1, a2, a1], "newest first")
        XCTAssertEqual(try store.events(matching: [NostrFilter(authors: [alice.publicKeyHex])]), [a2, a1])
        XCTAssertEqual(try store.events(matching: [NostrFilter(kinds: [1])]), [b1, a1])
        XCTAssertEqual(try store.events(matching: [NostrFilter(tags: ["t": ["swift"]])]), [b1, a1])
        XCTAssertEqual(try store.events(matching: [NostrFilter(tags: ["e": [a1.id]])]), [a2])
        XCTAssertEqual(try store.events(matching: [NostrFilter(kinds: [1], tags: ["t": ["swift"]], since: 150)]), [b1])
        XCTAssertEqual(try store.events(matching: [NostrFilter(until: 200, limit: 1)]), [a2])
        XCTAssertEqual(
            try store.events(matching: [NostrFilter(ids: [a1.id]), NostrFilter(kinds: [7])]), [a2, a1], "filters OR-ed")
        XCTAssertEqual(try store.events(matching: [NostrFilter(kinds: [])]), [], "an empty list matches nothing")
        // Every query result agrees with the in-memory matcher of the Nostr module.
        for filter in [
            NostrFilter(kinds: [1, 7], since: 100, until: 250),
            NostrFilter(authors: [bob.publicKeyHex], tags: ["p": [alice.publicKeyHex]]),
        ] {
            XCTAssertEqual(try store.events(matching: [filter]), [b1, a2, a1].filter { filter.matches($0) })
        }
    }

    /// Inserts `count` events, one commit each. Ids come in scattered order, as event ids (hashes)
    /// do, so each lands on its own index page: every commit appends several pages to the WAL.
    private func commitOneByOne(_ count: Int, into store: EventStore, from first: Int = 0) throws {
        for index in first..<(first + count) {
            let id = String(repeating: String(format: "%016llx", UInt64(index) &* 0x9E37_79B9_7F4A_7C15), count: 4)
            let json = Array(#"{"content":"\#(String(repeating: "x", count: 300))"}"#.utf8)
            try store.insert(
                StoredEventRow(
                    id: id, pubkey: String(repeating: "ab", count: 32), createdAt: 1_700_000_000 + Int64(index),
                    kind: 1, tags: [], json: json))
            try store.commit()
        }
    }

    private func fileBytes(_ path: String) throws -> Int {
        try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int, "\(path) exists")
    }

    /// A WAL frame is a page (4,096 bytes) plus a 24-byte header; the file has a 32-byte header.
    private func walFrames(_ path: String) throws -> Int { (try fileBytes(path + "-wal") - 32) / (4_096 + 24) }

    func testTheBackgroundCheckpointCopiesTheWALIntoTheDatabaseFile() throws {
        // Enough one-event commits to pass `walCheckpointPages` but not the writer's own limit:
        // only the background connection can have copied the rows into the database file.
        let path = folder.appendingPathComponent("background.sqlite").path
        let store = try EventStore(path: path)
        defer { store.close() }
        var committed = 0
        while try walFrames(path) < Int(EventStore.walCheckpointPages) {
            try commitOneByOne(10, into: store, from: committed)
            committed += 10
        }
        XCTAssertLessThan(try walFrames(path), Int(EventStore.walCheckpointPages) * 2)
        // Until a checkpoint the database file holds only the empty schema. The checkpoint runs on
        // its own queue; wait for its result (generously: a sync can take long on a busy disk).
        let deadline = Date().addingTimeInterval(60)
        while try fileBytes(path) < committed * 300, Date() < deadline { usleep(10_000) }
        XCTAssertGreaterThan(
            try fileBytes(path), committed * 300, "no checkpoint copied the \(committed) events into the database file")
        XCTAssertEqual(try store.count(), committed)
    }

    func testTheWALStaysWithinItsBoundWhateverTheBackgroundDoes() throws {
        // 6,000 one-event commits write twice `inlinePages` of WAL. Whether or not the
        // background checkpoints keep up, the WAL is reused from its start after a full
        // checkpoint, or the writer checkpoints at `inlinePages` itself: never much more.
        let path = folder.appendingPathComponent("bound.sqlite").path
        let store = try EventStore(path: path)
        defer { store.close() }
        var largest = 0
        for batch in 0..<120 {
            try commitOneByOne(50, into: store, from: batch * 50)
            largest = max(largest, try walFrames(path))
        }
        XCTAssertEqual(try store.count(), 6_000)
        XCTAssertLessThanOrEqual(
            largest, Int(EventStore.walInlineCheckpointPages) + 50, "the WAL grew to \(largest) pages")
    }

    func testALastEventIsCommittedWithoutLaterTraffic() async throws {
        // The loopback transport commits on a timer (`storeCommitIntervalMicroseconds`), not when
        // the next batch of work comes: the last event of a run must still reach the database
        // file, where another connection (here, a second store on the same file) sees it.
        let config = MeshConfig(topology: try .line(nodes: 2), transport: .loopback)
        try await withNetwork(config) { network in
            let event = try await network.publish(from: 0, content: "the last one")
            _ = try await network.awaitPropagation(of: event.id)
            for node in 0..<2 {
                let reader = try EventStore(path: network.storePath(of: node))
                defer { reader.close() }
                var seen = try reader.count()
                // Generous: the commit is due after 20 ms; a loaded machine may take longer.
                for _ in 0..<500 where seen == 0 {
                    try await Task.sleep(nanoseconds: 20_000_000)
                    seen = try reader.count()
                }
                XCTAssertEqual(seen, 1, "node \(node)'s event is not committed")
            }
        }
    }

    func testAStoreCountsItsOwnMemoryWithSQLitesGlobalStatisticsOff() throws {
        let store = try EventStore(path: folder.appendingPathComponent("memory.sqlite").path)
        XCTAssertTrue(SQLiteLibrary.memoryStatisticsOff, "the first store opens before SQLite initializes")
        let empty = try XCTUnwrap(store.memoryInUse)
        let key = NostrKeyPair.deterministic(seed: 3, index: 0)
        // 400 events of ~1 KB fill more than 100 pages of the page cache.
        for index in 0..<400 {
            let content = String(repeating: "x", count: 900) + " \(index)"
            XCTAssertTrue(try store.insert(row(key.sign(kind: 1, content: content, createdAt: 1_700_000_000))))
        }
        try store.commit()
        let full = try XCTUnwrap(store.memoryInUse)
        XCTAssertGreaterThan(full - empty, 100 * 4_096, "the page cache holds the new pages")
        var current: Int64 = 0
        var highwater: Int64 = 0
        XCTAssertEqual(sqlite3_status64(SQLITE_STATUS_MEMORY_USED, &current, &highwater, 0), SQLITE_OK)
        XCTAssertEqual(current, 0, "no global count, so no process-wide mutex per allocation")
        store.close()
        XCTAssertNil(store.memoryInUse)
    }

    func testClosedStoreNamesItsPath() throws {
        let path = folder.appendingPathComponent("closed.sqlite").path
        let store = try EventStore(path: path)
        store.close()
        XCTAssertThrowsError(try store.count()) { error in
            XCTAssertTrue("\(error)".contains(path))
        }
    }
}
