/// A pair of bilateral ledgers that do not mirror each other.
public struct LedgerMismatch: Hashable, Sendable, CustomStringConvertible {
    public let node: String
    public let peer: String
    /// `node`'s balance with `peer`.
    public let balance: Int64
    /// `peer`'s balance with `node`, nil when `peer` keeps no ledger for `node`.
    public let mirrorBalance: Int64?

    public var description: String {
        let mirror = mirrorBalance.map { "\($0) msat" } ?? "no ledger"
        return
            "ledgers of \(node) and \(peer) do not net to zero: \(node) records \(balance) msat, \(peer) records \(mirror)"
    }
}

/// Checks that the bilateral ledgers of a whole mesh agree (docs/protocol.md §4, fees and ledgers): every pair
/// mirrors (A's balance with B = −B's balance with A) and therefore all balances sum to zero.
public enum LedgerNetting {
    /// Ledgers keyed by node, then by peer (the ledger the node keeps with that peer).
    public typealias Mesh = [String: [String: BilateralLedger]]

    /// Every pair whose balances do not cancel, sorted by node then peer; empty when the mesh nets
    /// to zero. A missing mirror ledger counts only when the balance is non-zero.
    public static func mismatches(_ mesh: Mesh) -> [LedgerMismatch] {
        var found = [LedgerMismatch]()
        for (node, ledgers) in mesh {
            for (peer, ledger) in ledgers {
                let mirror = mesh[peer]?[node]?.balance
                let (sum, overflow) = (mirror ?? 0).addingReportingOverflow(ledger.balance)
                if overflow || sum != 0 {
                    found.append(LedgerMismatch(node: node, peer: peer, balance: ledger.balance, mirrorBalance: mirror))
                }
            }
        }
        return found.sorted { ($0.node, $0.peer) < ($1.node, $1.peer) }
    }

    /// A node's net position over all its peers (msat it is owed minus msat it owes); for a relay
    /// that forwards `amount − fee`, this is the fees it earned. Nil when the sum leaves Int64
    /// (peers' amounts are theirs to choose, so a wrapped sum must not pass for a position).
    public static func netPosition(of node: String, in mesh: Mesh) -> Int64? {
        sum((mesh[node] ?? [:]).values.map(\.balance))
    }

    /// Sum of every balance in the mesh; zero whenever `mismatches` is empty. Nil when it leaves Int64.
    public static func total(_ mesh: Mesh) -> Int64? {
        sum(mesh.values.flatMap { $0.values.map(\.balance) })
    }

    private static func sum(_ balances: [Int64]) -> Int64? {
        var total: Int64 = 0
        for balance in balances {
            let (next, overflow) = total.addingReportingOverflow(balance)
            guard !overflow else { return nil }
            total = next
        }
        return total
    }
}
