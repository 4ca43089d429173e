import XCTest
import Statistics

final class RobustAndPlanningTests: XCTestCase {
    let history = [10.2, 9.8, 10.1, 10.0, 9.9, 10.3, 25.0, 10.05, 9.95, 10.15]

    func testMedianMADAndRobustZMatchScipy() throws {
        // np.median(v); stats.median_abs_deviation(v, scale=1/1.4826); (v − median)/mad
        XCTAssertEqual(try RobustStatistics.median(history), 10.075)
        assertClose(try RobustStatistics.medianAbsoluteDeviation(history), 0.185325, relative: 1e-13)
        let expected = [
            0.6744907594765952, -1.4838796708485018, 0.13489815189532095, -0.4046944556859533,
            -0.9442870632672276, 1.214083367057879, 80.53419668150548, -0.13489815189531137,
            -0.6744907594765952, 0.40469445568596285,
        ]
        assertClose(try RobustStatistics.robustZScores(history), expected, relative: 1e-12)
        XCTAssertEqual(try RobustStatistics.outlierIndices(history), [6])
    }

    func testRobustZWithZeroMAD() throws {
        // MAD = 0: σ falls back to √(π/2)·mean |x − median| = 1.2533·0.4, so z = ±1/(√(π/2)·0.4).
        assertClose(
            try RobustStatistics.robustZScores([5, 5, 5, 6, 4]),
            [0, 0, 0, 1.9947114020071635, -1.9947114020071635], relative: 1e-15)
        // Quantised in steps of 1: σ is never below 1/√12, so a lone step is not an anomaly
        // (z = √12 = 3.4641 < 3.5) while two steps are.
        let quantised: [Double] = Array(repeating: 5, count: 12) + [6]
        assertClose(try RobustStatistics.robustScale(quantised), 1 / 12.0.squareRoot(), relative: 1e-15)
        XCTAssertEqual(try RobustStatistics.outlierIndices(quantised), [])
        XCTAssertEqual(try RobustStatistics.outlierIndices(Array(repeating: 5, count: 12) + [6, 7]), [13])
        XCTAssertEqual(try RobustStatistics.robustZScores([3, 3, 3]), [0, 0, 0])
        assertThrows(.tooFewValues) { try RobustStatistics.median([]) }
        assertThrows(.nonFiniteValue) { try RobustStatistics.robustZScores([1, .nan]) }
    }

    func testMeanTwoSigmaRule() throws {
        // np.mean/np.std(ddof=1): only index 6 lies beyond mean ± 2σ.
        XCTAssertEqual(try MeanSigmaOutlierRule.outlierIndices(history), [6])
        // Masking, the reason the rule is labelled non-robust: two equal spikes among 6 values
        // inflate σ so that neither is flagged, while the robust rule flags both.
        let masked = [10.0, 10.1, 9.9, 10.0, 30.0, 30.0]
        XCTAssertEqual(try MeanSigmaOutlierRule.outlierIndices(masked), [])
        XCTAssertEqual(try RobustStatistics.outlierIndices(masked), [4, 5])
        XCTAssertEqual(try MeanSigmaOutlierRule.outlierIndices([3, 3, 3]), [])
        assertThrows(.tooFewValues) { try MeanSigmaOutlierRule.outlierIndices([1]) }
    }

    func testMinimumDetectableEffect() throws {
        // 100*(norm.ppf(0.975)+norm.ppf(0.8))*0.05*np.sqrt(2/10)
        assertClose(
            try MinimumDetectableEffect.percent(coefficientOfVariation: 0.05, runsPerSide: 10), 6.264534992459173)
        // 100*(norm.ppf(0.995)+norm.ppf(0.9))*0.12*np.sqrt(2/5)
        assertClose(
            try MinimumDetectableEffect.percent(coefficientOfVariation: 0.12, runsPerSide: 5, alpha: 0.01, power: 0.9),
            29.275462437828637)
        XCTAssertEqual(try MinimumDetectableEffect.percent(coefficientOfVariation: 0, runsPerSide: 3), 0)
        assertThrows(.invalidParameter) {
            try MinimumDetectableEffect.percent(coefficientOfVariation: 0.1, runsPerSide: 0)
        }
        assertThrows(.invalidParameter) {
            try MinimumDetectableEffect.percent(coefficientOfVariation: 0.1, runsPerSide: 5, power: 1)
        }
    }
}
