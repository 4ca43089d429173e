import Nostr
import NostrClient

/// `external.publish`: publish → `OK` and publish → delivery on one relay, closed loop, one event
/// at a time. A publisher connection sends each event; a subscriber on a second connection has a
/// `REQ` for the attempt's author. 10 warm-up events are not recorded.
public struct PublishScenario: ExternalScenario {
    public let name = "external.publish"
    public let tier = 1
    public let summary =
        "one relay (the first target): publish → OK and publish → delivery to a subscriber on another connection, one event at a time (--events, default 200)"
    let warmUp = 10

    public init() {}

    public func run(_ context: ScenarioContext) async throws {
        let events = context.settings.events(default: 200)
        let recorder = context.recorder
        recorder.declare("publish_ok_latency", unit: "ms", better: .lower)
        recorder.declare("publish_delivery_latency", unit: "ms", better: .lower)
        try await RelayDriver.with(context) { driver in
            let publisher = try await driver.connect(0)
            let subscriber = try await driver.connect(0)
            let author = driver.newAuthor()
            let subscription = driver.subscriptionID("publish")
            try await driver.subscribe(
                subscriber, id: subscription, filters: [NostrFilter(authors: [author.publicKeyHex])])
            let start = driver.clock.now
            for rep in 0..<context.settings.repetitions {
                for index in 0..<(warmUp + events) {
                    let event = driver.sign(author)
                    let sent = driver.publish(event, on: publisher)
                    let ok = try await driver.awaitOK(event, on: publisher)
                    let delivered = try await driver.awaitDelivery(
                        of: event, subscription: subscription, on: subscriber)
                    guard index >= warmUp else { continue }
                    let t = (sent - start).milliseconds / 1_000
                    try recorder.sample("publish_ok_latency", (ok.at - sent).milliseconds, t: t, rep: rep)
                    try recorder.sample("publish_delivery_latency", (delivered - sent).milliseconds, t: t, rep: rep)
                }
            }
            let heard = subscriber.inbox.snapshot
            let total = (warmUp + events) * context.settings.repetitions
            let received = heard.deliveries[subscription]?.count ?? 0
            let copies = heard.duplicates[subscription] ?? 0
            context.check(
                "every event is delivered exactly once", received == total && copies == 0,
                "\(received) of \(total) events delivered, \(copies) extra copies")
            try recorder.counter("events_published", unit: "events", value: Int64(total))
            try recorder.counter("events_delivered", unit: "events", value: Int64(received))
        }
    }
}
