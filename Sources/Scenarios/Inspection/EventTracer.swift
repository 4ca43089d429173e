import BenchFormats
import Logging
import Mesh

/// Starts a mesh, publishes warm-up events and then the traced one, and reads back what the
/// nodes recorded: arrivals (time, hops, sender), ledgers (before/after, so only the traced
/// event's payments count), duplicate counters and the per-node phase timing record.
public struct EventTracer: Sendable {
    let topology: Topology
    let node: NodeConfig
    let publisher: Int
    let seed: UInt64
    let warmup: Int
    let kind: Int
    /// How long to wait for the event to reach every node within the TTL.
    let timeoutNanoseconds: UInt64
    let logger = Logger(label: "meshbench.trace")

    public init(
        topology: Topology, node: NodeConfig, publisher: Int, seed: UInt64, warmup: Int, kind: Int,
        timeoutNanoseconds: UInt64
    ) {
        self.topology = topology
        self.node = node
        self.publisher = publisher
        self.seed = seed
        self.warmup = warmup
        self.kind = kind
        self.timeoutNanoseconds = timeoutNanoseconds
    }

    /// Runs the mesh on loopback WebSockets (real transports, as the scenarios measure) and
    /// returns the traced event's record.
    public func trace() async throws -> EventTrace {
        logger.debug("starting mesh", metadata: ["topology": "\(topology.name)", "nodes": "\(topology.nodeCount)"])
        return try await MeshNetwork.withRunning(
            MeshConfig(topology: topology, node: node, transport: .loopback, seed: seed)
        ) {
            try await run(on: $0)
        }
    }

    private func run(on network: MeshNetwork) async throws -> EventTrace {
        let distances = topology.distances(from: publisher)
        let expected = (0..<topology.nodeCount).filter { distances[$0].map { $0 <= node.ttl } ?? false }
        for index in 0..<warmup {
            let event = try await network.publish(
                from: publisher, kind: kind, content: "meshbench trace warm-up \(index)")
            _ = try await network.awaitPropagation(of: event.id, to: expected, timeoutNanoseconds: timeoutNanoseconds)
            await network.forgetArrivals(of: event.id)
        }
        try await network.awaitIdle(timeoutNanoseconds: timeoutNanoseconds)
        let before = try await snapshot(network)

        let start = await network.now()
        let event = try await network.publish(from: publisher, kind: kind, content: "meshbench traced event")
        logger.debug("published traced event", metadata: ["id": "\(event.id)", "publisher": "\(publisher)"])
        let arrivals = try await network.awaitPropagation(
            of: event.id, to: expected, timeoutNanoseconds: timeoutNanoseconds)
        try await network.awaitIdle(timeoutNanoseconds: timeoutNanoseconds)
        let after = try await snapshot(network)

        var hops: [EventTrace.Hop] = []
        var ledgerSum: Int64 = 0
        for index in 0..<topology.nodeCount {
            let change = NodeLedgerChange(before: before[index], after: after[index])
            ledgerSum += change.net
            guard let arrival = arrivals[index] else { continue }
            let paid = arrival.from.map { change.received(from: $0) }
            let forwarded = change.forwardedEach
            let kept: UInt64? = paid.map { paid in forwarded.map { paid >= $0 ? paid - $0 : 0 } ?? paid }
            hops.append(
                EventTrace.Hop(
                    node: index, hops: arrival.hops, arrivedMicros: Double(arrival.time &- start) / 1e3,
                    from: arrival.from,
                    path: path(to: index, arrivals: arrivals), paidMsat: paid, forwardedEachMsat: forwarded,
                    forwards: change.forwards, keptMsat: kept, netMsat: change.net,
                    duplicatesDropped: change.duplicates, phases: change.phases))
        }
        hops.sort { ($0.arrivedMicros, $0.node) < ($1.arrivedMicros, $1.node) }
        let missed = (0..<topology.nodeCount).filter { arrivals[$0] == nil }.map { index -> EventTrace.Miss in
            let distance = distances[index]
            let reason =
                distance.map {
                    $0 > node.ttl ? "\($0) hops away, beyond TTL \(node.ttl) (raise --ttl)" : "not reached in time"
                }
                ?? "not connected to the publisher"
            return EventTrace.Miss(node: index, distance: distance, reason: reason)
        }
        return EventTrace(
            eventID: event.id, kind: kind, publisher: publisher, topology: topology.name, nodes: topology.nodeCount,
            links: topology.edges.count, diameter: topology.diameter, mode: network.mode, seed: seed,
            priceMsat: node.pricing.price(forKind: kind), routingFeeMsat: node.routingFee, ttl: node.ttl,
            publishedMsat: node.amountToPublish(kind: kind), warmupEvents: warmup, arrivals: hops, missed: missed,
            ledgerSumMsat: ledgerSum, edges: topology.edges.map { [$0.a, $0.b] })
    }

    /// Publisher → … → node along the peers each first copy came from.
    private func path(to node: Int, arrivals: [Int: Mesh.Arrival]) -> [Int] {
        var path = [node]
        var current = node
        while let from = arrivals[current]?.from, !path.contains(from), path.count <= topology.nodeCount {
            path.append(from)
            current = from
        }
        return path.reversed()
    }

    private func snapshot(_ network: MeshNetwork) async throws -> [NodeLedgerState] {
        var states: [NodeLedgerState] = []
        for index in 0..<topology.nodeCount {
            states.append(
                NodeLedgerState(
                    ledgers: try await network.ledgers(of: index),
                    duplicates: try await network.counters(of: index).duplicatesDropped,
                    timings: try await network.timings(of: index, recordLimit: 1)))
        }
        return states
    }
}
