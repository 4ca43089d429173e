/// Why a ledger entry could not be recorded.
public enum BilateralLedgerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The balance would leave Int64 (±9.2e18 msat); no real run gets there, so it signals a bug.
    case balanceOverflow(peer: String, balance: Int64, amount: UInt64)

    public var description: String {
        switch self {
        case let .balanceOverflow(peer, balance, amount):
            return "ledger with peer '\(peer)': applying \(amount) msat to balance \(balance) msat overflows Int64"
        }
    }
}

/// The account this node keeps with one peer, in msat, without settlement.
///
/// Sign convention: `balance > 0` means the peer owes us.
/// - A Prepare the **peer sent us** that we fulfilled credits us: `balance += amount`.
/// - A Prepare **we sent the peer** that it fulfilled debits us: `balance -= amount`.
/// - Rejected Prepares move no money; they are only counted.
///
/// Hence for any two peers A and B, `A.ledger(B).balance + B.ledger(A).balance == 0` once both have
/// recorded the same outcomes — see `LedgerNetting`.
public struct BilateralLedger: Hashable, Sendable {
    /// Prepares in one direction, by outcome. The amounts are statistics of what peers chose to
    /// send: they stop at UInt64.max rather than wrap.
    public struct Flow: Hashable, Sendable {
        public internal(set) var fulfilledCount = 0
        public internal(set) var fulfilledAmount: UInt64 = 0
        public internal(set) var rejectedCount = 0
        public internal(set) var rejectedAmount: UInt64 = 0

        public init() {}

        /// Counts one Prepare of this direction; a fulfilled one's amount was applied to the balance.
        mutating func count(_ amount: UInt64, _ outcome: Outcome) {
            switch outcome {
            case .fulfilled:
                fulfilledCount += 1
                fulfilledAmount = Flow.saturatingSum(fulfilledAmount, amount)
            case .rejected:
                rejectedCount += 1
                rejectedAmount = Flow.saturatingSum(rejectedAmount, amount)
            }
        }

        private static func saturatingSum(_ total: UInt64, _ amount: UInt64) -> UInt64 {
            let (sum, overflow) = total.addingReportingOverflow(amount)
            return overflow ? .max : sum
        }
    }

    /// How a Prepare ended.
    public enum Outcome: Sendable, Equatable {
        case fulfilled
        case rejected(ILPErrorCode)
    }

    /// Node id or ILP address of the peer.
    public let peer: String
    /// What the peer owes us (negative: what we owe the peer), in msat.
    public private(set) var balance: Int64 = 0
    /// Prepares we sent to the peer.
    public private(set) var sent = Flow()
    /// Prepares the peer sent to us.
    public private(set) var received = Flow()

    public init(peer: String) {
        self.peer = peer
    }

    /// Records the outcome of a Prepare we sent to the peer.
    public mutating func recordSent(amount: UInt64, outcome: Outcome) throws(BilateralLedgerError) {
        if outcome == .fulfilled { balance = try apply(amount, negate: true) }
        sent.count(amount, outcome)
    }

    /// Records the outcome of a Prepare the peer sent to us.
    public mutating func recordReceived(amount: UInt64, outcome: Outcome) throws(BilateralLedgerError) {
        if outcome == .fulfilled { balance = try apply(amount, negate: false) }
        received.count(amount, outcome)
    }

    private func apply(_ amount: UInt64, negate: Bool) throws(BilateralLedgerError) -> Int64 {
        guard amount <= UInt64(Int64.max) else {
            throw .balanceOverflow(peer: peer, balance: balance, amount: amount)
        }
        let signed = Int64(amount)
        let (result, overflow) =
            negate ? balance.subtractingReportingOverflow(signed) : balance.addingReportingOverflow(signed)
        guard !overflow else { throw .balanceOverflow(peer: peer, balance: balance, amount: amount) }
        return result
    }
}
