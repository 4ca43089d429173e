import XCTest
@testable import Interledger

final class BilateralLedgerTests: XCTestCase {
    func testSignConventionAndCounts() throws {
        var ledger = BilateralLedger(peer: "g.bob")
        try ledger.recordReceived(amount: 1_000, outcome: .fulfilled)  // Bob paid us 1000
        try ledger.recordSent(amount: 300, outcome: .fulfilled)  // we paid Bob 300
        try ledger.recordSent(amount: 50, outcome: .rejected(.T04_insufficientLiquidity))
        try ledger.recordReceived(amount: 7, outcome: .rejected(.F99_applicationError))
        XCTAssertEqual(ledger.balance, 700)  // Bob owes us 1000 − 300
        XCTAssertEqual(ledger.sent.fulfilledCount, 1)
        XCTAssertEqual(ledger.sent.fulfilledAmount, 300)
        XCTAssertEqual(ledger.sent.rejectedCount, 1)
        XCTAssertEqual(ledger.sent.rejectedAmount, 50)
        XCTAssertEqual(ledger.received.fulfilledAmount, 1_000)
        XCTAssertEqual(ledger.received.rejectedCount, 1)
    }

    func testOverflowIsReportedNotWrapped() throws {
        var ledger = BilateralLedger(peer: "g.x")
        try ledger.recordReceived(amount: UInt64(Int64.max), outcome: .fulfilled)
        XCTAssertThrowsError(try ledger.recordReceived(amount: 1, outcome: .fulfilled)) { error in
            XCTAssertEqual(error as? BilateralLedgerError, .balanceOverflow(peer: "g.x", balance: .max, amount: 1))
        }
        XCTAssertThrowsError(try BilateralLedger(peer: "g.y").recordSentCopy(amount: .max))
        XCTAssertEqual(ledger.balance, .max)
    }

    func testFlowAmountsStopAtTheTopInsteadOfWrapping() throws {
        // Rejected amounts are the peer's to choose: two of UInt64.max would wrap to max − 1.
        var ledger = BilateralLedger(peer: "g.x")
        try ledger.recordReceived(amount: .max, outcome: .rejected(.F99_applicationError))
        try ledger.recordReceived(amount: .max, outcome: .rejected(.F99_applicationError))
        XCTAssertEqual(ledger.received.rejectedAmount, .max)
        XCTAssertEqual(ledger.received.rejectedCount, 2)
    }

    func testSumsThatLeaveInt64AreNilNotWrapped() throws {
        // Two peers each credited Int64.max: the node's position is 2·Int64.max, which no Int64 holds.
        var fromB = BilateralLedger(peer: "B"), fromC = BilateralLedger(peer: "C")
        try fromB.recordReceived(amount: UInt64(Int64.max), outcome: .fulfilled)
        try fromC.recordReceived(amount: UInt64(Int64.max), outcome: .fulfilled)
        let mesh: LedgerNetting.Mesh = ["A": ["B": fromB, "C": fromC]]
        XCTAssertNil(LedgerNetting.netPosition(of: "A", in: mesh))
        XCTAssertNil(LedgerNetting.total(mesh))
        // Int64.min with itself wraps to 0; checked, it is a mismatch.
        var x = BilateralLedger(peer: "Y"), y = BilateralLedger(peer: "X")
        try x.recordSent(amount: UInt64(Int64.max), outcome: .fulfilled)
        try x.recordSent(amount: 1, outcome: .fulfilled)
        try y.recordSent(amount: UInt64(Int64.max), outcome: .fulfilled)
        try y.recordSent(amount: 1, outcome: .fulfilled)
        XCTAssertEqual(x.balance, .min)
        XCTAssertEqual(LedgerNetting.mismatches(["X": ["Y": x], "Y": ["X": y]]).count, 2)
    }

    /// A line A → B → C → D where each hop keeps a 10 msat fee and forwards the rest, plus a
    /// payment back D → A over the same links and one rejected packet.
    func testMeshLedgersNetToZero() throws {
        var mesh: LedgerNetting.Mesh = [:]
        func transfer(
            _ from: String, _ to: String, _ amount: UInt64, _ outcome: BilateralLedger.Outcome = .fulfilled
        ) throws {
            var sender = mesh[from, default: [:]][to] ?? BilateralLedger(peer: to)
            var receiver = mesh[to, default: [:]][from] ?? BilateralLedger(peer: from)
            try sender.recordSent(amount: amount, outcome: outcome)
            try receiver.recordReceived(amount: amount, outcome: outcome)
            mesh[from, default: [:]][to] = sender
            mesh[to, default: [:]][from] = receiver
        }
        try transfer("A", "B", 1_000); try transfer("B", "C", 990); try transfer("C", "D", 980)
        try transfer("D", "C", 500); try transfer("C", "B", 490); try transfer("B", "A", 480)
        try transfer("A", "B", 77, .rejected(.R00_transferTimedOut))
        XCTAssertEqual(LedgerNetting.mismatches(mesh), [])
        XCTAssertEqual(LedgerNetting.total(mesh), 0)
        // Relays earned 10 msat per forwarded packet; A paid 1000 − 480, D received 980 − 500.
        XCTAssertEqual(LedgerNetting.netPosition(of: "B", in: mesh), 20)
        XCTAssertEqual(LedgerNetting.netPosition(of: "C", in: mesh), 20)
        XCTAssertEqual(LedgerNetting.netPosition(of: "A", in: mesh), -520)
        XCTAssertEqual(LedgerNetting.netPosition(of: "D", in: mesh), 480)

        // One side forgetting a fulfill breaks the mirror, and both sides of the pair are reported.
        try mesh["C"]!["D"]!.recordSent(amount: 5, outcome: .fulfilled)
        XCTAssertEqual(LedgerNetting.mismatches(mesh).map { "\($0.node)-\($0.peer)" }, ["C-D", "D-C"])
        XCTAssertTrue(LedgerNetting.mismatches(mesh)[0].description.contains("C records -485 msat, D records 480 msat"))
    }
}

private extension BilateralLedger {
    /// Records a fulfilled outgoing Prepare on a copy (the amount exceeds Int64, so it must throw).
    func recordSentCopy(amount: UInt64) throws {
        var copy = self
        try copy.recordSent(amount: amount, outcome: .fulfilled)
    }
}
