import XCTest
@testable import Mesh

/// The bounded FIFO of accepted events: ids for the whole capacity, message digests for a shorter
/// window, each forgotten oldest first, and a digest never outliving its id.
final class DedupCacheTests: XCTestCase {
    private func message(_ i: Int) -> [UInt8] { Array("[\"EVENT\",{\"n\":\(i)}]".utf8) }

    func testDigestsAreForgottenBeforeTheirIdsAndBothOldestFirst() {
        var cache = DedupCache(capacity: 3, messageCapacity: 2)
        for i in 1...3 {
            XCTAssertTrue(cache.insert("id\(i)", kind: i, message: DedupCache.digest(ofMessage: message(i))))
        }
        XCTAssertFalse(
            cache.insert("id2", kind: 2, message: DedupCache.digest(ofMessage: message(2))), "an id is accepted once")
        XCTAssertNil(
            cache.kind(ofMessage: DedupCache.digest(ofMessage: message(1))),
            "the oldest digest left the 2-message window")
        XCTAssertEqual(cache.kind(ofMessage: DedupCache.digest(ofMessage: message(2))), 2)
        XCTAssertEqual(cache.kind(ofMessage: DedupCache.digest(ofMessage: message(3))), 3)
        XCTAssertTrue(cache.contains("id1"), "its id is still known")

        cache.insert("id4", kind: 4, message: DedupCache.digest(ofMessage: message(4)))
        XCTAssertFalse(cache.contains("id1"), "beyond 3 events the oldest id is forgotten")
        XCTAssertTrue(cache.contains("id2") && cache.contains("id3") && cache.contains("id4"))
        XCTAssertNil(cache.kind(ofMessage: DedupCache.digest(ofMessage: message(2))))
    }

    func testTheDigestWindowNeverExceedsTheIdCapacity() {
        var cache = DedupCache(capacity: 2, messageCapacity: 10)
        XCTAssertEqual(cache.messageCapacity, 2)
        for i in 1...3 { cache.insert("id\(i)", kind: 1, message: DedupCache.digest(ofMessage: message(i))) }
        XCTAssertFalse(cache.contains("id1"))
        XCTAssertNil(cache.kind(ofMessage: DedupCache.digest(ofMessage: message(1))), "no digest outlives its id")
    }
}

/// Ids kept as four words: the same hex id is the same key, any other id (another hex id, an
/// uppercase spelling, a non-hex string) a different one.
final class EventKeyTests: XCTestCase {
    func testKeysAreEqualExactlyWhenTheIdsAre() {
        let id = String(repeating: "0123456789abcdef", count: 4)
        let other = String(id.dropLast()) + "e"
        XCTAssertEqual(EventKey(id: id), EventKey(id: String(id)))
        XCTAssertNotEqual(EventKey(id: id), EventKey(id: other), "the last digit differs")
        XCTAssertNotEqual(
            EventKey(id: id), EventKey(id: id.uppercased()), "uppercase is not NIP-01 hex, keyed by its digest")
        XCTAssertNotEqual(EventKey(id: "id1"), EventKey(id: "id2"))
        XCTAssertEqual(EventKey(id: "id1"), EventKey(id: "id1"))
    }

    func testEachDigitLandsInItsOwnPlace() {
        // Independent check: one digit set at position i differs from every other single-digit id.
        let zero = String(repeating: "0", count: 64)
        var keys = Set<EventKey>()
        for position in 0..<64 {
            var digits = Array(zero)
            digits[position] = "1"
            keys.insert(EventKey(id: String(digits)))
        }
        keys.insert(EventKey(id: zero))
        XCTAssertEqual(keys.count, 65)
    }
}
