import Foundation
import Nostr
import NostrClient

/// `external.propagation`: with two or more relays, events are published at each relay in turn,
/// one at a time, and a subscriber on every relay waits for them. Records the latency to each
/// relay (`node` = the relay's index, `hops` from the publishing relay when the targets file
/// gives links), the time until the last relay has the event, and checks that each event reached
/// each relay exactly once.
public struct RelayPropagationScenario: ExternalScenario {
    public let name = "external.propagation"
    public let tier = 1
    public let summary =
        "two or more relays: publish at each in turn, subscribe at all; latency per relay (and per hop with links), publish → last relay, exactly once everywhere (--events, default 100)"
    public let minimumTargets = 2
    let warmUp = 5

    public init() {}

    public func run(_ context: ScenarioContext) async throws {
        let events = context.settings.events(default: 100)
        let recorder = context.recorder
        guard let relayCount = context.settings.targets?.relays.count, relayCount >= minimumTargets else {
            throw ExternalScenarioError.tooFewTargets(
                name, needed: minimumTargets, given: context.settings.targets?.relays.count ?? 0)
        }
        recorder.declare("relay_latency", unit: "ms", better: .lower, meshSize: relayCount)
        recorder.declare("full_propagation_time", unit: "ms", better: .lower, meshSize: relayCount)
        try await RelayDriver.with(context) { driver in
            let targets = driver.targets
            var publishers: [RelayConnection] = []
            var subscribers: [RelayConnection] = []
            for relay in 0..<relayCount {
                publishers.append(try await driver.connect(relay))
                subscribers.append(try await driver.connect(relay))
            }
            let author = driver.newAuthor()
            let subscription = driver.subscriptionID("propagation")
            for subscriber in subscribers {
                try await driver.subscribe(
                    subscriber, id: subscription, filters: [NostrFilter(authors: [author.publicKeyHex])])
            }
            let hops = (0..<relayCount).map { targets.hops(from: $0) }
            let start = driver.clock.now
            var published = 0
            for rep in 0..<context.settings.repetitions {
                for index in 0..<(warmUp + events) {
                    let origin = index % relayCount
                    let event = driver.sign(author)
                    let sent = driver.publish(event, on: publishers[origin])
                    _ = try await driver.awaitOK(event, on: publishers[origin])
                    var last = sent
                    var arrivals: [(relay: Int, at: ContinuousClock.Instant)] = []
                    for (relay, subscriber) in subscribers.enumerated() {
                        let at = try await driver.awaitDelivery(of: event, subscription: subscription, on: subscriber)
                        arrivals.append((relay, at))
                        if relay != origin { last = max(last, at) }
                    }
                    published += 1
                    guard index >= warmUp else { continue }
                    let t = (sent - start).milliseconds / 1_000
                    for arrival in arrivals where arrival.relay != origin {
                        try recorder.sample(
                            "relay_latency", (arrival.at - sent).milliseconds, hops: hops[origin][arrival.relay],
                            node: arrival.relay, t: t, rep: rep)
                    }
                    try recorder.sample(
                        "full_propagation_time", (last - sent).milliseconds, node: origin, t: t, rep: rep)
                }
            }
            // Late duplicates: give copies still in flight a moment to arrive before counting.
            try await Task.sleep(nanoseconds: UInt64(context.settings.timeout(0.5) * 1e9))
            for (relay, subscriber) in subscribers.enumerated() {
                let heard = subscriber.inbox.snapshot
                let received = heard.deliveries[subscription]?.count ?? 0
                let copies = heard.duplicates[subscription] ?? 0
                context.check(
                    "\(targets.relays[relay].label) has each event exactly once", received == published && copies == 0,
                    "\(targets.relays[relay].url): \(received) of \(published) events, \(copies) extra copies")
            }
            if targets.links == nil {
                try recorder.counter("hops_known", unit: "bool", value: 0)
            }
        }
    }
}
