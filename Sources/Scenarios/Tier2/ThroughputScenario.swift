import Foundation
import Mesh
import Nostr

/// AC 3 throughput on a 10-node random 4-regular mesh with 5 local subscribers per node: the
/// capacity of one node publishing (`per_node`) or all ten in turn (`network_wide`), measured as
/// the knee of an open-loop rate ramp (`CapacityRamp`: rates rising by 19 % a step from 250
/// events/s, `--rate` the top, `--duration` each step's length) beside the machine's ceiling.
/// Records the knee as `throughput`, latency at each step, the delivered-to-subscriber rate per
/// node at the knee, queue depth and resources, the delivery counts that prove no event was
/// lost, and work per event.
public struct ThroughputScenario: Scenario {
    public let name: String
    public let tier: Int
    public let summary: String
    let nodes: Int
    let allPublish: Bool
    /// Seconds each ramp step offers load.
    let stepSeconds: Double
    static let subscribersPerNode = 5

    public static let single = ThroughputScenario(
        name: "tier2.throughput-single-10", tier: 2, nodes: 10, allPublish: false, stepSeconds: 3,
        summary:
            "10-node mesh, node 0 publishes an open-loop ramp 250, 297, 354, … events/s (3 s steps) to the knee; 5 subscribers per node: knee beside the machine's ceiling, latency per step, delivery rate, queue depth, resources"
    )
    public static let network = ThroughputScenario(
        name: "tier2.throughput-network-10", tier: 2, nodes: 10, allPublish: true, stepSeconds: 3,
        summary:
            "10-node mesh, all nodes publish in turn, open-loop ramp 250, 297, 354, … events/s (3 s steps) to the knee; 5 subscribers per node: network-wide knee beside the machine's ceiling, latency per step, delivery rate, resources"
    )
    public static let networkLong = ThroughputScenario(
        name: "tier3.throughput-network-long-10", tier: 3, nodes: 10, allPublish: true, stepSeconds: 15,
        summary:
            "tier 2's network-wide ramp with 15 s steps (--duration per step): the knee the mesh holds for 15 s, latency per step, resources"
    )

    init(name: String, tier: Int, nodes: Int, allPublish: Bool, stepSeconds: Double, summary: String) {
        self.name = name
        self.tier = tier
        self.nodes = nodes
        self.allPublish = allPublish
        self.stepSeconds = stepSeconds
        self.summary = summary
    }

    public func run(_ context: ScenarioContext) async throws {
        let settings = context.settings
        let size = settings.nodes(default: nodes)
        let topology = try settings.meshTopology(nodes: size)
        let recorder = context.recorder
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
            let ramp = CapacityRamp(
                publishers: allPublish ? Array(0..<size) : [0],
                throughputSLAClass: allPublish ? "network_wide" : "per_node",
                stepSeconds: settings.duration(default: stepSeconds))
            let outcome = try await ramp.run(on: network, context: context)
            for node in 0..<size {
                let delivered = try await network.counters(of: node).deliveries - deliveriesBefore[node]
                if let atKnee = outcome.kneeStepDeliveries?[node] {
                    try recorder.sample("delivery_rate", Double(atKnee) / ramp.stepSeconds, node: node)
                }
                context.check(
                    "every subscriber gets every event", delivered == outcome.published * Self.subscribersPerNode,
                    "node \(node) delivered \(delivered) events to its \(Self.subscribersPerNode) subscribers, expected \(outcome.published * Self.subscribersPerNode)"
                )
            }
        }
    }
}
