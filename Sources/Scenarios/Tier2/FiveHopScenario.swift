import Mesh

/// AC 2 multi-hop latency: a 10-node line with TTL 5, 1,000 events from node 0, each reaching
/// nodes 1–5. Every delivery is a `latency` sample with its hop count (latency against hop count,
/// for the hop-linearity check); the 5-hop deliveries are also `five_hop_latency` (SLA five_hop).
public struct FiveHopScenario: Scenario {
    public let name = "tier2.five-hop-10"
    public let tier = 2
    public let summary =
        "10-node line, TTL 5, 1,000 events from node 0: latency by hop count 1–5 and the 5-hop latency distribution"
    let events = 1_000
    let warmup = 20

    public init() {}

    public func run(_ context: ScenarioContext) async throws {
        let settings = context.settings
        let topology = try Topology.line(nodes: 10)
        let hops = NodeConfig().ttl
        let measured = settings.events(default: events)
        let recorder = context.recorder
        recorder.declare("latency", unit: "ms", better: .lower, meshSize: 10)
        recorder.declare("five_hop_latency", unit: "ms", better: .lower, meshSize: 10, slaClass: "five_hop")
        for rep in 0..<settings.repetitions {
            try await MeshSession.with(topology, context: context, seedOffset: UInt64(rep)) { network in
                let probe = SequentialProbe(network: network, context: context, targets: Array(0...hops))
                for sequence in 0..<warmup { _ = try await probe.publish(from: 0, sequence: sequence) }
                let start = await network.now()
                var wrongHops = 0
                for sequence in warmup..<(warmup + measured) {
                    let (sent, arrivals) = try await probe.publish(from: 0, sequence: sequence)
                    let t = Double(sent &- start) / 1e9
                    for node in 1...hops {
                        guard let arrival = arrivals[node] else { continue }
                        if arrival.hops != node { wrongHops += 1 }
                        let ms = Double(arrival.time &- sent) / 1e6
                        try recorder.sample("latency", ms, hops: arrival.hops, node: node, t: t, rep: rep)
                        if node == hops {
                            try recorder.sample("five_hop_latency", ms, hops: hops, node: node, t: t, rep: rep)
                        }
                    }
                }
                try await network.awaitIdle(timeoutNanoseconds: settings.timeoutNanoseconds(5))
                context.check(
                    "node k is reached at k hops", wrongHops == 0,
                    "repetition \(rep): \(wrongHops) deliveries had a hop count other than the node's distance")
                for node in (hops + 1)..<topology.nodeCount {
                    let stored = try await network.storedEventCount(node: node)
                    context.check(
                        "TTL stops events after \(hops) hops", stored == 0,
                        "repetition \(rep): node \(node) stored \(stored) events")
                }
                if rep == 0 { try await PhaseRecorder.record(network, context: context) }
            }
        }
    }
}
