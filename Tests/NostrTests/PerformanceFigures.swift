import Foundation
@testable import Nostr
import SeededRandom
import XCTest

/// Prints per-operation figures; asserts nothing about time. Run in release:
/// `MESHBENCH_PERF=1 swift test -c release --filter NostrTests.PerformanceFigures`
final class PerformanceFigures: XCTestCase {
    override func setUpWithError() throws {
        try XCTSkipUnless(
            ProcessInfo.processInfo.environment["MESHBENCH_PERF"] == "1", "set MESHBENCH_PERF=1 to print figures")
    }

    /// A typical small kind-1 note: two tags, 120 characters of content.
    private func typicalEvent(_ pair: NostrKeyPair, _ index: Int) -> NostrEvent {
        pair.sign(
            kind: 1, content: String(repeating: "benchmark note \(index) ", count: 6).prefix(120).description,
            tags: [["e", String(repeating: "ab", count: 32), "wss://relay.example.com"], ["p", pair.publicKeyHex]],
            createdAt: 1_700_000_000 + Int64(index))
    }

    /// Best of five rounds of `iterations` calls, in microseconds per call: wall-clock time and this
    /// thread's CPU time (the latter is less inflated when other processes share the cores).
    private func microseconds(_ label: String, iterations: Int, _ body: (Int) -> Void) {
        var bestWall = Double.infinity, bestCPU = Double.infinity
        for _ in 0..<5 {
            let wallStart = DispatchTime.now().uptimeNanoseconds, cpuStart = threadCPUNanoseconds()
            for index in 0..<iterations { body(index) }
            let cpu = Double(threadCPUNanoseconds() - cpuStart),
                wall = Double(DispatchTime.now().uptimeNanoseconds - wallStart)
            bestWall = min(bestWall, wall / 1000 / Double(iterations))
            bestCPU = min(bestCPU, cpu / 1000 / Double(iterations))
        }
        print(String(format: "nostr-perf %@: %.2f µs CPU, %.2f µs wall", label, bestCPU, bestWall))
    }

    private func threadCPUNanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    func testEventFigures() {
        let pair = NostrKeyPair.deterministic(seed: 1, index: 1)
        let events = (0..<1000).map { typicalEvent(pair, $0) }
        let wire = events.map { $0.jsonBytes() }
        let messages = events.map { NostrMessage.event($0).jsonBytes() }
        var sink = 0
        microseconds("sign", iterations: 1000) { sink &+= typicalEvent(pair, $0).sig.utf8.count }
        microseconds("verify", iterations: 1000) { if (try? events[$0].verify()) != nil { sink &+= 1 } }
        microseconds("id (canonical JSON + SHA-256)", iterations: 1000) { sink &+= events[$0].computeID().utf8.count }
        microseconds("event encode (jsonBytes, \(wire[0].count) B)", iterations: 1000) {
            sink &+= events[$0].jsonBytes().count
        }
        microseconds("event decode (init(json:), \(wire[0].count) B)", iterations: 1000) {
            if let event = try? NostrEvent(json: wire[$0]) { sink &+= event.kind }
        }
        microseconds("EVENT message decode", iterations: 1000) {
            if (try? NostrMessage(json: messages[$0])) != nil { sink &+= 1 }
        }
        microseconds("event decode via JSONDecoder (for comparison)", iterations: 1000) {
            if let event = try? JSONDecoder().decode(NostrEvent.self, from: Data(wire[$0])) { sink &+= event.kind }
        }
        XCTAssertGreaterThan(sink, 0)
    }

    func testMatcherFigures() {
        var generator = SplitMix64(seed: 10_000)
        let authors = (0..<1000).map { NostrKeyPair.deterministic(seed: 2, index: $0).publicKeyHex }
        let referencedIDs = (0..<1000).map {
            String(repeating: String(format: "%02x", $0 % 256), count: 31) + String(format: "%02x", $0 / 256)
        }
        let topics = (0..<100).map { "topic\($0)" }
        var matcher = SubscriptionMatcher<Int>()
        var allFilters: [NostrFilter] = []
        // A social-client mix: follows (authors + kinds), mentions (#p), threads (#e), hashtags (#t),
        // rare kinds, and a few time-window-only subscriptions on the scan list.
        for key in 0..<10_000 {
            let roll = Int.random(in: 0..<1000, using: &generator)
            let filter: NostrFilter
            switch roll {
            case 0..<500:
                filter = NostrFilter(
                    authors: (0..<Int.random(in: 1...3, using: &generator)).map { _ in
                        authors.randomElement(using: &generator)!
                    }, kinds: [1])
            case 500..<800: filter = NostrFilter(tags: ["p": [authors.randomElement(using: &generator)!]])
            case 800..<900: filter = NostrFilter(tags: ["e": [referencedIDs.randomElement(using: &generator)!]])
            case 900..<990: filter = NostrFilter(kinds: [1], tags: ["t": [topics.randomElement(using: &generator)!]])
            case 990..<998: filter = NostrFilter(kinds: [Int.random(in: 2..<100, using: &generator)])
            default: filter = NostrFilter(since: 1_800_000_000)
            }
            matcher.add(key, filters: [filter])
            allFilters.append(filter)
        }
        let events: [NostrEvent] = (0..<2000).map { index in
            var event = NostrEvent(
                id: "", pubkey: authors.randomElement(using: &generator)!, createdAt: 1_700_000_000 + Int64(index),
                kind: 1,
                tags: [
                    ["e", referencedIDs.randomElement(using: &generator)!],
                    ["p", authors.randomElement(using: &generator)!],
                    ["t", topics.randomElement(using: &generator)!],
                ],
                content: "event \(index)", sig: "")
            event.id = event.computeID()
            return event
        }
        var matched = 0
        for event in events { matched += matcher.matches(event).count }
        print(
            String(
                format: "nostr-perf matcher: %d subscriptions, %.2f matching subscriptions per event", matcher.count,
                Double(matched) / Double(events.count)))
        var sink = 0
        microseconds("matcher per event (10,000 subscriptions)", iterations: events.count) {
            sink &+= matcher.matches(events[$0]).count
        }
        microseconds("brute force per event (10,000 filters, for comparison)", iterations: 200) { index in
            let event = events[index]
            sink &+= allFilters.reduce(0) { $0 + ($1.matches(event) ? 1 : 0) }
        }
        XCTAssertGreaterThan(matched, 0, "the subscription mix should match some events")
        XCTAssertGreaterThan(sink, 0)
    }
}
