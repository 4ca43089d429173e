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

    func testClosedStoreNamesItsPath() throws {
        let path = folder.appendingPathComponent("closed.sqlite").path
        let store = try EventStore(path: path)
        store.close()
        XCTAssertThrowsError(try store.count()) { error in
            XCTAssertTrue("\(error)".contains(path))
        }
    }
}
