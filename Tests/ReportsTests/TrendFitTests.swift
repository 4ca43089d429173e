@testable import Reports
import XCTest

/// The trend chart's line and 95 % band against scipy:
///     x = [0,1,2,3,4,5]; y = [1,3,2,5,4,6]; r = stats.linregress(x, y)
///     s = sqrt(sum((y - r.intercept - r.slope*x)**2)/(n-2)); t = stats.t.ppf(0.975, n-2)
///     half(x0) = t*s*sqrt(1/n + (x0 - mean(x))**2 / sum((x - mean(x))**2))
final class TrendFitTests: XCTestCase {
    func testLineAndBandMatchScipy() throws {
        let fit = try XCTUnwrap(TrendFit(x: [0, 1, 2, 3, 4, 5], y: [1, 3, 2, 5, 4, 6]))
        let expected: [(x: Double, y: Double, half: Double)] = [
            (0, 1.2857142857142856, 1.9511862828916293),
            (2.5, 3.5, 1.100617499691778),  // narrowest at the mean of x
            (7, 7.485714285714285, 3.1018785497755714),  // widens outside the data
        ]
        for point in expected {
            XCTAssertEqual(fit.y(at: point.x), point.y, accuracy: 1e-12)
            XCTAssertEqual(fit.halfWidth(at: point.x), point.half, accuracy: 1e-9)
        }
    }

    func testNoBandWithoutEnoughDistinctPoints() {
        XCTAssertNil(TrendFit(x: [0, 1], y: [1, 2]), "two points leave no degrees of freedom")
        XCTAssertNil(TrendFit(x: [3, 3, 3], y: [1, 2, 3]), "one x value gives no slope")
    }
}
