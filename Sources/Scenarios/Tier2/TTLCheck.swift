import Mesh

/// TTL on a 10-node line with the default TTL 5: an event published at node 0 reaches nodes 1–5,
/// node k at exactly k hops, node 5 stops it (TTL exhausted) and nodes 6–9 never see it.
enum TTLCheck {
    static let events = 20

    static func run(_ context: ScenarioContext) async throws {
        let topology = try Topology.line(nodes: 10)
        let node = NodeConfig()
        let reach = node.ttl
        try await MeshSession.with(topology, node: node, context: context, seedOffset: 1_000) { network in
            let probe = SequentialProbe(network: network, context: context, targets: Array(0...reach))
            var wrongHops = 0
            for sequence in 0..<events {
                let arrivals = try await probe.publish(from: 0, sequence: sequence).arrivals
                wrongHops += (1...reach).filter { arrivals[$0]?.hops != $0 }.count
            }
            try await network.awaitIdle(timeoutNanoseconds: context.settings.timeoutNanoseconds(5))
            context.check(
                "TTL: node k is reached at k hops", wrongHops == 0,
                "\(wrongHops) arrivals at nodes 1–\(reach) had a hop count other than their distance")
            for beyond in (reach + 1)..<topology.nodeCount {
                let stored = try await network.storedEventCount(node: beyond)
                context.check(
                    "TTL: nodes beyond \(reach) hops never see the event", stored == 0,
                    "node \(beyond) (\(beyond) hops away) stored \(stored) events with TTL \(reach)")
            }
            let last = try await network.counters(of: reach)
            context.check(
                "TTL: the node at \(reach) hops stops every event", last.ttlExhausted == events,
                "node \(reach) counted \(last.ttlExhausted) TTL-exhausted events of \(events)")
        }
    }
}
