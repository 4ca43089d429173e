import XCTest
import Statistics

/// References: `res = scipy.stats.linregress(x, y)` (slope, intercept, rvalue**2, pvalue, stderr,
/// intercept_stderr) and `stats.t.ppf(0.975, n-2)` for the slope CI.
final class RegressionTests: XCTestCase {
    func testStrongTrendMatchesLinregress() throws {
        let x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10.5]
        let y = [2.1, 3.9, 6.2, 7.8, 10.1, 12.2, 13.8, 16.1, 18.0, 20.4]
        let fit = try LinearRegression(x: x, y: y)
        assertClose(fit.slope, 1.9623961020349672)
        assertClose(fit.intercept, 0.16870163370593083, relative: 1e-12)
        assertClose(fit.rSquared, 0.9987492441375737)
        assertClose(fit.slopePValue, 6.695232413751273e-13, relative: 1e-9)  // scipy derives t from r (1 − r² cancels)
        assertClose(fit.slopeStandardError, 0.024552726199375985, relative: 1e-11)
        assertClose(fit.interceptStandardError, 0.1543603164030371, relative: 1e-11)
        // res.slope ± t.ppf(0.975, 8)·res.stderr
        assertClose(fit.slopeInterval.lower, 1.9057774138886705, relative: 1e-12)
        assertClose(fit.slopeInterval.upper, 2.019014790181264, relative: 1e-12)
        XCTAssertEqual(fit.count, 10)
    }

    func testFlatNoisySeriesMatchesLinregress() throws {
        let fit = try LinearRegression(x: [0, 1, 2, 3, 4, 5, 6], y: [3.0, 2.5, 3.4, 2.8, 3.1, 2.9, 3.05])
        assertClose(fit.slope, 0.023214285714285694, relative: 1e-12)
        assertClose(fit.intercept, 2.8946428571428573)
        assertClose(fit.rSquared, 0.03255007704160243, relative: 1e-12)
        assertClose(fit.slopePValue, 0.6986759650610528, relative: 1e-12)
        assertClose(fit.slopeStandardError, 0.05659897417401679, relative: 1e-12)
        assertClose(fit.interceptStandardError, 0.20407050352307962, relative: 1e-12)
        XCTAssertTrue(fit.slopeInterval.contains(0))
    }

    func testDegenerateRegressions() throws {
        let flat = try LinearRegression(x: [1, 2, 3, 4], y: [5, 5, 5, 5])
        XCTAssertEqual([flat.slope, flat.rSquared, flat.slopePValue], [0, 0, 1])
        let perfect = try LinearRegression(x: [1, 2, 3, 4], y: [3, 5, 7, 9])
        XCTAssertEqual([perfect.slope, perfect.intercept, perfect.rSquared, perfect.slopePValue], [2, 1, 1, 0])
        assertThrows(.degenerate) { try LinearRegression(x: [2, 2, 2], y: [1, 2, 3]) }
        assertThrows(.tooFewValues) { try LinearRegression(x: [1, 2], y: [1, 2]) }
        assertThrows(.lengthMismatch) { try LinearRegression(x: [1, 2, 3], y: [1, 2]) }
        assertThrows(.nonFiniteValue) { try LinearRegression(x: [1, 2, .nan], y: [1, 2, 3]) }
    }

    func testExponentialGrowthIsRecognised() throws {
        // y = 1.1·1.5ˣ·(1 ± 2 %): [1.1*1.5**v*(1+0.02*(-1)**v) for v in range(1, 9)]
        let x: [Double] = [1, 2, 3, 4, 5, 6, 7, 8]
        let y = [
            1.617, 2.5245, 3.63825, 5.680125, 8.1860625, 12.780281250000002, 18.418640625000002, 28.755632812500004,
        ]
        let comparison = try fitLinearVsExponential(x, y)
        XCTAssertEqual(comparison.better, .exponential)
        // l = linregress(x, y); e = linregress(x, np.log(y)); RMSE of each model's predictions on y.
        assertClose(comparison.linearRMSE, 3.2626763536523304, relative: 1e-12)
        assertClose(comparison.exponentialRMSE, 0.2392056477637309, relative: 1e-12)
        assertClose(comparison.exponentialLogFit.slope, 0.40737012404215006, relative: 1e-12)
        assertClose(comparison.exponentialScale, 1.0903923309063275, relative: 1e-12)
        assertClose(comparison.improvement, 0.9266842242884565, relative: 1e-12)
        assertClose(comparison.exponentialGrowthPerUnit, expm1(0.40737012404215006), relative: 1e-12)
    }

    func testLinearGrowthIsRecognised() throws {
        let x: [Double] = [1, 2, 3, 4, 5, 6]
        let y: [Double] = [10.2, 19.8, 30.1, 39.9, 50.2, 59.8]
        let comparison = try fitLinearVsExponential(x, y)
        XCTAssertEqual(comparison.better, .linear)
        XCTAssertLessThan(comparison.linearRMSE, comparison.exponentialRMSE)
        assertThrows(.invalidParameter) { try fitLinearVsExponential([1, 2, 3], [1, 0, 2]) }
    }

    func testPowerLawExponent() throws {
        // y = 3·x^1.5·(1 + 0.01·((i mod 3) − 1)); res = linregress(np.log(x), np.log(y))
        let x: [Double] = [2, 4, 8, 16, 32, 64]
        let y = [8.400428560496186, 24.0, 68.56107350384765, 190.07999999999998, 543.0580079512686, 1551.3600000000001]
        let fit = try PowerLawFit(x: x, y: y)
        assertClose(fit.exponent, 1.5032976985911068, relative: 1e-12)
        assertClose(fit.coefficient, 2.9759957443661547, relative: 1e-12)
        // res.slope ± t.ppf(0.975, 4)·res.stderr
        assertClose(fit.exponentInterval.lower, 1.494887441175362, relative: 1e-12)
        assertClose(fit.exponentInterval.upper, 1.5117079560068516, relative: 1e-12)
        assertClose(fit.rSquared, 0.9999837593522194, relative: 1e-12)
        assertThrows(.invalidParameter) { try PowerLawFit(x: [0, 1, 2], y: [1, 2, 3]) }
    }
}
