import Interledger
import Mesh

/// Story AC 4 tier 2 "economic flow verification (5-hop)": on a 6-node line an event paid at node
/// 0 travels 5 hops; each relay keeps its routing fee, every link nets to zero, the final node
/// receives the original amount minus the four relays' fees, and an event paid 1 msat too little
/// is rejected (F04) exactly at the last hop, where it runs short.
public struct EconomicFlowScenario: Scenario {
    public let name = "tier2.economic-flow-5hop"
    public let tier = 2
    public let summary =
        "6-node line, 5 hops paid hop by hop: fees kept per relay, links net to zero, final amount exact, underpaid event rejected at the hop where it runs short"
    let events = 50

    public init() {}

    public func run(_ context: ScenarioContext) async throws {
        let topology = try Topology.line(nodes: 6)
        let config = NodeConfig()
        let hops = topology.nodeCount - 1
        let fee = config.routingFee
        let price = config.pricing.price(forKind: 1)
        // Just enough for the last hop to receive the price after four relays took their fee.
        let amount = price + UInt64(hops - 1) * fee
        let measured = context.settings.events(default: events)
        try await MeshSession.with(topology, node: config, context: context) { network in
            let probe = SequentialProbe(network: network, context: context, targets: Array(0...hops))
            for sequence in 0..<measured { _ = try await probe.publish(from: 0, sequence: sequence, amount: amount) }
            try await network.awaitIdle(timeoutNanoseconds: context.settings.timeoutNanoseconds(5))
            var ledgers: [[Int: BilateralLedger]] = []
            for node in 0...hops { ledgers.append(try await network.ledgers(of: node)) }
            for a in 0..<hops {
                let sum = (ledgers[a][a + 1]?.balance ?? 0) + (ledgers[a + 1][a]?.balance ?? 0)
                context.check(
                    "every link nets to zero", sum == 0,
                    "link \(a)–\(a + 1): node \(a) sees \(ledgers[a][a + 1]?.balance ?? 0) msat, node \(a + 1) sees \(ledgers[a + 1][a]?.balance ?? 0) msat"
                )
            }
            let n = Int64(measured)
            let net = ledgers.map { $0.values.reduce(Int64(0)) { $0 + $1.balance } }
            context.check(
                "the publisher pays the full amount", net[0] == -n * Int64(amount),
                "node 0 nets \(net[0]) msat over \(measured) events, expected \(-n * Int64(amount))")
            for relay in 1..<hops {
                context.check(
                    "each relay keeps exactly its fee", net[relay] == n * Int64(fee),
                    "relay \(relay) nets \(net[relay]) msat, expected \(n * Int64(fee)) (\(fee) per event)")
            }
            let final = Int64(amount) - Int64(hops - 1) * Int64(fee)
            context.check(
                "the final node receives the amount minus the fees", net[hops] == n * final,
                "node \(hops) nets \(net[hops]) msat, expected \(n * final) (\(amount) − \(hops - 1) × \(fee) per event)"
            )
            try context.recorder.counter("publisher_paid_msat_per_event", unit: "msat", value: Int64(amount))
            try context.recorder.counter("relay_fee_msat_per_event", unit: "msat", value: Int64(fee))
            try context.recorder.counter("final_received_msat_per_event", unit: "msat", value: final)

            // One msat short: the last hop receives price − 1 and must reject it there.
            let short = SequentialProbe(network: network, context: context, targets: Array(0..<hops))
            let arrivals = try await short.publish(from: 0, sequence: measured, amount: amount - 1).arrivals
            try await network.awaitIdle(timeoutNanoseconds: context.settings.timeoutNanoseconds(5))
            let lastHop = try await network.counters(of: hops)
            let storedAtLast = try await network.storedEventCount(node: hops)
            context.check(
                "an underpaid event is rejected at the hop where it runs short",
                arrivals.count == hops && lastHop.rejectsSent["F04"] == 1 && storedAtLast == measured,
                "reached \(arrivals.count) of nodes 0–\(hops - 1); node \(hops) rejects \(lastHop.rejectsSent), stored \(storedAtLast) (expected \(measured))"
            )
        }
    }
}
