import Interledger
import XCTest
@testable import Mesh

final class PaymentTests: XCTestCase {
    /// Ledgers of every node keyed by ILP address, as `LedgerNetting` wants them.
    private func ledgerMesh(_ network: MeshNetwork) async throws -> LedgerNetting.Mesh {
        var mesh: LedgerNetting.Mesh = [:]
        for node in 0..<network.nodeCount {
            let ledgers = try await network.ledgers(of: node)
            mesh[RelayNode.address(of: node)] = Dictionary(uniqueKeysWithValues: ledgers.values.map { ($0.peer, $0) })
        }
        return mesh
    }

    /// Line 0–1–2–3–4–5, price 100, fee 10, TTL 5: the publisher pays 100 + 4 × 10 = 140; hop h
    /// receives 140 − 10(h − 1), so the four intermediate nodes each keep 10 and node 5 gets
    /// 140 − 4 × 10 = 100.
    func testFiveHopLineShowsEachFeeTheFinalAmountAndLedgersNetToZero() async throws {
        for transport in bothTransports {
            let config = MeshConfig(
                topology: try .line(nodes: 6), node: NodeConfig(routingFee: 10, ttl: 5), transport: transport)
            try await withNetwork(config) { network in
                let event = try await network.publish(from: 0)
                _ = try await network.awaitPropagation(of: event.id)
                try await network.awaitIdle()
                var received: [UInt64] = []
                var net: [Int64] = []
                for node in 0..<6 {
                    let ledgers = try await network.ledgers(of: node)
                    if node > 0 { received.append(ledgers[node - 1]!.received.fulfilledAmount) }
                    net.append(ledgers.values.map(\.balance).reduce(0, +))
                }
                XCTAssertEqual(received, [140, 130, 120, 110, 100], network.mode)
                XCTAssertEqual(net, [-140, 10, 10, 10, 10, 100])
                XCTAssertEqual(received.last!, 140 - 4 * 10)
                let mesh = try await ledgerMesh(network)
                XCTAssertEqual(LedgerNetting.mismatches(mesh), [])
                XCTAssertEqual(LedgerNetting.total(mesh), 0)
            }
        }
    }

    /// Paying 120 on the same line: hop 1 gets 120, hop 2 110, hop 3 100, hop 4 90 < 100 → F04 there.
    func testUnderpaidEventIsRejectedWhereItRunsShortAndNotStoredThereOrBeyond() async throws {
        for transport in bothTransports {
            let config = MeshConfig(
                topology: try .line(nodes: 6), node: NodeConfig(routingFee: 10, ttl: 5), transport: transport)
            try await withNetwork(config) { network in
                let event = try await network.publish(from: 0, amount: 120)
                _ = try await network.awaitPropagation(of: event.id, to: [0, 1, 2, 3])
                try await network.awaitIdle()
                for node in [4, 5] {
                    let stored = try await network.storedEventCount(node: node)
                    XCTAssertEqual(stored, 0, "node \(node) on \(network.mode)")
                }
                let rejecting = try await network.counters(of: 4)
                XCTAssertEqual(rejecting.rejectsSent, ["F04": 1])
                XCTAssertEqual(rejecting.verifications, 0, "pricing comes before the signature check")
                let before = try await network.counters(of: 3)
                XCTAssertEqual(before.rejectsReceived, ["F04": 1])
                let ledger = try await network.ledgers(of: 3)[4]!
                XCTAssertEqual(ledger.sent.rejectedCount, 1)
                XCTAssertEqual(ledger.sent.rejectedAmount, 90)
                XCTAssertEqual(ledger.balance, 0)
                let preparesAtLast = try await network.counters(of: 5).eventPreparesIn
                XCTAssertEqual(preparesAtLast, 0)
                let mesh = try await ledgerMesh(network)
                XCTAssertEqual(LedgerNetting.mismatches(mesh), [])
            }
        }
    }

    func testKindPricingChargesPerKind() async throws {
        let pricing = KindPricing(defaultPrice: 100, overrides: [30023: 5_000])
        let config = MeshConfig(
            topology: try .line(nodes: 2), node: NodeConfig(pricing: pricing, ttl: 1),
            transport: .simulated(LinkModel()))
        try await withNetwork(config) { network in
            let cheap = try await network.publish(from: 0, kind: 1, amount: 150)
            let dear = try await network.publish(from: 0, kind: 30023, amount: 150)
            try await network.awaitIdle()
            let cheapAt = await network.arrivals(of: cheap.id).keys.sorted()
            XCTAssertEqual(cheapAt, [0, 1])
            let dearAt = await network.arrivals(of: dear.id).keys.sorted()
            XCTAssertEqual(dearAt, [0])
            let rejects = try await network.counters(of: 1).rejectsSent
            XCTAssertEqual(rejects, ["F04": 1])
        }
    }
}
