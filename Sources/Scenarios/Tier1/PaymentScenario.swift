import Interledger
import Mesh

/// Tier 1 smoke: payment validation on a 3-node line (price 100 msat, fee 10 msat per hop).
/// A paid event is accepted and every ledger is right; an event underpaid at the first hop is
/// rejected there (F04) and stored nowhere; one that runs short at the second hop is stored at
/// the first and rejected at the second.
public struct PaymentScenario: Scenario {
    public let name = "tier1.payment-3"
    public let tier = 1
    public let summary =
        "3-node line: paid events accepted with exact fees and balanced ledgers, underpaid ones rejected where they run short"
    public var events = 100

    public init() {}

    public func run(_ context: ScenarioContext) async throws {
        let node = NodeConfig(pricing: KindPricing(defaultPrice: 100), routingFee: 10, ttl: 5)
        let timeout = UInt64(context.settings.timeout(5) * 1e9)
        let paid = node.amountToPublish(kind: 1)
        context.recorder.declare("paid_latency", unit: "ms", better: .lower, meshSize: 3, slaClass: "propagation")
        for rep in 0..<context.settings.repetitions {
            try await MeshSession.with(
                try Topology.line(nodes: 3), node: node, context: context, seedOffset: 200 + UInt64(rep)
            ) { network in
                let probe = PropagationProbe(
                    network: network, context: context, publisher: 0,
                    metric: "paid_latency", targets: [1, 2])
                let start = await network.now()
                for sequence in 0..<events {
                    try await probe.publish(sequence: sequence, rep: rep, record: true, scenarioStart: start)
                }
                try await network.awaitIdle(timeoutNanoseconds: timeout)
                try await checkLedgers(
                    network, context: context, rep: rep, paidEvents: events, amount: paid, fee: node.routingFee)

                // Underpaid at the first hop: 50 < 100 msat.
                let short = try await network.publish(
                    from: 0, content: "meshbench underpaid first hop \(rep)", amount: 50)
                context.published(short)
                try await network.awaitIdle(timeoutNanoseconds: timeout)
                for holder in [1, 2] {
                    let held = try await network.query(node: holder, filters: [.init(ids: [short.id])])
                    context.check(
                        "an underpaid event is not stored at node \(holder)", held.isEmpty,
                        "repetition \(rep): node \(holder) stored an event that paid 50 msat against a price of 100")
                }
                let first = try await network.counters(of: 1)
                context.check(
                    "underpayment rejected with F04 at the first hop", first.rejectsSent["F04"] == 1,
                    "repetition \(rep): node 1 sent rejects \(first.rejectsSent), expected one F04")

                // Runs short at the second hop: node 1 accepts 105 and forwards 95 < 100.
                let marginal = try await network.publish(
                    from: 0, content: "meshbench underpaid second hop \(rep)", amount: 105)
                context.published(marginal)
                try await network.awaitIdle(timeoutNanoseconds: timeout)
                let atFirst = try await network.query(node: 1, filters: [.init(ids: [marginal.id])])
                let atSecond = try await network.query(node: 2, filters: [.init(ids: [marginal.id])])
                let second = try await network.counters(of: 2)
                context.check(
                    "an event that runs short is rejected at the hop where it does",
                    atFirst.count == 1 && atSecond.isEmpty && second.rejectsSent["F04"] == 1,
                    "repetition \(rep): stored at node 1: \(atFirst.count), at node 2: \(atSecond.count); node 2 rejects \(second.rejectsSent)"
                )
                if rep == 0 {
                    try context.recorder.counter("publisher_paid_msat_per_event", unit: "msat", value: Int64(paid))
                }
            }
        }
    }

    /// Every link nets to zero; the relay keeps exactly its fee; the final node receives the
    /// original amount minus the relay's fee.
    private func checkLedgers(
        _ network: MeshNetwork, context: ScenarioContext, rep: Int, paidEvents: Int,
        amount: UInt64, fee: UInt64
    ) async throws {
        let ledgers = [
            try await network.ledgers(of: 0), try await network.ledgers(of: 1), try await network.ledgers(of: 2),
        ]
        for (a, b) in [(0, 1), (1, 2)] {
            let sum = (ledgers[a][b]?.balance ?? 0) + (ledgers[b][a]?.balance ?? 0)
            context.check(
                "link \(a)–\(b) nets to zero", sum == 0,
                "repetition \(rep): node \(a) sees \(ledgers[a][b]?.balance ?? 0) msat, node \(b) sees \(ledgers[b][a]?.balance ?? 0) msat"
            )
        }
        let n = Int64(paidEvents)
        let relayNet = ledgers[1].values.reduce(0) { $0 + $1.balance }
        let finalNet = ledgers[2].values.reduce(0) { $0 + $1.balance }
        let publisherNet = ledgers[0].values.reduce(0) { $0 + $1.balance }
        context.check(
            "the relay keeps its fee", relayNet == n * Int64(fee),
            "repetition \(rep): node 1 nets \(relayNet) msat over \(paidEvents) events, expected \(n * Int64(fee))")
        context.check(
            "the final node receives the amount minus fees", finalNet == n * Int64(amount - fee),
            "repetition \(rep): node 2 nets \(finalNet) msat, expected \(n * Int64(amount - fee))")
        context.check(
            "the publisher pays the full amount", publisherNet == -n * Int64(amount),
            "repetition \(rep): node 0 nets \(publisherNet) msat, expected \(-n * Int64(amount))")
    }
}
