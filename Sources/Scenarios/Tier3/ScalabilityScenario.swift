import Mesh

/// AC 1 scalability at one mesh size on a seeded random 4-regular graph (`--topology`,
/// `--degree`): the measured diameter (BFS over the topology; the story requires ≤ 5 hops at 25
/// nodes), full-propagation latency of every delivery at light load (closed loop), then a
/// sustained network-wide load for throughput, latency under load and resources. The first
/// event's arrivals are kept as the traced event of the topology chart (`trace.*` series).
public struct ScalabilityScenario: Scenario {
    public let name: String
    public let tier = 3
    public let summary: String
    let nodes: Int
    let events: Int
    let duration: Double

    public static func size(_ nodes: Int, events: Int, duration: Double) -> ScalabilityScenario {
        ScalabilityScenario(
            name: "tier3.scalability-\(nodes)",
            summary:
                "\(nodes)-node random 4-regular mesh: diameter, latency of \(events) events × \(nodes - 1) deliveries at light load, then all nodes publishing at capacity (≤ 64 in flight) for \(Int(duration)) s: throughput, latency under load, resources",
            nodes: nodes, events: events, duration: duration)
    }

    public func run(_ context: ScenarioContext) async throws {
        let settings = context.settings
        let size = settings.nodes(default: nodes)
        let topology = try settings.meshTopology(nodes: size)
        let diameter = topology.diameter ?? -1
        let recorder = context.recorder
        try recorder.counter("diameter", unit: "hops", value: Int64(diameter))
        try recorder.counter("links", unit: "links", value: Int64(topology.edges.count))
        if size == 25 {
            context.check(
                "diameter at 25 nodes is at most 5 hops", diameter <= 5 && diameter >= 0,
                "\(topology.name) has diameter \(diameter)")
        }
        recorder.declare("latency", unit: "ms", better: .lower, meshSize: size, slaClass: "propagation")
        recorder.declare("propagation_time", unit: "ms", better: .lower, meshSize: size)
        recorder.declare("latency_under_load", unit: "ms", better: .lower, meshSize: size)
        try await MeshSession.with(topology, node: settings.measurementNode(nodes: size), context: context) { network in
            let probe = SequentialProbe(network: network, context: context)
            let start = await network.now()
            var maxHops = 0
            let measured = settings.events(default: events)
            for sequence in 0..<measured {
                let publisher = sequence % size
                let (sent, arrivals) = try await probe.publish(from: publisher, sequence: sequence)
                let t = Double(sent &- start) / 1e9
                var last = sent
                for (target, arrival) in arrivals where target != publisher {
                    maxHops = max(maxHops, arrival.hops)
                    last = max(last, arrival.time)
                    try recorder.sample(
                        "latency", Double(arrival.time &- sent) / 1e6, hops: arrival.hops, node: target, t: t)
                }
                try recorder.sample("propagation_time", Double(last &- sent) / 1e6, node: publisher, t: t)
                if sequence == 0 {
                    try TopologyTrace.record(
                        topology, publisher: publisher, sent: sent, arrivals: arrivals, recorder: recorder)
                }
            }
            try recorder.counter("max_hops_observed", unit: "hops", value: Int64(maxHops))
            let load = SustainedLoad(
                phases: [
                    LoadPhase(
                        rate: settings.overrides.rate, duration: settings.duration(default: duration),
                        publishers: Array(0..<size))
                ],
                latencyMetrics: { _ in ["latency_under_load"] },
                throughputSLAClass: "network_wide", drainTimeout: 20)
            _ = try await load.run(on: network, context: context)
            try await PhaseRecorder.record(network, context: context, perNodeLimit: max(50, 10_000 / size))
        }
    }
}
