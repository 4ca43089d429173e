import BenchFormats
import Interledger
import Mesh

/// What the trace reads from one node at one moment.
struct NodeLedgerState {
    let ledgers: [Int: BilateralLedger]
    let duplicates: Int
    let timings: PhaseTimingLog
}

/// One node's change between two snapshots: what the traced event alone did there (the
/// snapshots are taken on an idle mesh, so nothing else moves the ledgers in between).
struct NodeLedgerChange {
    let before: NodeLedgerState
    let after: NodeLedgerState

    func received(from peer: Int) -> UInt64 {
        (after.ledgers[peer]?.received.fulfilledAmount ?? 0) &- (before.ledgers[peer]?.received.fulfilledAmount ?? 0)
    }

    /// Prepares this node sent for the event (fulfilled or rejected).
    var forwards: Int {
        sentChanges.reduce(0) { sum, flows in
            sum + (flows.now.fulfilledCount - flows.then.fulfilledCount)
                + (flows.now.rejectedCount - flows.then.rejectedCount)
        }
    }

    /// The amount of each forwarded Prepare (a node forwards one amount to every target).
    var forwardedEach: UInt64? {
        let count = forwards
        guard count > 0 else { return nil }
        let amount = sentChanges.reduce(UInt64(0)) { sum, flows in
            sum + (flows.now.fulfilledAmount &- flows.then.fulfilledAmount)
                + (flows.now.rejectedAmount &- flows.then.rejectedAmount)
        }
        return amount / UInt64(count)
    }

    var net: Int64 {
        after.ledgers.reduce(Int64(0)) { sum, entry in
            sum + entry.value.balance - (before.ledgers[entry.key]?.balance ?? 0)
        }
    }

    var duplicates: Int { after.duplicates - before.duplicates }

    /// The phase record the traced event added (nil at the publisher, which does not decode or verify).
    var phases: EventTrace.Phases? {
        guard after.timings.count > before.timings.count, let last = after.timings.records.last else { return nil }
        return EventTrace.Phases(
            decode: Double(last.decode) / 1e3, verify: Double(last.verify) / 1e3,
            store: Double(last.store) / 1e3, match: Double(last.match) / 1e3,
            forward: Double(last.forward) / 1e3)
    }

    /// The sending side of each peer's ledger now and at the first snapshot.
    private var sentChanges: [(now: BilateralLedger.Flow, then: BilateralLedger.Flow)] {
        after.ledgers.map { peer, ledger in (ledger.sent, before.ledgers[peer]?.sent ?? BilateralLedger.Flow()) }
    }
}
