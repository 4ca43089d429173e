import XCTest
import Statistics

/// Issue 10, defect 4: the run-level delta CI covered 61 % at 2 vs 2 runs, 79 % at 3 vs 3 and
/// 90 % at 5 vs 5. Fieller's interval with Welch's df is measured here by simulation: normal run
/// means with a 10 % coefficient of variation and a true change of +20 %, 2,000 seeded trials
/// per design. At 2 vs 2 about 9 % of the confidence sets are unbounded (the baseline mean is
/// not distinguishable from 0 at Welch's 1–2 df; no interval is reported then): the set is
/// still a 95 % set, so membership is checked from its definition, (x̄c − ρx̄b)² ≤ t²(vc + ρ²vb),
/// computed here. The binomial standard error of a 95 % rate over 2,000 trials is 0.49 %; the
/// band [94 %, 98 %] fails the old bootstrap (61–90 %) at every design.
final class IntervalCoverageTests: XCTestCase {
    func coverage(_ m: Int, _ n: Int, trials: Int, seed: UInt64) throws -> Double {
        var g = Xoshiro256StarStar(seed: seed)
        func normal() -> Double {
            let u1 = 1 - g.nextUnitDouble(), u2 = g.nextUnitDouble()
            return (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
        }
        var covered = 0
        for _ in 0..<trials {
            let base = (0..<n).map { _ in 100 * (1 + 0.1 * normal()) }
            let cand = (0..<m).map { _ in 120 * (1 + 0.1 * normal()) }
            let b = try SampleMoments(base), c = try SampleMoments(cand)
            let change = try RelativeMeanChange(baseline: b, candidate: c)
            if let interval = change.interval {
                if interval.contains(0.2) { covered += 1 }
            } else {
                let t = try StudentT.quantile(0.975, degreesOfFreedom: change.degreesOfFreedom), rho = 1.2
                let gap = c.mean - rho * b.mean
                if gap * gap <= t * t
                    * (c.standardError * c.standardError + rho * rho * b.standardError * b.standardError)
                {
                    covered += 1
                }
            }
        }
        return Double(covered) / Double(trials)
    }

    func testFiellerIntervalCoversAtItsLevelFromTwoRunsASide() throws {
        for (m, n) in [(2, 2), (3, 3), (5, 5), (3, 5)] {
            let rate = try coverage(m, n, trials: 2000, seed: UInt64(10 * m + n))
            XCTAssertGreaterThanOrEqual(rate, 0.94, "\(m) vs \(n): \(rate)")
            XCTAssertLessThanOrEqual(rate, 0.98, "\(m) vs \(n): \(rate)")
        }
    }
}
