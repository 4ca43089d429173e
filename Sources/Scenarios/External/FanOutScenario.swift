import Nostr
import NostrClient

/// `external.fanout`: K subscribers on one relay, each on its own connection (K = 1, 10, 100);
/// one publisher sends events one at a time. Per event: the time until all K have it, and the
/// spread between the first and the last subscriber to get it.
public struct FanOutScenario: ExternalScenario {
    public let name = "external.fanout"
    public let tier = 1
    public let summary =
        "one relay: K = 1, 10, 100 subscribers on their own connections; time until all K have each event and first-to-last spread (--events per K, default 20)"
    let subscriberCounts = [1, 10, 100]

    public init() {}

    public func run(_ context: ScenarioContext) async throws {
        let events = context.settings.events(default: 20)
        let recorder = context.recorder
        for k in subscriberCounts {
            recorder.declare("time_to_all.k\(k)", unit: "ms", better: .lower)
            recorder.declare("spread.k\(k)", unit: "ms", better: .lower)
        }
        try await RelayDriver.with(context) { driver in
            let publisher = try await driver.connect(0)
            let start = driver.clock.now
            for k in subscriberCounts {
                let author = driver.newAuthor()
                let subscribers = try await driver.connect(0, count: k)
                let subscription = driver.subscriptionID("fanout-\(k)")
                for subscriber in subscribers {
                    try await driver.subscribe(
                        subscriber, id: subscription, filters: [NostrFilter(authors: [author.publicKeyHex])])
                }
                for rep in 0..<context.settings.repetitions {
                    for _ in 0..<events {
                        let event = driver.sign(author)
                        let sent = driver.publish(event, on: publisher)
                        _ = try await driver.awaitOK(event, on: publisher)
                        var arrivals: [ContinuousClock.Instant] = []
                        for subscriber in subscribers {
                            arrivals.append(
                                try await driver.awaitDelivery(of: event, subscription: subscription, on: subscriber))
                        }
                        guard let first = arrivals.min(), let last = arrivals.max() else { continue }
                        let t = (sent - start).milliseconds / 1_000
                        try recorder.sample("time_to_all.k\(k)", (last - sent).milliseconds, t: t, rep: rep)
                        try recorder.sample("spread.k\(k)", (last - first).milliseconds, t: t, rep: rep)
                    }
                }
                let copies = subscribers.reduce(0) { $0 + ($1.inbox.snapshot.duplicates[subscription] ?? 0) }
                context.check(
                    "each of \(k) subscribers gets each event once", copies == 0,
                    "\(copies) extra copies over \(k) subscribers")
                await driver.close(subscribers)
            }
        }
    }
}
