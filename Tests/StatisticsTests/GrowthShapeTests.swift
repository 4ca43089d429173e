import XCTest
import Statistics

/// The J-test that decides linear against exponential growth, and the Theil–Sen line.
final class GrowthShapeTests: XCTestCase {
    /// numpy.linalg.lstsq on [1, x, z] with z the exponential fit exp(polyval(polyfit(x, log y, 1), x)),
    /// covariance σ̂²(XᵀX)⁻¹: θ and its two-sided p with n − 3 df.
    func testJTestMatchesNumpy() throws {
        let hops = try GrowthModelComparison(x: [1, 2, 3, 4], y: [0.47, 0.95, 1.26, 1.95])
        let j = try XCTUnwrap(hops.exponentialJTest)
        assertClose(j.coefficient, 0.524919483318575, relative: 1e-9)
        assertClose(j.pValue, 0.4866364493495272, relative: 1e-9)
        XCTAssertEqual(j.degreesOfFreedom, 1)
        XCTAssertEqual(hops.shape(alpha: 0.05), .linear)

        let tripling = try GrowthModelComparison(x: [1, 2, 3, 4, 5], y: [16, 46, 136, 406, 1216])
        assertClose(tripling.exponentialJTest!.coefficient, 1.019418941216624, relative: 1e-9)
        assertClose(tripling.exponentialJTest!.pValue, 5.321569369034094e-06, relative: 1e-7)
        XCTAssertEqual(tripling.shape(alpha: 0.05), .fasterThanLinear)
        // The exponential fits better by far, and still three points decide nothing.
        let three = try GrowthModelComparison(x: [25, 50, 100], y: [4.4, 8.1, 34.4])
        XCTAssertEqual(three.better, .exponential)
        XCTAssertEqual(three.shape(alpha: 0.05), .undecided)
        // Exact lines: nothing to test beyond the line.
        XCTAssertEqual(try GrowthModelComparison(x: [1, 2, 3, 4, 5], y: [3, 5, 7, 9, 11]).shape(alpha: 0.05), .linear)
        assertThrows(.degenerate) { try AddedRegressorTest(x: [1, 2, 3, 4], y: [1, 3, 2, 4], z: [2, 4, 6, 8]) }
    }

    /// scipy.stats.theilslopes(y, x) with y = [1, 3, 2, 5, 4, 6, 8, 7, 30, 9] over x = 0…9:
    /// slope 1, intercept 1 (the spike at 8 does not tilt it).
    func testTheilSenMatchesScipyAndIgnoresASpike() throws {
        let line = try TheilSenLine(x: (0..<10).map(Double.init), y: [1, 3, 2, 5, 4, 6, 8, 7, 30, 9])
        XCTAssertEqual(line.slope, 1)
        XCTAssertEqual(line.intercept, 1)
        assertThrows(.degenerate) { try TheilSenLine(x: [2, 2], y: [1, 3]) }
    }
}
