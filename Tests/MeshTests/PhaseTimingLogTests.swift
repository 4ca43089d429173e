@testable import Mesh
import XCTest

/// What a reader of a node's phase timings gets: exact totals, and the most recent records in order.
final class PhaseTimingLogTests: XCTestCase {
    /// A record whose every phase is `n`, so its place in the sequence reads back from any phase.
    func record(_ n: UInt64) -> PhaseTiming {
        var timing = PhaseTiming()
        (timing.decode, timing.verify, timing.store, timing.match, timing.forward) = (n, n, n, n, n)
        return timing
    }

    func log(capacity: Int, records count: UInt64) -> PhaseTimingLog {
        var log = PhaseTimingLog(capacity: capacity)
        for n in 1...count { log.append(record(n)) }
        log.appendCommit(nanoseconds: 7)
        return log
    }

    func testRecentRecordsOfAWrappedRingAreTheNewestInOrder() {
        let full = log(capacity: 5, records: 8)  // keeps 4…8; the ring's next write is at slot 3
        XCTAssertEqual(full.records.map(\.decode), [4, 5, 6, 7, 8])
        XCTAssertEqual(full.keepingRecent(3).records.map(\.decode), [6, 7, 8])
        XCTAssertEqual(full.keepingRecent(5).records.map(\.decode), [4, 5, 6, 7, 8])
        XCTAssertEqual(full.keepingRecent(.max).records.map(\.decode), [4, 5, 6, 7, 8])
    }

    func testRecentRecordsOfARingNotYetFull() {
        let partial = log(capacity: 5, records: 3)
        XCTAssertEqual(partial.keepingRecent(2).records.map(\.decode), [2, 3])
        XCTAssertEqual(partial.keepingRecent(9).records.map(\.decode), [1, 2, 3])
    }

    /// Totals and counts cover every event, whatever is kept: 1 + 2 + … + 8 = 36 per phase.
    func testTotalsAndCountsStayExactWithoutRecords() {
        let totalsOnly = log(capacity: 5, records: 8).keepingRecent(0)
        XCTAssertTrue(totalsOnly.records.isEmpty)
        XCTAssertEqual(totalsOnly.count, 8)
        XCTAssertEqual(totalsOnly.totals.total, 5 * 36)
        XCTAssertEqual(totalsOnly.commits, 1)
        XCTAssertEqual(totalsOnly.commitNanoseconds, 7)
    }
}
