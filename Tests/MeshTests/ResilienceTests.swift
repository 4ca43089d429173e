import XCTest
@testable import Mesh

final class ResilienceTests: XCTestCase {
    /// Node 1, a neighbour of the publisher, is stopped after it received the event but before
    /// its forwards arrive anywhere; every node still connected to the publisher gets the event.
    func testNodeStoppedDuringPropagationDoesNotCutOffTheRest() async throws {
        let topology = try Topology.randomRegular(nodes: 10, degree: 3, seed: 21)
        let victim = topology.neighbors[0][0]
        let reachable = topology.distances(from: 0, excluding: Set(topology.neighbors[victim].map { Edge(victim, $0) }))
            .enumerated().filter { $0.element != nil && $0.offset != victim }.map(\.offset)
        for transport in bothTransports {
            let config = MeshConfig(topology: topology, node: NodeConfig(ttl: 10), transport: transport)
            try await withNetwork(config) { network in
                // The victim is slow (50 ms before forwarding) so it is stopped mid-propagation.
                try await network.setForwardDelay(microseconds: 50_000, node: victim)
                let event = try await network.publish(from: 0)
                _ = try await network.awaitPropagation(of: event.id, to: [victim])
                try await network.stopNode(victim)
                let arrivals = try await network.awaitPropagation(of: event.id, to: reachable)
                XCTAssertEqual(Set(arrivals.keys).subtracting([victim]), Set(reachable), network.mode)
                try await network.awaitIdle()
            }
        }
    }

    func testDroppedLinkCarriesNothingUntilRestored() async throws {
        for transport in bothTransports {
            let config = MeshConfig(topology: try .line(nodes: 3), transport: transport)
            try await withNetwork(config) { network in
                try await network.dropLink(1, 2)
                let lost = try await network.publish(from: 0)
                _ = try await network.awaitPropagation(of: lost.id, to: [0, 1])
                try await network.awaitIdle()
                let storedWhileDropped = try await network.storedEventCount(node: 2)
                XCTAssertEqual(storedWhileDropped, 0, network.mode)
                try await network.restoreLink(1, 2)
                let found = try await network.publish(from: 0)
                let arrivals = try await network.awaitPropagation(of: found.id)
                XCTAssertEqual(arrivals[2]?.hops, 2)
            }
        }
    }

    func testRestartedNodeRejoinsOnItsDatabase() async throws {
        for transport in bothTransports {
            let config = MeshConfig(topology: try .ring(nodes: 4), transport: transport)
            try await withNetwork(config) { network in
                let first = try await network.publish(from: 0)
                _ = try await network.awaitPropagation(of: first.id)
                try await network.stopNode(2)
                try await network.restartNode(2)
                let storedAfterRestart = try await network.storedEventCount(node: 2)
                XCTAssertEqual(storedAfterRestart, 1, "the database survives a restart")
                let second = try await network.publish(from: 0)
                let arrivals = try await network.awaitPropagation(of: second.id)
                XCTAssertEqual(arrivals.count, 4, network.mode)
            }
        }
    }

    func testPerHopDelayShowsUpInEveryHop() async throws {
        let model = LinkModel(latency: .fixed(nanoseconds: 100_000), seed: 1)
        let config = MeshConfig(topology: try .line(nodes: 4), transport: .simulated(model))
        try await withNetwork(config) { network in
            try await network.setForwardDelay(microseconds: 250)
            let event = try await network.publish(from: 0)
            let arrivals = try await network.awaitPropagation(of: event.id)
            let start = arrivals[0]!.time
            // Each hop: 250 µs injected before sending + 100 µs on the link.
            XCTAssertEqual((1...3).map { arrivals[$0]!.time - start }, [350_000, 700_000, 1_050_000])
        }
    }
}
