import XCTest
@testable import Mesh

/// `modifyValue(forKey:_:)` mutates a present value in place and leaves an absent key absent, as
/// the optional-chained subscript it replaces on the node's per-packet paths did.
final class DictionaryModifyValueTests: XCTestCase {
    private struct Overflow: Error, Equatable {}

    func testMutatesThePresentValueAndReturnsTheBodysResult() {
        var totals: [Int: [Int]] = [1: [10], 2: [20]]
        let count = totals.modifyValue(forKey: 2) { values -> Int in
            values.append(21)
            return values.count
        }
        XCTAssertEqual(count, 2)
        XCTAssertEqual(totals, [1: [10], 2: [20, 21]])
    }

    func testAnAbsentKeyRunsNothingAndInsertsNothing() {
        var totals: [Int: Int] = [1: 10]
        var ran = false
        let result: Void? = totals.modifyValue(forKey: 3) { _ in ran = true }
        XCTAssertNil(result)
        XCTAssertFalse(ran)
        XCTAssertEqual(totals, [1: 10])
    }

    func testATypedErrorComesBackAndKeepsTheMutationsMadeBeforeIt() {
        var totals: [String: Int] = ["a": 1]
        XCTAssertThrowsError(
            try totals.modifyValue(forKey: "a") { (value: inout Int) throws(Overflow) in
                value += 1
                throw Overflow()
            }
        ) { XCTAssertEqual($0 as? Overflow, Overflow()) }
        // As with `totals["a"]?.mutate()`: an inout argument is written back even when the body throws.
        XCTAssertEqual(totals["a"], 2)
    }

    func testAValueSharedWithACopyIsCopiedBeforeItChanges() {
        var totals: [Int: [Int]] = [1: [10]]
        let snapshot = totals
        totals.modifyValue(forKey: 1) { $0.append(11) }
        XCTAssertEqual(snapshot, [1: [10]])
        XCTAssertEqual(totals, [1: [10, 11]])
    }
}
