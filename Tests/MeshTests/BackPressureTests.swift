import Nostr
import XCTest
@testable import Mesh

/// Link credit (docs/protocol.md §3 Back-pressure): with a window of one Prepare per TTL class a
/// burst from every node must be held back, and must still reach every node — on a ring, where a
/// single window per link would deadlock (each node holding the event whose forward needs the
/// next node's answer), and on a full mesh, where every relay forwards each event on four links.
final class BackPressureTests: XCTestCase {
    func testABurstWithTheSmallestWindowIsHeldBackAndDeliveredEverywhere() async throws {
        let nodes = 6, perNode = 12
        for (topology, transport) in [try Topology.ring(nodes: nodes), try .fullMesh(nodes: nodes)].flatMap({ t in
            bothTransports.map { (t, $0) }
        }) {
            let config = MeshConfig(
                topology: topology, node: NodeConfig(ttl: 6, linkCreditWindow: 1),
                transport: transport)
            try await withNetwork(config) { network in
                var batch: [(event: NostrEvent, node: Int)] = []
                for index in 0..<(nodes * perNode) {
                    let node = index % nodes
                    batch.append(
                        (network.keyPair(of: node).sign(kind: 1, content: "burst \(index)", createdAt: 1), node))
                }
                try await network.publish(batch)
                for (event, _) in batch {
                    _ = try await network.awaitPropagation(of: event.id, timeoutNanoseconds: 30_000_000_000)
                }
                try await network.awaitIdle(timeoutNanoseconds: 30_000_000_000)
                let counters = try await allCounters(network)
                for (node, c) in counters.enumerated() {
                    XCTAssertEqual(c.storeWrites, nodes * perNode, "node \(node) on \(network.mode)")
                    XCTAssertEqual(c.totalRejectsSent, 0, "node \(node) on \(network.mode): \(c.rejectsSent)")
                    XCTAssertEqual(c.eventsRefusedBusy, 0)
                    XCTAssertEqual(c.sendQueueDrops, 0)
                }
                if network.mode == "simulated", topology.edges.count > nodes {
                    // Relays get first copies from five publishers at once, with room for one
                    // forward per link and class: some must wait (deterministic in simulation).
                    XCTAssertGreaterThan(total(counters, \.eventsHeld), 0)
                }
            }
        }
    }

    func testPublishAdmissionMakesTheCallerWaitUntilTheNodeHasRoom() async throws {
        let admission = PublishAdmission(limit: 2)
        await admission.reserve(2)
        let admitted = AdmittedFlag()
        let waiting = Task {
            await admission.reserve(1)
            await admitted.set()
        }
        // Nothing but a release can admit it: it is still waiting however long this takes.
        try await Task.sleep(nanoseconds: 50_000_000)
        let early = await admitted.value
        XCTAssertFalse(early, "admitted while 2 of 2 were outstanding")
        admission.release(1)
        await waiting.value
        let late = await admitted.value
        XCTAssertTrue(late)
    }
}

private actor AdmittedFlag {
    private(set) var value = false
    func set() { value = true }
}
