import Foundation
import Mesh

/// AC 1 scalability at one mesh size on a seeded random 4-regular graph (`--topology`,
/// `--degree`): the measured diameter (BFS over the topology; the story requires ≤ 5 hops at 25
/// nodes), full-propagation latency of every delivery at light load (closed loop) with the nodes'
/// phase timings of those events and the process's CPU meanwhile (`light_load_cpu`), then the
/// network-wide capacity as the knee of an open-loop rate ramp beside the machine's ceiling
/// (`CapacityRamp`), with latency per step and resources. The first
/// event's arrivals are kept as the traced event of the topology chart (`trace.*` series).
public struct ScalabilityScenario: Scenario {
    public let name: String
    public let tier = 3
    public let summary: String
    let nodes: Int
    let events: Int
    /// Seconds each ramp step offers load.
    let stepSeconds: Double

    public static func size(_ nodes: Int, events: Int, stepSeconds: Double) -> ScalabilityScenario {
        ScalabilityScenario(
            name: "tier3.scalability-\(nodes)",
            summary:
                "\(nodes)-node random 4-regular mesh: diameter, latency of \(events) events × \(nodes - 1) deliveries at light load, then all nodes publishing an open-loop ramp from \(Int(CapacityRamp.firstRate(nodes: nodes))) events/s (\(Int(stepSeconds)) s steps) to the knee: knee beside the machine's ceiling, latency per step, resources",
            nodes: nodes, events: events, stepSeconds: stepSeconds)
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
        try await MeshSession.with(topology, node: settings.measurementNode(nodes: size), context: context) { network in
            let probe = SequentialProbe(network: network, context: context)
            let start = await network.now()
            let cpuBefore = ProcessStats.current, wallBefore = Date()
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
            if let before = cpuBefore, let after = ProcessStats.current {
                let share = CPUShare(from: before, to: after, wallSeconds: Date().timeIntervalSince(wallBefore))
                if let percent = Int64(exactly: (share.userPercent + share.systemPercent).rounded()) {
                    try recorder.counter("light_load_cpu", unit: "%", value: percent)
                }
            }
            // The light-load events' own records: per-hop processing without the ramp's saturation.
            try await PhaseRecorder.record(network, context: context, perNodeLimit: max(50, 10_000 / size))
            let ramp = CapacityRamp(
                publishers: Array(0..<size), throughputSLAClass: "network_wide",
                stepSeconds: settings.duration(default: stepSeconds), drainSeconds: 10)
            _ = try await ramp.run(on: network, context: context)
        }
    }
}
