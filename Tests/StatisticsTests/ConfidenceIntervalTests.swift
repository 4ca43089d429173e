import XCTest
import Statistics

final class ConfidenceIntervalTests: XCTestCase {
    let a = [12.1, 11.8, 12.6, 13.0, 11.9, 12.4, 12.2, 12.8]

    func testTIntervalMatchesScipy() throws {
        // stats.t.interval(0.95, len(a)-1, loc=np.mean(a), scale=stats.sem(a))
        let ci95 = try MeanConfidenceInterval.t(a)
        assertClose(ci95.lower, 11.992502416352758)
        assertClose(ci95.upper, 12.70749758364724)
        XCTAssertEqual(ci95.level, 0.95)
        // ... and with 0.99
        let ci99 = try MeanConfidenceInterval.t(a, level: 0.99)
        assertClose(ci99.lower, 11.820927855884932)
        assertClose(ci99.upper, 12.879072144115067)
        assertThrows(.tooFewValues) { try MeanConfidenceInterval.t([1]) }
        assertThrows(.invalidParameter) { try MeanConfidenceInterval.t(a, level: 1) }
    }

    /// Reference ranks: Python, exact binomial with the same equal-tail rule —
    /// `lk = max(k for k in range(n) if binom.cdf(k,n,p) <= 0.025)`,
    /// `uk = min(k for k in range(n) if binom.sf(k,n,p) <= 0.025)`, ranks lk+1, uk+1 (clamped to 1, n
    /// when absent), coverage = binom.cdf(u-1,n,p) − binom.cdf(l-1,n,p).
    func testOrderStatisticRanksMatchTheExactBinomialRule() throws {
        let cases: [(n: Int, p: Double, lower: Int, upper: Int, coverage: Double, reaches: Bool)] = [
            (5, 0.5, 1, 5, 0.9375, false),
            (6, 0.5, 1, 6, 0.96875, true),
            (10, 0.5, 2, 9, 0.978515625, true),
            (20, 0.5, 6, 15, 0.9586105346679688, true),
            (100, 0.9, 84, 96, 0.955690107191223, true),
            (1000, 0.99, 983, 997, 0.976094763497977, true),
            (50, 0.99, 48, 50, 0.38117666203186323, false),
            (300, 0.01, 1, 8, 0.9394850272938364, false),
        ]
        for c in cases {
            let sorted = (1...c.n).map(Double.init)  // value = rank, so bounds reveal the ranks
            let ci = try QuantileConfidenceInterval(sorted: sorted, p: c.p)
            XCTAssertEqual(ci.lowerRank, c.lower, "n \(c.n) p \(c.p)")
            XCTAssertEqual(ci.upperRank, c.upper, "n \(c.n) p \(c.p)")
            XCTAssertEqual(ci.interval.lower, Double(c.lower))
            XCTAssertEqual(ci.interval.upper, Double(c.upper))
            assertClose(ci.coverage, c.coverage, relative: 1e-12, "n \(c.n) p \(c.p)")
            XCTAssertEqual(ci.reachesLevel, c.reaches, "n \(c.n) p \(c.p)")
        }
    }

    func testMedianIntervalMatchesPublishedTable() throws {
        // Classic tables of distribution-free median CIs (e.g. Conover, Practical Nonparametric
        // Statistics, Table A3 via the binomial): n = 10 → (x₍₂₎, x₍₉₎) at 97.9 %; n = 20 → (x₍₆₎, x₍₁₅₎) at 95.9 %.
        let ten = try QuantileConfidenceInterval((1...10).map(Double.init).reversed(), p: 0.5)
        XCTAssertEqual([ten.lowerRank, ten.upperRank], [2, 9])
        XCTAssertEqual(ten.coverage, 0.979, accuracy: 5e-4)
        XCTAssertEqual(ten.estimate, 5.5)
        let twenty = try QuantileConfidenceInterval((1...20).map(Double.init), p: 0.5)
        XCTAssertEqual([twenty.lowerRank, twenty.upperRank], [6, 15])
        XCTAssertEqual(twenty.coverage, 0.959, accuracy: 5e-4)
    }

    func testQuantileIntervalOnALargeSampleUsesTheExactBinomial() throws {
        // n = 10⁶ median: ranks from scipy — binom.ppf(0.025, 10**6, 0.5) = 499020 ⇒ the largest k
        // with cdf ≤ 0.025 is 499019 (cdf(499019) = 0.024939…, cdf(499020) = 0.025056…), lower rank 499020;
        // by symmetry upper rank 10⁶ − 499020 + 1 = 500981.
        let n = 1_000_000
        let ci = try QuantileConfidenceInterval(sorted: (1...n).map(Double.init), p: 0.5)
        XCTAssertEqual(ci.lowerRank, 499_020)
        XCTAssertEqual(ci.upperRank, 500_981)
        XCTAssertTrue(ci.reachesLevel)
    }

    func testQuantileIntervalEdgeCases() throws {
        let one = try QuantileConfidenceInterval([3], p: 0.5)
        XCTAssertFalse(one.reachesLevel)
        XCTAssertEqual([one.interval.lower, one.interval.upper], [3, 3])
        assertThrows(.tooFewValues) { try QuantileConfidenceInterval([], p: 0.5) }
        assertThrows(.nonFiniteValue) { try QuantileConfidenceInterval([1, .nan], p: 0.5) }
        assertThrows(.invalidParameter) { try QuantileConfidenceInterval([1, 2], p: 2) }
    }
}
