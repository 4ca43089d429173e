@testable import Mesh
import XCTest

/// The dedup cache's FIFO: first in, first out across its wrap-around and its growths.
final class ResidentFIFOTests: XCTestCase {
    func testEmptyHasNoFirst() {
        var fifo = ResidentFIFO<Int>()
        XCTAssertTrue(fifo.isEmpty)
        XCTAssertNil(fifo.first)
        XCTAssertNil(fifo.popFirst())
    }

    /// Interleaved appends and pops move the head round the ring many times, and growths happen
    /// while it is wrapped (16 → 24 → 36 → 54 slots): the order must match a plain array's.
    func testKeepsOrderAcrossWrapsAndGrowths() {
        var fifo = ResidentFIFO<Int>()
        var reference: [Int] = []
        var next = 0
        for round in 0..<200 {
            // Grow for the first 40 rounds, then hold the count level, as a full dedup window does.
            let appends = round < 40 ? 3 : 2
            for _ in 0..<appends {
                fifo.append(next)
                reference.append(next)
                next += 1
            }
            for _ in 0..<2 {
                XCTAssertEqual(fifo.popFirst(), reference.removeFirst())
            }
            XCTAssertEqual(fifo.count, reference.count)
            XCTAssertEqual(fifo.first, reference.first)
        }
        while let element = fifo.popFirst() { XCTAssertEqual(element, reference.removeFirst()) }
        XCTAssertTrue(reference.isEmpty)
        XCTAssertEqual(fifo.count, 0)
    }
}
