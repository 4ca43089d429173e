import Nostr
import XCTest
@testable import Mesh

final class PropagationTests: XCTestCase {
    func testThreeNodesEachReceiveTheEventExactlyOnce() async throws {
        for transport in bothTransports {
            let config = MeshConfig(topology: try .fullMesh(nodes: 3), transport: transport)
            try await withNetwork(config) { network in
                let event = try await network.publish(from: 0, content: "hello mesh")
                let arrivals = try await network.awaitPropagation(of: event.id)
                try await network.awaitIdle()
                XCTAssertEqual(Set(arrivals.keys), [0, 1, 2], network.mode)
                if network.mode == "simulated" {
                    XCTAssertEqual(arrivals[1]?.hops, 1)
                    XCTAssertEqual(arrivals[2]?.hops, 1)
                } else {
                    // On real sockets the copy relayed by the other node can win the race.
                    XCTAssertTrue([1, 2].contains(arrivals[1]?.hops) && [1, 2].contains(arrivals[2]?.hops))
                }
                for node in 0..<3 {
                    let stored = try await network.query(node: node, filters: [NostrFilter(ids: [event.id])])
                    XCTAssertEqual(stored, [event], "node \(node) on \(network.mode)")
                    let counters = try await network.counters(of: node)
                    XCTAssertEqual(counters.storeWrites, 1)
                }
                // 0 sends to 1 and 2; each forwards to the other (not back to 0): 4 EVENT Prepares,
                // of which 2 are duplicates.
                let counters = try await allCounters(network)
                XCTAssertEqual(total(counters, \.eventPreparesOut), 4)
                XCTAssertEqual(total(counters, \.duplicatesDropped), 2)
                XCTAssertEqual(total(counters, \.verifications), 2)
            }
        }
    }

    /// Every node forwards once to each neighbour except the one it heard the event from, so
    /// EVENT Prepares = deg(publisher) + Σ_{v ≠ publisher} (deg(v) − 1) = 4 + 9 × 3 = 31 when the
    /// TTL is large enough for every node to forward; each is answered (31 RESPONSE frames), and
    /// 31 − 9 of them are duplicates.
    func testRandomRegularMeshStoresOnceNoEchoAndCountersMatchTheTopology() async throws {
        for transport in bothTransports {
            let topology = try Topology.randomRegular(nodes: 10, degree: 4, seed: 11)
            let config = MeshConfig(
                topology: topology, node: NodeConfig(ttl: 10, publishAmount: 1_000), transport: transport)
            try await withNetwork(config) { network in
                let before = try await allCounters(network)
                let event = try await network.publish(from: 0)
                let arrivals = try await network.awaitPropagation(of: event.id)
                try await network.awaitIdle()
                let after = try await allCounters(network)
                XCTAssertEqual(arrivals.count, 10, network.mode)
                let distances = topology.distances(from: 0)
                for (node, arrival) in arrivals { XCTAssertGreaterThanOrEqual(arrival.hops, distances[node]!) }

                let expectedPrepares =
                    topology.degree(of: 0) + (1..<10).map { topology.degree(of: $0) - 1 }.reduce(0, +)
                XCTAssertEqual(expectedPrepares, 31)
                func delta(_ field: (NodeCounters) -> Int) -> Int { total(after, field) - total(before, field) }
                XCTAssertEqual(delta(\.eventPreparesOut), expectedPrepares, network.mode)
                XCTAssertEqual(delta(\.eventPreparesIn), expectedPrepares)
                XCTAssertEqual(delta(\.framesOut), 2 * expectedPrepares)  // each Prepare and its RESPONSE
                XCTAssertEqual(delta(\.framesIn), 2 * expectedPrepares)
                XCTAssertEqual(delta(\.bytesOut), delta(\.bytesIn))
                XCTAssertEqual(delta(\.duplicatesDropped), expectedPrepares - 9)
                XCTAssertEqual(delta(\.verifications), 9)
                XCTAssertTrue(after.allSatisfy { $0.storeWrites == 1 })
                XCTAssertEqual(delta(\.totalRejectsSent), 0)

                // No echo: a node never sends the event back to the peer it first heard it from,
                // and no link carries it more than once in each direction.
                for node in 1..<10 {
                    let from = try XCTUnwrap(arrivals[node]?.from)
                    let ledgers = try await network.ledgers(of: node)
                    XCTAssertEqual(ledgers[from]?.sent.fulfilledCount, 0, "node \(node) echoed to \(from)")
                    XCTAssertEqual(ledgers[from]?.received.fulfilledCount, 1)
                }
                for node in 0..<10 {
                    for (_, ledger) in try await network.ledgers(of: node) {
                        XCTAssertLessThanOrEqual(ledger.sent.fulfilledCount, 1)
                    }
                }
            }
        }
    }

    /// A batch from several publishers, handed over without waiting: every event reaches every
    /// node once, with exactly the single-event work per event (4 Prepares, 2 of them duplicates,
    /// on a 3-node full mesh).
    func testBatchPublishDeliversEveryEventOnceWithTheSameWorkPerEvent() async throws {
        for transport in bothTransports {
            let config = MeshConfig(topology: try .fullMesh(nodes: 3), transport: transport)
            try await withNetwork(config) { network in
                let batch = (0..<30).map { i in
                    (
                        event: network.keyPair(of: i % 3).sign(
                            kind: 1, content: "batch \(i)", createdAt: 1_700_000_000), node: i % 3
                    )
                }
                try await network.publish(batch, waitUntilSent: false)
                for (event, _) in batch {
                    let arrivals = try await network.awaitPropagation(of: event.id)
                    XCTAssertEqual(Set(arrivals.keys), [0, 1, 2], network.mode)
                }
                try await network.awaitIdle()
                let counters = try await allCounters(network)
                XCTAssertTrue(counters.allSatisfy { $0.storeWrites == 30 }, network.mode)
                XCTAssertEqual(total(counters, \.eventPreparesOut), 30 * 4)
                XCTAssertEqual(total(counters, \.duplicatesDropped), 30 * 2)
                XCTAssertEqual(total(counters, \.verifications), 30 * 2)
                XCTAssertEqual(total(counters, \.totalRejectsSent), 0)

                try await network.stopNode(2)
                do {
                    try await network.publish([batch[0]], waitUntilSent: false)
                    try await network.publish([(event: batch[2].event, node: 2)])
                    XCTFail("publishing from a stopped node must fail")
                } catch MeshError.nodeStopped(let node) {
                    XCTAssertEqual(node, 2)
                }
            }
        }
    }

    func testLineOfEightStopsAfterTTLFiveHops() async throws {
        for transport in bothTransports {
            let config = MeshConfig(topology: try .line(nodes: 8), transport: transport)
            try await withNetwork(config) { network in
                let event = try await network.publish(from: 0)
                let arrivals = try await network.awaitPropagation(of: event.id, to: [0, 1, 2, 3, 4, 5])
                try await network.awaitIdle()
                XCTAssertEqual(arrivals.keys.sorted(), [0, 1, 2, 3, 4, 5], network.mode)
                XCTAssertEqual((0...5).map { arrivals[$0]!.hops }, [0, 1, 2, 3, 4, 5])
                for node in [6, 7] {
                    let count = try await network.storedEventCount(node: node)
                    XCTAssertEqual(count, 0, "node \(node) must never get the event")
                }
                let fifth = try await network.counters(of: 5)
                XCTAssertEqual(fifth.ttlExhausted, 1)
                XCTAssertEqual(fifth.eventPreparesOut, 0)
                let preparesAtSixth = try await network.counters(of: 6).eventPreparesIn
                XCTAssertEqual(preparesAtSixth, 0)
                if network.mode == "simulated" {
                    // 100 µs per link, processing takes no virtual time: hop h arrives at h × 100 µs.
                    let start = arrivals[0]!.time
                    XCTAssertEqual(
                        (1...5).map { arrivals[$0]!.time - start }, [100_000, 200_000, 300_000, 400_000, 500_000])
                }
            }
        }
    }

    func testSimulationIsDeterministicForASeed() async throws {
        func run() async throws -> [UInt64] {
            let model = LinkModel(latency: .logNormal(medianNanoseconds: 200_000, sigma: 0.6), seed: 77)
            let config = MeshConfig(
                topology: try .randomRegular(nodes: 12, degree: 3, seed: 5), node: NodeConfig(ttl: 12),
                transport: .simulated(model))
            var times: [UInt64] = []
            try await withNetwork(config) { network in
                let event = try await network.publish(from: 4, content: "same every time")
                let arrivals = try await network.awaitPropagation(of: event.id)
                times = (0..<12).map { arrivals[$0]!.time }
            }
            return times
        }
        let first = try await run()
        let second = try await run()
        XCTAssertEqual(first, second)
        XCTAssertEqual(Set(first).count > 3, true, "log-normal latencies should spread arrivals")
    }
}
