import XCTest
@testable import Mesh

/// Accepted events remembered for a time window and at most `capacity` of them: ids and message
/// digests each forgotten oldest first, and a digest never outliving its id.
final class DedupCacheTests: XCTestCase {
    private func message(_ i: Int) -> [UInt8] { Array("[\"EVENT\",{\"n\":\(i)}]".utf8) }

    @discardableResult
    private func insert(_ i: Int, into cache: inout DedupCache, at now: UInt64) -> Bool {
        cache.insert("id\(i)", kind: i, message: DedupCache.digest(ofMessage: message(i)), now: now)
    }

    private func knowsDigest(_ i: Int, _ cache: DedupCache) -> Bool {
        cache.kind(ofMessage: DedupCache.digest(ofMessage: message(i))) != nil
    }

    func testDigestsAreForgottenBeforeTheirIdsAndBothOldestFirst() {
        var cache = DedupCache(capacity: 3, window: .max, messageCapacity: 2)
        for i in 1...3 { XCTAssertTrue(insert(i, into: &cache, at: UInt64(i))) }
        XCTAssertFalse(
            cache.insert("id2", kind: 2, message: DedupCache.digest(ofMessage: message(2)), now: 4),
            "an id is accepted once")
        XCTAssertFalse(knowsDigest(1, cache), "the oldest digest left the 2-message window")
        XCTAssertEqual(cache.kind(ofMessage: DedupCache.digest(ofMessage: message(2))), 2)
        XCTAssertEqual(cache.kind(ofMessage: DedupCache.digest(ofMessage: message(3))), 3)
        XCTAssertTrue(cache.contains("id1"), "its id is still known")

        insert(4, into: &cache, at: 5)
        XCTAssertFalse(cache.contains("id1"), "beyond 3 events the oldest id is forgotten")
        XCTAssertTrue(cache.contains("id2") && cache.contains("id3") && cache.contains("id4"))
        XCTAssertFalse(knowsDigest(2, cache))
        XCTAssertEqual(cache.forgottenEarly, 1, "forgotten for room, within its window")
    }

    func testTheDigestWindowNeverExceedsTheIdCapacity() {
        var cache = DedupCache(capacity: 2, window: .max, messageCapacity: 10)
        XCTAssertEqual(cache.messageCapacity, 2)
        for i in 1...3 { insert(i, into: &cache, at: UInt64(i)) }
        XCTAssertFalse(cache.contains("id1"))
        XCTAssertFalse(knowsDigest(1, cache), "no digest outlives its id")
    }

    /// An id accepted at t is known until t + window (exclusive), then forgotten with its digest,
    /// without counting as forgotten early.
    func testIdsAndDigestsAreForgottenOneWindowAfterTheyWereAccepted() {
        var cache = DedupCache(capacity: 100, window: 100)
        insert(1, into: &cache, at: 0)
        insert(2, into: &cache, at: 50)
        insert(3, into: &cache, at: 99)
        XCTAssertTrue(cache.contains("id1"), "99 ns after it was accepted, inside the window")
        insert(4, into: &cache, at: 100)
        XCTAssertFalse(cache.contains("id1"), "a whole window after it was accepted")
        XCTAssertFalse(knowsDigest(1, cache))
        XCTAssertTrue(cache.contains("id2") && knowsDigest(2, cache))
        XCTAssertEqual(cache.count, 3)
        insert(5, into: &cache, at: 150)
        XCTAssertFalse(cache.contains("id2"))
        XCTAssertEqual(cache.count, 3)
        XCTAssertEqual(cache.forgottenEarly, 0)
        XCTAssertTrue(insert(1, into: &cache, at: 151), "a forgotten id is new again")
    }

    /// At a steady r events per second the cache settles at r × window ids and stays there
    /// (50 events/s, a 150 s window: 7,500), far below the count cap: memory is level.
    func testASteadyRateSettlesAtRateTimesWindow() {
        let second: UInt64 = 1_000_000_000
        var cache = DedupCache(capacity: 100_000, window: 150 * second)
        var counts: [Int] = []
        for i in 0..<(50 * 600) {
            insert(i, into: &cache, at: UInt64(i) * second / 50)
            if i % 50 == 49 { counts.append(cache.count) }
        }
        XCTAssertEqual(counts[99], 5_000, "still filling after 100 s")
        XCTAssertEqual(Set(counts[150...]), [7_500], "level from one window on")
        XCTAssertEqual(cache.forgottenEarly, 0)
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
