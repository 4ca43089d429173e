import XCTest
import Statistics

/// Issue 10, defect 1: magnitudes near 10³⁰⁰ overflowed the variance and near 10⁻¹⁷⁰ underflowed
/// it, which ended in an internal error. Expected values are closed forms: for c·(1, 2, 3, 4) the
/// mean is 2.5c and the standard deviation c·√(5/3); Welch's t for c·(1, 2, 3) against
/// c·(4, 5, 6) is 3/√(2/3) with 4 df, whatever c.
final class ExtremeMagnitudeTests: XCTestCase {
    let scales = [1e300, 1.5e307, 1e-170, 3e-300, 1.0]

    func testMomentsStayFiniteAndExactInScale() throws {
        for c in scales {
            let m = try SampleMoments([1, 2, 3, 4].map { $0 * c })
            assertClose(m.mean, 2.5 * c, relative: 1e-15, "mean at \(c)")
            assertClose(m.standardDeviation, (5.0 / 3).squareRoot() * c, relative: 1e-15, "sd at \(c)")
            XCTAssertTrue(m.standardError.isFinite && m.standardError > 0, "\(c)")
        }
        // Opposite signs near the largest Double: the sum would overflow unscaled.
        let wide = try SampleMoments([-1.7e308, 1.7e308, 1.7e308, -1.7e308])
        XCTAssertEqual(wide.mean, 0)
        assertClose(wide.standardDeviation, 1.7e308 * (4.0 / 3).squareRoot(), relative: 1e-15)
    }

    func testWelchIsScaleFree() throws {
        let t = -3 / (2.0 / 3).squareRoot()
        for c in scales {
            let w = try WelchTTest(baseline: [4, 5, 6].map { $0 * c }, candidate: [1, 2, 3].map { $0 * c })
            assertClose(w.t, t, relative: 1e-14, "t at \(c)")
            assertClose(w.degreesOfFreedom, 4, relative: 1e-14, "df at \(c)")
            // scipy.stats.ttest_ind([1,2,3], [4,5,6], equal_var=False).pvalue
            assertClose(w.pValue, 0.021311641128756727, relative: 1e-12, "p at \(c)")
        }
        let opposite = try WelchTTest(baseline: [-1.7e308, -1.6e308], candidate: [1.7e308, 1.6e308])
        XCTAssertTrue(opposite.t.isFinite, "\(opposite.t)")
        assertClose(opposite.t, 3.3 / (0.1 / 2.0.squareRoot()), relative: 1e-13)
    }

    /// Fieller's interval of the relative change is scale-free too.
    func testRelativeChangeIsScaleFree() throws {
        let reference = try RelativeMeanChange(
            baseline: SampleMoments([98, 103, 101, 97, 104]),
            candidate: SampleMoments([118, 125, 121]))
        for c in [1e300, 1e-170] {
            let scaled = try RelativeMeanChange(
                baseline: SampleMoments([98, 103, 101, 97, 104].map { $0 * c }),
                candidate: SampleMoments([118, 125, 121].map { $0 * c }))
            assertClose(scaled.estimate, reference.estimate, relative: 1e-13)
            assertClose(scaled.interval!.lower, reference.interval!.lower, relative: 1e-12)
            assertClose(scaled.interval!.upper, reference.interval!.upper, relative: 1e-12)
        }
    }
}
