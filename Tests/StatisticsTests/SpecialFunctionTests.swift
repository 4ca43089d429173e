import XCTest
import Statistics

/// Reference values: mpmath at 50 digits (`import mpmath as mp; mp.mp.dps = 50`) rounded to a
/// double, cross-checked with scipy 1.17; closed forms where they exist; and a printed t table.
final class SpecialFunctionTests: XCTestCase {
    // MARK: Incomplete beta

    func testIncompleteBetaClosedForms() throws {
        // I_x(1,1) = x, I_x(a,1) = xᵃ, I_x(1,b) = 1 − (1 − x)ᵇ, I_½(a,a) = ½.
        for x in [0.0, 1e-9, 0.1, 0.37, 0.5, 0.83, 0.999, 1.0] {
            assertClose(try IncompleteBeta.regularized(x: x, a: 1, b: 1), x, relative: 1e-14)
            for a in [0.5, 2.0, 7.25, 40.0] {
                assertClose(try IncompleteBeta.regularized(x: x, a: a, b: 1), pow(x, a), relative: 1e-13)
            }
            for b in [0.5, 3.0, 12.5, 60.0] {
                assertClose(try IncompleteBeta.regularized(x: x, a: 1, b: b), -expm1(b * log1p(-x)), relative: 1e-13)
            }
        }
        for a in [0.3, 1.0, 4.5, 250.0] {
            assertClose(try IncompleteBeta.regularized(x: 0.5, a: a, b: a), 0.5, relative: 1e-13)
        }
        // Large parameters: the documented accuracy is ~max(a, b)·1e-17.
        assertClose(try IncompleteBeta.regularized(x: 0.5, a: 1e5, b: 1e5), 0.5, relative: 1e-11)
    }

    func testIncompleteBetaAgainstMpmath() throws {
        // float(mp.betainc(a, b, 0, x, regularized=True))
        assertClose(try IncompleteBeta.regularized(x: 0.3, a: 2.5, b: 4), 0.3521975859067672)
        assertClose(try IncompleteBeta.regularized(x: 0.9, a: 0.5, b: 0.5), 0.7951672353008665)
        assertClose(try IncompleteBeta.regularized(x: 0.001, a: 10, b: 3), 6.588005500000002e-29)
        assertClose(try IncompleteBeta.regularized(x: 0.5, a: 200, b: 300), 0.9999964565197356)
        // Large parameters, where mpmath's hypergeometric series gives up: scipy.special.betainc (Boost).
        assertClose(try IncompleteBeta.regularized(x: 0.4985, a: 1e4, b: 1e4 + 50), 0.4714324865534924, relative: 1e-12)
        assertClose(try IncompleteBeta.regularized(x: 0.999999, a: 5e6, b: 0.5), 0.001565398432595212, relative: 1e-9)
        assertClose(try IncompleteBeta.regularized(x: 0.2, a: 0.1, b: 30), 0.999976565378227)
    }

    func testIncompleteBetaRejectsBadArguments() {
        assertThrows(.invalidParameter) { try IncompleteBeta.regularized(x: 1.5, a: 1, b: 1) }
        assertThrows(.invalidParameter) { try IncompleteBeta.regularized(x: .nan, a: 1, b: 1) }
        assertThrows(.invalidParameter) { try IncompleteBeta.regularized(x: 0.5, a: 0, b: 1) }
        assertThrows(.invalidParameter) { try IncompleteBeta.regularized(x: 0.5, a: 1, b: -2) }
    }

    // MARK: Student t

    func testTQuantileMatchesPrintedTable() throws {
        // t_{0.975, df} from any printed t table (e.g. NIST/SEMATECH e-Handbook §1.3.6.7.2),
        // given there to 3 decimals: df 1, 2, 5, 10, 30, ∞.
        let table: [(Double, Double)] = [
            (1, 12.706), (2, 4.303), (5, 2.571), (10, 2.228), (30, 2.042), (.infinity, 1.960),
        ]
        for (df, critical) in table {
            XCTAssertEqual(try StudentT.quantile(0.975, degreesOfFreedom: df), critical, accuracy: 5e-4, "df \(df)")
        }
    }

    func testTQuantileClosedFormsAndMpmath() throws {
        // df = 1: tan(π(p − ½)); df = 2: (2p − 1)/√(2p(1 − p)). mpmath: mp.tan(mp.pi*mp.mpf('0.475')) etc.
        assertClose(try StudentT.quantile(0.975, degreesOfFreedom: 1), 12.706204736174705, relative: 1e-14)
        assertClose(try StudentT.quantile(0.975, degreesOfFreedom: 2), 4.302652729749464, relative: 1e-14)
        // mp.findroot on the mpmath t CDF (cdf via mp.betainc(df/2, 1/2, 0, df/(df+t²))):
        assertClose(try StudentT.quantile(0.975, degreesOfFreedom: 5), 2.5705818356363146)
        assertClose(try StudentT.quantile(0.975, degreesOfFreedom: 10), 2.2281388519862744)
        assertClose(try StudentT.quantile(0.975, degreesOfFreedom: 30), 2.0422724563012378)
        assertClose(try StudentT.quantile(0.001, degreesOfFreedom: 1), -318.30883898555044)
        assertClose(try StudentT.quantile(0.9, degreesOfFreedom: 3.5), 1.5765766051364052)
        assertClose(try StudentT.quantile(0.999999, degreesOfFreedom: 7), 14.241469651921154)
        assertClose(try StudentT.quantile(1e-10, degreesOfFreedom: 4), -416.1751403296041)
        assertClose(try StudentT.quantile(0.3, degreesOfFreedom: 1e6), -0.5244006798602089, relative: 1e-11)
        assertClose(try StudentT.quantile(0.975, degreesOfFreedom: 2e7), 1.9599641031536224, relative: 1e-9)
        XCTAssertEqual(try StudentT.quantile(0.5, degreesOfFreedom: 3), 0)
        XCTAssertEqual(try StudentT.quantile(0, degreesOfFreedom: 3), -.infinity)
        XCTAssertEqual(try StudentT.quantile(1, degreesOfFreedom: 3), .infinity)
    }

    func testTCDFAndTwoSidedPAgainstMpmath() throws {
        // p2 = mp.betainc(df/2, 1/2, 0, df/(df+t*t), regularized=True); cdf = 1 − p2/2 (t > 0) or p2/2.
        let cases: [(t: Double, df: Double, cdf: Double, p: Double)] = [
            (2.0, 5, 0.9490302605850708, 0.10193947882985836),
            (-1.3, 3.5, 0.1362977079021852, 0.2725954158043704),
            (0.5, 1, 0.6475836176504333, 0.7048327646991335),
            (10.0, 20, 0.9999999984181092, 3.163781758714388e-09),
            (-40.0, 3, 1.7190340394579263e-05, 3.4380680789158526e-05),
            (1e5, 2, 0.99999999995, 9.9999999985e-11),
            (3.0, 1e6, 0.9986500687292891, 0.002699862541421797),
            (2.5, 2e7, 0.9937903307029679, 0.0124193385940644),
        ]
        for c in cases {
            // Documented incomplete-beta accuracy: ~1e-14, degrading like ν·1e-17 for huge ν.
            let relative = max(1e-13, c.df * 1e-17)
            assertClose(
                try StudentT.cdf(c.t, degreesOfFreedom: c.df), c.cdf, relative: relative, "cdf t \(c.t) df \(c.df)")
            assertClose(
                try StudentT.twoSidedP(c.t, degreesOfFreedom: c.df), c.p, relative: 10 * relative,
                "p t \(c.t) df \(c.df)")
        }
        // df = 1 is Cauchy: F(t) = ½ + atan(t)/π.
        assertClose(try StudentT.cdf(-3.7, degreesOfFreedom: 1), 0.5 + atan(-3.7) / .pi, relative: 1e-14)
        XCTAssertEqual(try StudentT.twoSidedP(0, degreesOfFreedom: 4), 1)
        XCTAssertEqual(try StudentT.twoSidedP(.infinity, degreesOfFreedom: 4), 0)
    }

    func testTRejectsBadDegreesOfFreedom() {
        assertThrows(.invalidParameter) { try StudentT.cdf(1, degreesOfFreedom: 0) }
        assertThrows(.invalidParameter) { try StudentT.cdf(.nan, degreesOfFreedom: 3) }
        assertThrows(.invalidParameter) { try StudentT.quantile(1.2, degreesOfFreedom: 3) }
    }

    // MARK: Normal

    func testNormalCDFAgainstMpmath() {
        // float(mp.ncdf(x))
        let cases: [(Double, Double)] = [
            (-8.0, 6.220960574271784e-16), (-3.0, 0.0013498980316300946), (-1.0, 0.15865525393145705),
            (0.5, 0.6914624612740131), (1.96, 0.9750021048517795), (5.0, 0.9999997133484281),
        ]
        for (x, expected) in cases {
            assertClose(NormalDistribution.cdf(x), expected, relative: 1e-14, "x \(x)")
        }
        XCTAssertEqual(NormalDistribution.cdf(0), 0.5)
        // Survival is the mirror image without cancellation: Q(8) = Φ(−8).
        assertClose(NormalDistribution.survival(8), 6.220960574271784e-16, relative: 1e-14)
    }

    func testNormalQuantileAgainstMpmath() throws {
        // float(mp.findroot(lambda z: mp.ncdf(z) - mp.mpf(p), guess)) with p the double below.
        let cases: [(Double, Double)] = [
            (1e-300, -37.0470962993612), (1e-20, -9.262340089798407), (1e-5, -4.264890793922825),
            (0.02, -2.053748910631823), (0.3, -0.5244005127080408), (0.7, 0.5244005127080407),
            (0.975, 1.9599639845400538), (0.99999, 4.264890793923841), (1 - 1e-12, 7.0344869100478356),
        ]
        for (p, expected) in cases {
            assertClose(try NormalDistribution.quantile(p), expected, relative: 1e-15, "p \(p)")
        }
        XCTAssertEqual(try NormalDistribution.quantile(0.5), 0)
        XCTAssertEqual(try NormalDistribution.quantile(0), -.infinity)
        XCTAssertEqual(try NormalDistribution.quantile(1), .infinity)
        assertThrows(.invalidParameter) { try NormalDistribution.quantile(-0.1) }
    }

    // MARK: Binomial

    func testBinomialCDF() throws {
        // Closed forms: P(X ≤ 3 | 10, ½) = 176/1024; P(X = 0 | 20, 0.05) = 0.95²⁰.
        assertClose(try BinomialDistribution.cdf(3, trials: 10, probability: 0.5), 176.0 / 1024, relative: 1e-14)
        assertClose(try BinomialDistribution.cdf(0, trials: 20, probability: 0.05), pow(0.95, 20), relative: 1e-13)
        // mp.fsum(mp.binomial(n,i) * p**i * (1-p)**(n-i) for i in range(k+1))
        assertClose(try BinomialDistribution.cdf(50, trials: 100, probability: 0.5), 0.5397946186935894)
        assertClose(try BinomialDistribution.cdf(9, trials: 10, probability: 0.9), 0.6513215599)
        assertClose(try BinomialDistribution.cdf(2, trials: 7, probability: 0.3), 0.6470695000000001)
        // scipy.stats.binom.cdf(4990000, 10000000, 0.5) and (5001000, ...)
        assertClose(
            try BinomialDistribution.cdf(4_990_000, trials: 10_000_000, probability: 0.5), 1.2724002455775383e-10,
            relative: 1e-8)
        assertClose(
            try BinomialDistribution.cdf(5_001_000, trials: 10_000_000, probability: 0.5), 0.7365586485143509,
            relative: 1e-9)
        XCTAssertEqual(try BinomialDistribution.cdf(-1, trials: 5, probability: 0.3), 0)
        XCTAssertEqual(try BinomialDistribution.cdf(5, trials: 5, probability: 0.3), 1)
        assertThrows(.invalidParameter) { try BinomialDistribution.cdf(1, trials: -1, probability: 0.3) }
    }
}
