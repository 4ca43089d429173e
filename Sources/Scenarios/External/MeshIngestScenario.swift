import Foundation
import Mesh
import NIOCore
import NIOPosix
import Nostr
import NostrClient

/// `external.mesh-ingest`: the throughput knee of a mesh of relays reached by address. The same
/// open-loop ramp as `external.ingest` (`RateRamp`, `KneeRule`), but events are published at
/// every relay in turn and an event is complete only when a subscriber at *every* relay has it:
/// the knee is the highest rate at which the whole mesh accepted and spread every event with
/// p95 publish → last relay under 500 ms. When the relays are our node servers, their exact
/// counters are read from `/counters` before and after the ramp, and every node must have
/// verified and stored each accepted event exactly once.
public struct MeshIngestScenario: ExternalScenario {
    public let name = "external.mesh-ingest"
    public let tier = 2
    public let summary =
        "two or more relays: open-loop ramp 50, 100, 200, … events/s (--rate top, default 1600; --duration per step, default 5 s) published at every relay in turn; knee where every relay has every event with p95 < 500 ms; our nodes' counters read from /counters"
    public let minimumTargets = 2

    public init() {}

    public func run(_ context: ScenarioContext) async throws {
        let settings = context.settings
        guard let relayCount = settings.targets?.relays.count, relayCount >= minimumTargets else {
            throw ExternalScenarioError.tooFewTargets(
                name, needed: minimumTargets, given: settings.targets?.relays.count ?? 0)
        }
        let ramp = RateRamp(
            rates: RateRamp.doubling(from: 50, to: settings.rate(default: 1_600)),
            stepSeconds: settings.duration(default: 5), drainSeconds: settings.timeout(10),
            rule: KneeRule(slaP95MS: IngestScenario.slaP95MS))
        let recorder = context.recorder
        for rate in ramp.rates {
            recorder.declare("mesh_ingest_latency.r\(Int(rate))", unit: "ms", better: .lower, meshSize: relayCount)
        }
        recorder.declare("mesh_ingest_knee", unit: "events/s", better: .higher, meshSize: relayCount)
        try await RelayDriver.with(context) { driver in
            var senders: [RelayConnection] = []
            var subscribers: [RelayConnection] = []
            for relay in 0..<relayCount {
                senders.append(try await driver.connect(relay))
                subscribers.append(try await driver.connect(relay))
            }
            let author = driver.newAuthor()
            let subscription = driver.subscriptionID("mesh-ingest")
            for subscriber in subscribers {
                try await driver.subscribe(
                    subscriber, id: subscription, filters: [NostrFilter(authors: [author.publicKeyHex])])
            }
            let before = await NodeCounterTotals.read(
                driver.targets, group: driver.eventLoops, timeout: settings.timeout(5))
            let load = RelayRampLoad(
                driver: driver, author: author, senders: senders, subscribers: subscribers, subscription: subscription)
            var accepted = 0
            let result = try await ramp.run(load) { step in
                let label = "r\(Int(step.rate))"
                accepted += step.outcome.accepted
                for latency in step.outcome.latenciesMS { try recorder.sample("mesh_ingest_latency.\(label)", latency) }
                try recorder.counter("step.\(label).offered", unit: "events", value: Int64(step.outcome.offered))
                try recorder.counter("step.\(label).accepted", unit: "events", value: Int64(step.outcome.accepted))
                try recorder.counter(
                    "step.\(label).at_every_relay", unit: "events", value: Int64(step.outcome.completed))
            }
            if let knee = result.knee { try recorder.sample("mesh_ingest_knee", knee) }
            try recorder.counter("mesh_ingest_knee_is_lower_bound", unit: "bool", value: result.reachedTop ? 1 : 0)
            let dropped = (subscribers + senders).compactMap { $0.inbox.snapshot.failure }
            context.check("connections stay open", dropped.isEmpty, dropped.first.map { "\($0)" } ?? "")
            context.check(
                "the mesh keeps up with the lowest step", result.knee != nil,
                "at \(Int(ramp.rates.first ?? 0)) events/s: \(result.steps.first?.reason ?? "no step ran")")
            // Events still in flight after a failed step's drain are given time to settle first.
            try await Task.sleep(nanoseconds: UInt64(settings.timeout(1) * 1e9))
            let after = await NodeCounterTotals.read(
                driver.targets, group: driver.eventLoops, timeout: settings.timeout(5))
            guard let before, let after else {
                return try recorder.counter("node_counters_read", unit: "bool", value: 0)
            }
            try recorder.counter("node_counters_read", unit: "bool", value: 1)
            let stores = after.storeWrites - before.storeWrites
            let verifications = after.verifications - before.verifications
            try recorder.counter("store_writes", unit: "writes", value: Int64(stores))
            try recorder.counter("verifications", unit: "verifications", value: Int64(verifications))
            try recorder.counter("frames", unit: "frames", value: Int64(after.framesOut - before.framesOut))
            let expected = accepted * relayCount
            context.check(
                "every node stored each accepted event once (read from /counters)", stores == expected,
                "\(stores) store writes over \(relayCount) nodes for \(accepted) accepted events; expected \(expected)")
            context.check(
                "every node verified each accepted event once (read from /counters)", verifications == expected,
                "\(verifications) verifications over \(relayCount) nodes for \(accepted) accepted events; expected \(expected)"
            )
        }
    }
}

/// The sum of our node servers' counters, read from each relay's `/counters` page by address.
enum NodeCounterTotals {
    /// Nil when any relay serves no node status (a relay that is not a MeshBench node server).
    static func read(_ targets: RelayTargets, group: EventLoopGroup, timeout: Double) async -> NodeCounters? {
        var total = NodeCounters()
        for relay in targets.relays {
            // Any relay without readable counters makes the total unknown: recorded as
            // `node_counters_read` 0, beside the scenario's other figures.
            guard
                let status = try? await NodeStatusReader.fetch(
                    relay.url, page: "/counters", on: group, timeout: timeout),
                let counters = status.counters
            else { return nil }
            total.storeWrites += counters.storeWrites
            total.verifications += counters.verifications
            total.framesOut += counters.framesOut
        }
        return total
    }
}
