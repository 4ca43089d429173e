@testable import Nostr
import SeededRandom
import XCTest

/// The matcher must return exactly what brute force returns: every key with a matching filter.
final class SubscriptionMatcherTests: XCTestCase {
    /// Small value pools so random filters and events collide often.
    struct World {
        let authors = (0..<8).map { String(repeating: String(format: "%02x", $0 * 17), count: 32) }
        let eValues = (0..<10).map { String(repeating: String(format: "%02x", 100 + $0), count: 32) }
        let topics = ["a", "b", "c", "d", "e"]
        let kinds = [0, 1, 3, 7, 30023]
        var events: [NostrEvent] = []

        init(eventCount: Int, generator: inout SplitMix64) {
            for index in 0..<eventCount {
                var tags: [[String]] = []
                for _ in 0..<Int.random(in: 0...4, using: &generator) {
                    switch Int.random(in: 0..<4, using: &generator) {
                    case 0: tags.append(["e", eValues.randomElement(using: &generator)!, "wss://relay"])
                    case 1: tags.append(["p", authors.randomElement(using: &generator)!])
                    case 2: tags.append(["t", topics.randomElement(using: &generator)!])
                    // A multi-letter tag: never indexed.
                    default: tags.append(["alt", topics.randomElement(using: &generator)!])
                    }
                }
                var event = NostrEvent(
                    id: "", pubkey: authors.randomElement(using: &generator)!,
                    createdAt: Int64.random(in: 0...100, using: &generator),
                    kind: kinds.randomElement(using: &generator)!, tags: tags, content: "event \(index)", sig: "")
                event.id = event.computeID()
                events.append(event)
            }
        }

        func randomFilter(_ generator: inout SplitMix64) -> NostrFilter {
            func some<T>(_ pool: [T]) -> [T] {
                (0..<Int.random(in: 0...3, using: &generator)).map { _ in pool.randomElement(using: &generator)! }
            }
            func maybe() -> Bool { Int.random(in: 0..<4, using: &generator) == 0 }
            var filter = NostrFilter()
            if Int.random(in: 0..<12, using: &generator) == 0 { filter.ids = some(events.map(\.id)) }
            if maybe() { filter.authors = some(authors) }
            if maybe() { filter.kinds = some(kinds) }
            if maybe() { filter.tags["e"] = some(eValues) }
            if maybe() { filter.tags["p"] = some(authors) }
            if maybe() { filter.tags["t"] = some(topics) }
            if maybe() { filter.since = Int64.random(in: 0...100, using: &generator) }
            if maybe() { filter.until = Int64.random(in: 0...100, using: &generator) }
            return filter
        }
    }

    private func bruteForce(_ subscriptions: [Int: [NostrFilter]], _ event: NostrEvent) -> Set<Int> {
        Set(subscriptions.filter { $0.value.contains { $0.matches(event) } }.keys)
    }

    private func assertAgreement(
        _ matcher: SubscriptionMatcher<Int>, _ model: [Int: [NostrFilter]], _ world: World, phase: String
    ) {
        XCTAssertEqual(matcher.count, model.count, phase)
        var matched = 0
        for event in world.events {
            let found = matcher.matches(event)
            XCTAssertEqual(found.count, Set(found).count, "\(phase): duplicate keys")
            let expected = bruteForce(model, event)
            XCTAssertEqual(Set(found), expected, "\(phase): \(event.content)")
            matched += expected.count
        }
        XCTAssertGreaterThan(matched, 0, "\(phase): the random world should produce matches")
    }

    func testRandomizedAgreementWithBruteForceThroughAddRemoveAndReplace() {
        var generator = SplitMix64(seed: 11)
        let world = World(eventCount: 300, generator: &generator)
        var matcher = SubscriptionMatcher<Int>()
        var model: [Int: [NostrFilter]] = [:]
        for key in 0..<500 {
            let filters = (0..<Int.random(in: 1...3, using: &generator)).map { _ in world.randomFilter(&generator) }
            matcher.add(key, filters: filters)
            model[key] = filters
        }
        assertAgreement(matcher, model, world, phase: "after adding")

        for key in stride(from: 0, to: 500, by: 2) {
            matcher.remove(key)
            model[key] = nil
        }
        assertAgreement(matcher, model, world, phase: "after removing half")

        for key in stride(from: 1, to: 500, by: 6) {  // replace: same key, new filters
            let filters = [world.randomFilter(&generator)]
            matcher.add(key, filters: filters)
            model[key] = filters
        }
        for key in 500..<700 {
            let filters = (0..<Int.random(in: 1...3, using: &generator)).map { _ in world.randomFilter(&generator) }
            matcher.add(key, filters: filters)
            model[key] = filters
        }
        assertAgreement(matcher, model, world, phase: "after replacing and re-adding")
    }

    func testRemovingEverythingLeavesNoMatches() {
        var generator = SplitMix64(seed: 5)
        let world = World(eventCount: 50, generator: &generator)
        var matcher = SubscriptionMatcher<Int>()
        for key in 0..<100 { matcher.add(key, filters: [world.randomFilter(&generator), NostrFilter()]) }
        XCTAssertEqual(matcher.matches(world.events[0]).count, 100, "the empty filter matches everything")
        for key in 0..<100 { matcher.remove(key) }
        matcher.remove(12345)  // unknown keys are ignored
        XCTAssertEqual(matcher.count, 0)
        XCTAssertTrue(world.events.allSatisfy { matcher.matches($0).isEmpty })
    }

    func testAKeyIsReportedOnceEvenWhenSeveralFiltersAndTagsMatch() {
        let eValue = String(repeating: "ab", count: 32)
        let other = String(repeating: "cd", count: 32)
        var event = NostrEvent(
            id: "", pubkey: String(repeating: "11", count: 32), createdAt: 5, kind: 1,
            tags: [["e", eValue], ["e", other], ["e", eValue]], content: "", sig: "")
        event.id = event.computeID()
        var matcher = SubscriptionMatcher<String>()
        matcher.add(
            "s", filters: [NostrFilter(tags: ["e": [eValue, other]]), NostrFilter(kinds: [1]), NostrFilter(since: 1)])
        XCTAssertEqual(matcher.matches(event), ["s"])
    }

    func testScanListFiltersAreChecked() {
        var matcher = SubscriptionMatcher<String>()
        matcher.add("recent", filters: [NostrFilter(since: 10)])
        matcher.add("old", filters: [NostrFilter(until: 9)])
        let event = NostrEvent(id: "", pubkey: "", createdAt: 10, kind: 1, tags: [], content: "", sig: "")
        XCTAssertEqual(matcher.matches(event), ["recent"])
    }
}
