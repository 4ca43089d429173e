import XCTest
import Statistics

final class HypothesisTestTests: XCTestCase {
    let a = [12.1, 11.8, 12.6, 13.0, 11.9, 12.4, 12.2, 12.8]
    let b = [13.4, 12.9, 13.8, 14.1, 13.0, 13.6, 13.3]

    // MARK: Welch

    /// res = scipy.stats.ttest_ind(candidate, baseline, equal_var=False); res.statistic, res.df, res.pvalue
    func testWelchMatchesScipy() throws {
        let cases: [(baseline: [Double], candidate: [Double], t: Double, df: Double, p: Double)] = [
            (a, b, 4.938053766414452, 12.735849056603774, 0.000287987534507305),
            (b, a, -4.938053766414452, 12.735849056603774, 0.000287987534507305),
            ([101.0, 99.5], [98.0, 104.0, 101.5], 0.4837794468468993, 2.630564221673277, 0.6659108527175022),
            (
                [1.0, 1.1, 0.9, 1.05, 0.95, 1.02], [5.0, 5.3, 4.8, 5.1, 5.2, 4.9, 5.05, 5.15, 4.95, 5.0],
                73.35026073729205, 13.62942401902063, 4.231757005934743e-19
            ),
        ]
        for c in cases {
            let test = try WelchTTest(baseline: c.baseline, candidate: c.candidate)
            assertClose(test.t, c.t, relative: 1e-13)
            assertClose(test.degreesOfFreedom, c.df, relative: 1e-13)
            assertClose(test.pValue, c.p, relative: 1e-12)
        }
    }

    func testWelchFromMomentsEqualsWelchFromSamples() throws {
        let fromSamples = try WelchTTest(baseline: a, candidate: b)
        let fromMoments = try WelchTTest(baseline: SampleMoments(a), candidate: SampleMoments(b))
        XCTAssertEqual(fromSamples, fromMoments)
    }

    func testWelchZeroVarianceIsDeterministic() throws {
        let same = try WelchTTest(baseline: [3, 3, 3], candidate: [3, 3])
        XCTAssertEqual([same.t, same.pValue, same.degreesOfFreedom], [0, 1, 3])
        let different = try WelchTTest(baseline: [3, 3, 3], candidate: [4, 4])
        XCTAssertEqual([different.t, different.pValue], [.infinity, 0])
        let lower = try WelchTTest(baseline: [3, 3, 3], candidate: [2, 2])
        XCTAssertEqual(lower.t, -.infinity)
        // One side constant: df reduces to n₂ − 1 = 2 (Welch–Satterthwaite).
        let oneSided = try WelchTTest(baseline: [5, 5, 5, 5], candidate: [4, 5, 6])
        XCTAssertEqual(oneSided.degreesOfFreedom, 2, accuracy: 1e-15)
    }

    func testWelchRejectsTooFewOrNonFiniteValues() {
        assertThrows(.tooFewValues) { try WelchTTest(baseline: [1], candidate: [1, 2]) }
        assertThrows(.tooFewValues) { try WelchTTest(baseline: [1, 2], candidate: []) }
        assertThrows(.nonFiniteValue) { try WelchTTest(baseline: [1, .nan], candidate: [1, 2]) }
    }

    // MARK: Mann–Whitney

    /// res = scipy.stats.mannwhitneyu(x, y, alternative='two-sided', method='asymptotic', use_continuity=True)
    func testMannWhitneyWithTiesMatchesScipy() throws {
        let cases: [(x: [Double], y: [Double], u: Double, p: Double)] = [
            ([1, 2, 2, 3, 3, 3, 4, 5, 5, 6], [2, 3, 3, 4, 5, 5, 5, 7, 8], 28.5, 0.18254230977379748),
            ([2, 3, 3, 4, 5, 5, 5, 7, 8], [1, 2, 2, 3, 3, 3, 4, 5, 5, 6], 61.5, 0.18254230977379748),
            ([1.2, 3.4, 3.4, 5.0, 5.0, 5.0, 7.7, 9.1], [0.3, 1.2, 1.2, 2.2, 3.4, 4.0], 41.0, 0.030865784938778885),
            (a, b, 1.5, 0.002598701171324033),
            ([1.5, 2.5, 2.5, 2.5, 10], [2.5, 3, 3, 0.5], 9.5, 1.0),
        ]
        for c in cases {
            let test = try MannWhitneyU(c.x, c.y)
            XCTAssertEqual(test.u, c.u)
            assertClose(test.pValue, c.p, relative: 1e-13)
            assertClose(test.probabilityFirstGreater, c.u / Double(c.x.count * c.y.count), relative: 1e-15)
        }
    }

    func testMannWhitneyAllTiedAndErrors() throws {
        let tied = try MannWhitneyU([4, 4, 4], [4, 4])
        XCTAssertEqual([tied.u, tied.z, tied.pValue], [3, 0, 1])
        assertThrows(.tooFewValues) { try MannWhitneyU([], [1]) }
        assertThrows(.nonFiniteValue) { try MannWhitneyU([1], [.nan]) }
    }

    func testMannWhitneyOnSamplesAboveTheRadixThreshold() throws {
        // 5000 vs 6000 values with heavy ties, checked against a direct O(n²) count of
        // U = #{xᵢ > yⱼ} + ½ #{xᵢ = yⱼ} (the definition, independent of ranking).
        let x: [Double] = (0..<5000).map { (index: Int) -> Double in Double((index * 37) % 101) }
        let y: [Double] = (0..<6000).map { (index: Int) -> Double in
            let whole: Double = Double((index * 53) % 97)
            return whole + 0.5 * Double(index % 2)
        }
        var counts = [Double](repeating: 0, count: 202)  // values are multiples of ½ below 101
        for value in y { counts[Int(value * 2)] += 1 }
        var u = 0.0
        var cumulative = [Double](repeating: 0, count: 203)
        for index in 0..<202 { cumulative[index + 1] = cumulative[index] + counts[index] }
        for value in x {
            let slot = Int(value * 2)
            u += cumulative[slot] + 0.5 * counts[slot]
        }
        XCTAssertEqual(try MannWhitneyU(x, y).u, u)
    }

    // MARK: Benjamini–Hochberg

    func testSmallestMannWhitneyPIsTheExactTestsMostExtremeOrdering() {
        // scipy.stats.mannwhitneyu([4, 5, 6], [1, 2, 3, 3.5, 3.7], method="exact").pvalue = 0.03571428571428571
        XCTAssertEqual(MannWhitneyU.smallestTwoSidedP(3, 5), 0.03571428571428571, accuracy: 1e-15)
        // scipy.stats.mannwhitneyu([6, 7, 8, 9, 10], [1, 2, 3, 4, 5], method="exact").pvalue = 0.007936507936507936
        XCTAssertEqual(MannWhitneyU.smallestTwoSidedP(5, 5), 0.007936507936507936, accuracy: 1e-15)
        XCTAssertEqual(MannWhitneyU.smallestTwoSidedP(1, 1), 1, "one value per side can never be significant")
        XCTAssertEqual(MannWhitneyU.smallestTwoSidedP(2, 40), 2.0 / 861, accuracy: 1e-15)  // C(42, 2) = 861
    }

    func testBenjaminiHochbergMatchesTheStepUpFormula() throws {
        // Independent numpy implementation of statsmodels' fdr_bh / R p.adjust("BH"):
        // o = np.argsort(p, kind='stable'); q = np.minimum(1, np.minimum.accumulate((p[o]*m/np.arange(1,m+1))[::-1])[::-1]); out[o] = q
        let p = [0.01, 0.04, 0.03, 0.005, 0.5, 0.04, 0.2, 0.0001, 0.9, 0.049]
        let expected = [
            0.03333333333333333, 0.06666666666666667, 0.06666666666666667, 0.025,
            0.5555555555555556, 0.06666666666666667, 0.25, 0.001, 0.9, 0.06999999999999999,
        ]
        assertClose(try BenjaminiHochberg.adjust(p), expected, relative: 1e-15)
    }

    func testBenjaminiHochbergPaperExample() throws {
        // Benjamini & Hochberg (1995), §4: of these 15 p-values, the procedure at q* = 0.05 rejects
        // exactly the four smallest. Adjusted values from the numpy formula above.
        let p = [
            0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.3240,
            0.4262, 0.5719, 0.6528, 0.7590, 1.000,
        ]
        let q = try BenjaminiHochberg.adjust(p)
        XCTAssertEqual(q.filter { $0 <= 0.05 }.count, 4)
        assertClose(
            q,
            [
                0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.06385714285714286, 0.06385714285714286,
                0.0645, 0.0765, 0.48600000000000004, 0.5811818181818182, 0.714875,
                0.7532307692307694, 0.8132142857142857, 1.0,
            ], relative: 1e-15)
    }

    func testBenjaminiHochbergEdgeCases() throws {
        XCTAssertEqual(try BenjaminiHochberg.adjust([]), [])
        XCTAssertEqual(try BenjaminiHochberg.adjust([0.3]), [0.3])
        XCTAssertEqual(try BenjaminiHochberg.adjust([0.9, 0.95]), [0.95, 0.95])
        assertThrows(.invalidParameter) { try BenjaminiHochberg.adjust([0.1, .nan]) }
        assertThrows(.invalidParameter) { try BenjaminiHochberg.adjust([1.2]) }
    }
}
