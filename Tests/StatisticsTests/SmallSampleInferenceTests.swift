import XCTest
import Statistics

/// The small-sample tools the run-level verdict uses: the exact Mann–Whitney p-value, Fieller's
/// interval of a relative change, and the detectable effect of a t-test.
final class SmallSampleInferenceTests: XCTestCase {
    /// Issue 10, defect 3: at 5 against 5 the exact test reaches 2/C(10, 5) = 0.0079 where the
    /// asymptotic one stops at 0.0122 (scipy.stats.mannwhitneyu, method='asymptotic').
    func testExactMannWhitneyReachesItsFloor() throws {
        let separated = try MannWhitneyU([1, 2, 3, 4, 5], [6, 7, 8, 9, 10], method: .exact)
        assertClose(separated.pValue, 2.0 / 252)
        XCTAssertEqual(separated.method, .exact)
        assertClose(MannWhitneyU.smallestTwoSidedP(5, 5), 2.0 / 252)
        assertClose(try MannWhitneyU([1, 2, 3, 4, 5], [6, 7, 8, 9, 10]).pValue, 0.012185780355344813, relative: 1e-12)
        assertClose(MannWhitneyU.smallestAsymptoticTwoSidedP(5, 5), 0.012185780355344813, relative: 1e-12)
    }

    /// scipy.stats.mannwhitneyu(x, y, method='exact').pvalue for each case.
    func testExactMannWhitneyMatchesScipy() throws {
        let cases: [(x: [Double], y: [Double], p: Double)] = [
            ([1.1, 2.3, 0.7, 3.4, 2.9], [4.2, 3.9, 5.1, 2.0, 6.3], 0.05555555555555555),
            ([0.5, 7.2, 3.3], [1, 2, 4, 5, 6, 8, 9, 10], 0.3757575757575758),
            (
                [2.040919, -2.555665, 0.418099, -0.56777, -0.452649, -0.215597, -2.019986, -0.231932],
                [
                    0.134787, 4.323, 1.225787, 0.647369, 0.718713, 0.331954, -0.055151, 0.609199, 1.481945, 0.761446,
                    1.957759, 0.800198, 1.02426, 2.545821, 1.545106, 0.494771, 0.817161, 1.540525, 2.935088, 0.73038,
                ],
                0.0013506622202274375
            ),
        ]
        for c in cases {
            assertClose(try MannWhitneyU(c.x, c.y, method: .exact).pValue, c.p, relative: 1e-12)
            assertClose(try MannWhitneyU(c.y, c.x, method: .exact).pValue, c.p, relative: 1e-12)
            XCTAssertEqual(try MannWhitneyU(c.x, c.y, method: .automatic).method, .exact)
        }
        // Ties: automatic falls back to the asymptotic test (as scipy's 'auto'); exact refuses.
        XCTAssertEqual(try MannWhitneyU([1, 2, 2], [2, 3, 4], method: .automatic).method, .asymptotic)
        assertThrows(.degenerate) { try MannWhitneyU([1, 2, 2], [2, 3, 4], method: .exact) }
        XCTAssertEqual(
            try MannWhitneyU(
                Array(stride(from: 0.5, to: 10, by: 1)), Array(stride(from: 0.25, to: 10, by: 1)),
                method: .automatic
            ).method, .asymptotic)
    }

    /// Fieller's interval against numpy/scipy: base = [98, 103, 101, 97, 104], cand = [118, 125, 121];
    /// v = var(ddof=1)/n per side, ν by Welch–Satterthwaite = 3.8273953892675285,
    /// t = stats.t.ppf(0.975, ν) = 2.8265293801517677, roots of (x̄b² − t²vb)ρ² − 2x̄c x̄b ρ + (x̄c² − t²vc).
    /// The defining property is checked independently: at each bound the t statistic of
    /// x̄c − ρx̄b is exactly the critical value.
    func testFiellerIntervalMatchesScipyAndInvertsTheTest() throws {
        let base = try SampleMoments([98, 103, 101, 97, 104]), cand = try SampleMoments([118, 125, 121])
        let change = try RelativeMeanChange(baseline: base, candidate: cand)
        let interval = try XCTUnwrap(change.interval)
        assertClose(change.estimate, 121.33333333333333 / 100.6 - 1, relative: 1e-14)
        assertClose(change.degreesOfFreedom, 3.8273953892675285, relative: 1e-12)
        assertClose(interval.lower, 0.13443727467583244, relative: 1e-11)
        assertClose(interval.upper, 0.2813033379745038, relative: 1e-11)
        for bound in [interval.lower, interval.upper] {
            let rho = 1 + bound
            let t =
                abs(cand.mean - rho * base.mean)
                / (cand.standardError * cand.standardError + rho * rho * base.standardError * base.standardError)
                .squareRoot()
            assertClose(t, 2.8265293801517677, relative: 1e-10)
        }
    }

    /// Issue 10, defect 2: a mean going from −10 to +10 grew by 200 % of the baseline's size;
    /// x̄c/x̄b − 1 would say −200 %.
    func testRelativeChangeIsSignSafe() throws {
        XCTAssertEqual(try RelativeMeanChange.fraction(from: -10, to: 10), 2)
        XCTAssertEqual(try RelativeMeanChange.fraction(from: -10, to: -15), -0.5)
        XCTAssertEqual(try RelativeMeanChange.fraction(from: 10, to: 15), 0.5)
        assertThrows(.degenerate) { try RelativeMeanChange.fraction(from: 0, to: 1) }
        assertThrows(.degenerate) { try RelativeMeanChange.fraction(from: 1e-300, to: 1e300) }
        // Mirror image of the positive case: the interval flips with the sign.
        let positive = try RelativeMeanChange(
            baseline: SampleMoments([98, 103, 101, 97, 104]), candidate: SampleMoments([118, 125, 121]))
        let negative = try RelativeMeanChange(
            baseline: SampleMoments([-98, -103, -101, -97, -104]), candidate: SampleMoments([-118, -125, -121]))
        assertClose(negative.estimate, -positive.estimate, relative: 1e-14)
        assertClose(negative.interval!.lower, -positive.interval!.upper, relative: 1e-12)
        assertClose(negative.interval!.upper, -positive.interval!.lower, relative: 1e-12)
    }

    func testFiellerIsUnboundedWhenTheBaselineMeanIsNotDistinguishableFromZero() throws {
        let change = try RelativeMeanChange(
            baseline: SampleMoments([-1, 2, -0.5, 1]), candidate: SampleMoments([3, 4, 5]))
        XCTAssertNil(change.interval)
        assertThrows(.tooFewValues) {
            try RelativeMeanChange(baseline: SampleMoments([1]), candidate: SampleMoments([1, 2]))
        }
    }

    /// (t₀.₉₇₅,ν + t₀.₈,ν)·SE, scipy.stats.t.ppf: ν = 3.8273953892675285, SE = √(vb + vc)/x̄b·100
    /// for the data above gives 9.163288552295777 %.
    func testDetectableEffectOfATTest() throws {
        let base = try SampleMoments([98, 103, 101, 97, 104]), cand = try SampleMoments([118, 125, 121])
        let w = try WelchTTest(baseline: base, candidate: cand)
        let mde = try MinimumDetectableEffect.ofTTest(
            standardError: 100 * w.standardError / base.mean,
            degreesOfFreedom: w.degreesOfFreedom)
        assertClose(mde, 9.163288552295777, relative: 1e-10)
        assertThrows(.invalidParameter) {
            try MinimumDetectableEffect.ofTTest(standardError: .infinity, degreesOfFreedom: 3)
        }
    }
}
