import Foundation
import Mesh
import Nostr

/// AC 3 sustained throughput on a 10-node random 4-regular mesh with 5 local subscribers per
/// node: one node publishing (`per_node`) or all ten in turn (`network_wide`) for a duration,
/// as fast as the mesh completes events with at most 64 in flight (its capacity), or at a fixed
/// offered rate with `--rate`. Records throughput per second (events delivered to every node), latency of
/// every delivery under load, the delivered-to-subscriber rate per node, queue depth and
/// resources, the delivery counts that prove no event was lost, and work per event.
public struct ThroughputScenario: Scenario {
    public let name: String
    public let tier: Int
    public let summary: String
    let nodes: Int
    let allPublish: Bool
    let duration: Double
    static let subscribersPerNode = 5

    public static let single = ThroughputScenario(
        name: "tier2.throughput-single-10", tier: 2, nodes: 10, allPublish: false, duration: 60,
        summary:
            "10-node mesh, node 0 publishes at capacity (≤ 64 in flight) for 60 s; 5 subscribers per node: throughput, latency under load, delivery rate, queue depth, resources"
    )
    public static let network = ThroughputScenario(
        name: "tier2.throughput-network-10", tier: 2, nodes: 10, allPublish: true, duration: 30,
        summary:
            "10-node mesh, all nodes publish at capacity (≤ 64 in flight) for 30 s; 5 subscribers per node: network-wide throughput, latency, delivery rate, resources"
    )
    public static let networkLong = ThroughputScenario(
        name: "tier3.throughput-network-long-10", tier: 3, nodes: 10, allPublish: true, duration: 120,
        summary:
            "tier 2's network-wide throughput held for 120 s (--duration up to 5m): sustained throughput, drift, resources"
    )

    init(name: String, tier: Int, nodes: Int, allPublish: Bool, duration: Double, summary: String) {
        self.name = name
        self.tier = tier
        self.nodes = nodes
        self.allPublish = allPublish
        self.duration = duration
        self.summary = summary
    }

    public func run(_ context: ScenarioContext) async throws {
        let settings = context.settings
        let size = settings.nodes(default: nodes)
        let topology = try settings.meshTopology(nodes: size)
        let recorder = context.recorder
        recorder.declare("latency", unit: "ms", better: .lower, meshSize: size, slaClass: "propagation")
        recorder.declare(
            "delivery_rate", unit: "events/s", better: .higher, meshSize: size, slaClass: "delivery_per_node")
        try await MeshSession.withLoadMesh(topology, node: settings.measurementNode(nodes: size), context: context) {
            network in
            let everything = [NostrFilter()]
            for node in 0..<size {
                try await network.addLocalSubscriptions(
                    node: node, (0..<Self.subscribersPerNode).map { (id: $0, filters: everything) })
            }
            var deliveriesBefore: [Int] = []
            for node in 0..<size { deliveriesBefore.append(try await network.counters(of: node).deliveries) }
            let load = SustainedLoad(
                phases: [
                    LoadPhase(
                        rate: settings.overrides.rate, duration: settings.duration(default: duration),
                        publishers: allPublish ? Array(0..<size) : [0])
                ],
                latencyMetrics: { _ in ["latency"] },
                throughputSLAClass: allPublish ? "network_wide" : "per_node")
            let outcome = try await load.run(on: network, context: context)
            for node in 0..<size {
                let delivered = try await network.counters(of: node).deliveries - deliveriesBefore[node]
                try recorder.sample("delivery_rate", Double(delivered) / max(outcome.elapsed, 1e-9), node: node)
                context.check(
                    "every subscriber gets every event", delivered == outcome.published * Self.subscribersPerNode,
                    "node \(node) delivered \(delivered) events to its \(Self.subscribersPerNode) subscribers, expected \(outcome.published * Self.subscribersPerNode)"
                )
            }
        }
    }
}
