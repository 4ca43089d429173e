import Mesh

/// Tier 2 correctness with latency: every event published (from every node in turn) reaches
/// every other node exactly once, duplicates are dropped, and the work per event matches the
/// topology's closed form. One latency sample per delivery with hop count and node, plus the
/// single-hop subset and the time for an event to reach its last node. The first measured event
/// of the first repetition is the traced event of the topology chart (`trace.*` series).
public struct PropagationSuiteScenario: Scenario {
    public let name: String
    public let tier = 2
    public let summary: String
    let nodes: Int
    let family: TopologyFamily
    let degree: Int
    let events: Int
    /// Also run the TTL check on a 10-node line.
    let checksTTL: Bool
    let warmup = 20

    /// 5-node ring: the full propagation suite (story AC 4, tier 2).
    public static let five = PropagationSuiteScenario(
        name: "tier2.propagation-5", nodes: 5, family: .ring, degree: 2, events: 200, checksTTL: false,
        summary:
            "5-node ring, 200 events from every node in turn: each reaches all others once, duplicates dropped, work per event exact"
    )
    /// 10-node random 4-regular mesh: propagation + dedup + TTL, the 10-node latency distribution (AC 2).
    public static let ten = PropagationSuiteScenario(
        name: "tier2.propagation-10", nodes: 10, family: .randomRegular, degree: 4, events: 1_000, checksTTL: true,
        summary:
            "10-node random 4-regular mesh, 1,000 events (9,000 deliveries): full-propagation and single-hop latency, dedup, work per event, TTL on a 10-node line"
    )

    init(name: String, nodes: Int, family: TopologyFamily, degree: Int, events: Int, checksTTL: Bool, summary: String) {
        self.name = name
        self.nodes = nodes
        self.family = family
        self.degree = degree
        self.events = events
        self.checksTTL = checksTTL
        self.summary = summary
    }

    public func run(_ context: ScenarioContext) async throws {
        let settings = context.settings
        let topology = try family.build(nodes: nodes, degree: degree, seed: settings.seed)
        let measured = settings.events(default: events)
        let recorder = context.recorder
        recorder.declare(
            "latency", unit: "ms", better: .lower, meshSize: nodes,
            slaClass: nodes == 10 ? "full_propagation" : "propagation")
        recorder.declare("single_hop_latency", unit: "ms", better: .lower, meshSize: nodes, slaClass: "single_hop")
        recorder.declare("propagation_time", unit: "ms", better: .lower, meshSize: nodes)
        try recorder.counter("diameter", unit: "hops", value: Int64(topology.diameter ?? -1))
        for rep in 0..<settings.repetitions {
            try await MeshSession.with(
                topology, node: settings.measurementNode(nodes: nodes), context: context,
                seedOffset: UInt64(rep)
            ) { network in
                let probe = SequentialProbe(network: network, context: context)
                let start = await network.now()
                for sequence in 0..<warmup { _ = try await probe.publish(from: sequence % nodes, sequence: sequence) }
                try await network.awaitIdle(timeoutNanoseconds: settings.timeoutNanoseconds(5))
                let before = try await WorkCounters.total(of: network)
                for sequence in warmup..<(warmup + measured) {
                    let publisher = sequence % nodes
                    let (sent, arrivals) = try await probe.publish(from: publisher, sequence: sequence)
                    let t = Double(sent &- start) / 1e9
                    var last: UInt64 = sent
                    for (node, arrival) in arrivals where node != publisher {
                        let ms = Double(arrival.time &- sent) / 1e6
                        last = max(last, arrival.time)
                        try recorder.sample("latency", ms, hops: arrival.hops, node: node, t: t, rep: rep)
                        if arrival.hops == 1 {
                            try recorder.sample("single_hop_latency", ms, hops: 1, node: node, t: t, rep: rep)
                        }
                    }
                    try recorder.sample("propagation_time", Double(last &- sent) / 1e6, node: publisher, t: t, rep: rep)
                    if rep == 0 && sequence == warmup {
                        try TopologyTrace.record(
                            topology, publisher: publisher, sent: sent, arrivals: arrivals, recorder: recorder)
                    }
                }
                try await network.awaitIdle(timeoutNanoseconds: settings.timeoutNanoseconds(5))
                let work = try await WorkCounters.total(of: network).subtracting(before)
                TopologyWork(topology).check(work, events: measured, in: context)
                for node in 0..<nodes {
                    let stored = try await network.storedEventCount(node: node)
                    context.check(
                        "every node stores each event once", stored == warmup + measured,
                        "repetition \(rep): node \(node) stored \(stored) events, \(warmup + measured) were published")
                }
                if rep == 0 {
                    try work.record(events: measured, in: context)
                    try await PhaseRecorder.record(network, context: context)
                }
            }
        }
        if checksTTL { try await TTLCheck.run(context) }
    }
}
