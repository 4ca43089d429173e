import XCTest
import Statistics

/// Reference values from numpy 2.4 (`np.mean`, `np.var(ddof=1)`, `np.std(ddof=1)`, `np.quantile`).
final class DescriptiveTests: XCTestCase {
    let even = [10.0, 2.5, 8.25, -3.0, 6.0, 1.0, 4.5, 12.0]

    func testMomentsMatchNumpy() throws {
        // np.mean(even), np.var(even, ddof=1), np.std(even, ddof=1)
        assertClose(try Descriptive.mean(even), 5.15625, relative: 1e-15)
        assertClose(try Descriptive.variance(even), 24.552455357142858, relative: 1e-15)
        assertClose(try Descriptive.standardDeviation(even), 4.955043426362968, relative: 1e-15)
        XCTAssertEqual(try Descriptive.minimum(even), -3)
        XCTAssertEqual(try Descriptive.maximum(even), 12)
    }

    func testMomentsStayAccurateWithALargeOffset() throws {
        // Latencies around 1e9 ns with unit spread: a naive Σx² − n·x̄² formula loses every digit.
        // Exact: values 1e9 + {1, 2, 3, 4} → mean 1e9 + 2.5, variance 5/3.
        let values = [1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 4]
        assertClose(try Descriptive.mean(values), 1e9 + 2.5, relative: 1e-16)
        assertClose(try Descriptive.variance(values), 5.0 / 3, relative: 1e-12)
    }

    func testEdgeCases() throws {
        assertThrows(.tooFewValues) { try Descriptive.mean([]) }
        assertThrows(.tooFewValues) { try Descriptive.minimum([]) }
        assertThrows(.tooFewValues) { try Descriptive.variance([4]) }
        assertThrows(.nonFiniteValue) { try Descriptive.mean([1, .nan, 3]) }
        assertThrows(.nonFiniteValue) { try Descriptive.maximum([1, .infinity]) }
        XCTAssertEqual(try Descriptive.mean([7]), 7)
        XCTAssertEqual(try Descriptive.variance([7, 7, 7]), 0)
        let moments = try SampleMoments([7])
        XCTAssertEqual(moments.variance, 0)
    }

    func testErrorMessagesNameTheArgumentAndIndex() {
        XCTAssertThrowsError(try Descriptive.mean([1, .nan])) { error in
            let text = String(describing: error)
            XCTAssertTrue(text.contains("Descriptive.mean") && text.contains("values[1]"), text)
        }
    }
}
