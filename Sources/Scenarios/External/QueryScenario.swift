import Foundation
import Nostr
import NostrClient

/// `external.query-1k`, `external.query-10k`: stores N events on one relay (10 authors, 5 kinds,
/// 20 tag values, current `created_at`), then sends `REQ`s one at a time with filters by id,
/// author, kind, tag and time range (each with `limit`, id excepted) and records the time from
/// `REQ` to `EOSE` and the events returned against the events expected. Every filter but id and
/// tag names this attempt's authors, so events the relay already held never count.
public struct QueryScenario: ExternalScenario {
    public let name: String
    public let tier: Int
    public var summary: String {
        "one relay: store \(stored) events, then REQ → EOSE by id, author, kind, tag and time range with limit \(limit); returned vs expected (\(queries) queries of each)"
    }
    let stored: Int
    let queries: Int
    let limit = 100
    let authors = 10
    let kinds = [1000, 1001, 1002, 1003, 1004]
    let tagValues = 20

    public static let small = QueryScenario(name: "external.query-1k", tier: 1, stored: 1_000, queries: 20)
    public static let large = QueryScenario(name: "external.query-10k", tier: 2, stored: 10_000, queries: 100)

    public func run(_ context: ScenarioContext) async throws {
        let recorder = context.recorder
        let families = ["id", "author", "kind", "tag", "time_range"]
        for family in families { recorder.declare("query_latency.\(family)", unit: "ms", better: .lower) }
        recorder.declare("store_rate", unit: "events/s", better: .higher)
        try await RelayDriver.with(context) { driver in
            let connection = try await driver.connect(0)
            let keys = (0..<authors).map { _ in driver.newAuthor() }
            let tagPrefix = driver.subscriptionID("tag")
            let events = (0..<stored).map { i in
                driver.sign(
                    keys[i % authors], kind: kinds[i % kinds.count], tags: [["t", "\(tagPrefix)-\(i % tagValues)"]])
            }
            let loadStart = driver.clock.now
            try await store(events, on: connection, driver: driver)
            try recorder.counter("events_stored", unit: "events", value: Int64(stored))
            try recorder.sample("store_rate", Double(stored) / ((driver.clock.now - loadStart).milliseconds / 1_000))

            let everyone = keys.map(\.publicKeyHex)
            let times = events.map(\.createdAt).sorted()
            let start = driver.clock.now
            var mismatches: [String: [String]] = [:]
            var returnedTotal: [String: Int] = [:]
            var expectedTotal: [String: Int] = [:]
            for q in 0..<queries {
                let pick = events[(q * 7_919) % stored]
                let window = times[(q * 104_729) % stored]
                let filters: [(String, NostrFilter)] = [
                    ("id", NostrFilter(ids: [pick.id])),
                    ("author", NostrFilter(authors: [pick.pubkey], limit: limit)),
                    ("kind", NostrFilter(authors: everyone, kinds: [pick.kind], limit: limit)),
                    ("tag", NostrFilter(tags: ["t": [pick.tags[0][1]]], limit: limit)),
                    ("time_range", NostrFilter(authors: everyone, since: window, until: window + 1, limit: limit)),
                ]
                for (family, filter) in filters {
                    let id = driver.subscriptionID("q\(q)-\(family)")
                    let elapsed = try await driver.subscribe(connection, id: id, filters: [filter])
                    let returned = connection.inbox.snapshot.deliveries[id] ?? [:]
                    connection.send(.close(subscriptionID: id))
                    connection.inbox.forget(subscription: id)
                    let matching = events.filter(filter.matches)
                    let expected = min(matching.count, filter.limit ?? matching.count)
                    let ours = Set(matching.map(\.id))
                    let foreign = returned.keys.filter { !ours.contains($0) }.count
                    try recorder.sample(
                        "query_latency.\(family)", elapsed.milliseconds,
                        t: (driver.clock.now - start).milliseconds / 1_000)
                    returnedTotal[family, default: 0] += returned.count
                    expectedTotal[family, default: 0] += expected
                    if returned.count != expected || foreign > 0 {
                        mismatches[family, default: []].append(
                            "query \(q): \(returned.count) returned, \(expected) expected, \(foreign) not matching")
                    }
                }
            }
            for family in families {
                try recorder.counter(
                    "query_returned.\(family)", unit: "events", value: Int64(returnedTotal[family] ?? 0))
                try recorder.counter(
                    "query_expected.\(family)", unit: "events", value: Int64(expectedTotal[family] ?? 0))
                let wrong = mismatches[family] ?? []
                context.check(
                    "\(family) queries return the events expected", wrong.isEmpty,
                    "\(wrong.count) of \(queries) queries differ, first: \(wrong.first ?? "")")
            }
        }
    }

    /// Publishes the data set in windows of 50 events in flight, each window's `OK`s awaited
    /// (`OK false` fails the scenario with the relay's reason).
    private func store(_ events: [NostrEvent], on connection: RelayConnection, driver: RelayDriver) async throws {
        var index = 0
        while index < events.count {
            let window = Array(events[index..<min(index + 50, events.count)])
            connection.send(window.map { .event($0) })
            for event in window { _ = try await driver.awaitOK(event, on: connection) }
            connection.inbox.forgetOKs()
            index += window.count
        }
    }
}
