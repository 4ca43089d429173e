import Analysis
import BenchFormats
import Foundation
import Statistics
import XCTest

/// The error rates docs/analyze.md states, measured by simulation. Prints tables and asserts
/// nothing about them; runs only with MESHBENCH_PERF=1:
/// `MESHBENCH_PERF=1 swift test --filter StatisticalRatesReport` (seeded: reruns print the same).
final class StatisticalRatesReport: XCTestCase {
    override func setUpWithError() throws {
        try XCTSkipUnless(
            ProcessInfo.processInfo.environment["MESHBENCH_PERF"] == "1", "set MESHBENCH_PERF=1 to measure")
    }

    func percent(_ x: Double) -> String { String(format: "%5.1f %%", 100 * x) }

    /// Power and false alarms of comparison designs at a run-to-run CV of 7.5 % and 10 %: one of
    /// five metrics shifted by +20 % or +50 %, or none (A/A). "floor" = a noise floor measured on
    /// 10 simulated A/A runs, as `analyze noise --update-baseline` stores it.
    func testVerdictPowerByDesign() throws {
        let trials = Int(ProcessInfo.processInfo.environment["MESHBENCH_TRIALS"] ?? "") ?? 200
        // One repetition a side means pooled tests and a 2,000-resample bootstrap per metric,
        // about a second per comparison in a debug build: fewer trials (MESHBENCH_POOLED_TRIALS).
        let pooledTrials = Int(ProcessInfo.processInfo.environment["MESHBENCH_POOLED_TRIALS"] ?? "") ?? 40
        let designs: [(String, Int, Int, Int?)] = [
            ("3 vs 5 + floor (documented)", 3, 5, 10),
            ("5 vs 5 + floor", 5, 5, 10), ("8 vs 8 + floor", 8, 8, 10), ("10 vs 10 + floor", 10, 10, 10),
            ("3 vs 3, Welch", 3, 3, nil), ("5 vs 5, Welch", 5, 5, nil), ("8 vs 8, Welch", 8, 8, nil),
            ("10 vs 10, Welch", 10, 10, nil), ("12 vs 12, Welch", 12, 12, nil),
            ("1 vs 5 + floor (CI as shipped)", 1, 5, 10),
        ]
        print(
            "design | CV | A/A any WARN/FAIL (4 metrics) | +20 % caught | +50 % caught | +50 % FAIL   (\(trials) trials each, \(pooledTrials) for 1 vs 5)"
        )
        for cv in [0.075, 0.10] {
            for (name, m, k, floor) in designs {
                let sim = VerdictSimulation(cv: cv, candidateRepetitions: m, baselineRepetitions: k, floorRuns: floor)
                let trials = m == 1 ? pooledTrials : trials
                let aa = try sim.rates(shift: 1.0, trials: trials, seed: 1)
                let twenty = try sim.rates(shift: 1.2, trials: trials, seed: 2)
                let fifty = try sim.rates(shift: 1.5, trials: trials, seed: 3)
                print(
                    "\(name) | \(cv * 100) % | \(percent(aa.falseAlarm)) | \(percent(twenty.caught)) | \(percent(fifty.caught)) | \(percent(fifty.fail))"
                )
            }
        }
    }

    /// Coverage of the run-level 95 % CI of the change (Fieller, Welch df), normal run means,
    /// CV 10 %, true change +20 %.
    func testRunLevelIntervalCoverage() throws {
        for (m, n) in [(2, 2), (3, 3), (5, 5), (3, 5), (10, 10)] {
            var g = Xoshiro256StarStar(seed: UInt64(m * 10 + n))
            var covered = 0, bounded = 0
            let trials = 10_000
            for _ in 0..<trials {
                let base = (0..<n).map { _ in 100 * (1 + 0.1 * g.nextNormal()) }
                let cand = (0..<m).map { _ in 120 * (1 + 0.1 * g.nextNormal()) }
                let b = try SampleMoments(base), c = try SampleMoments(cand)
                let change = try RelativeMeanChange(baseline: b, candidate: c)
                // The confidence set by its definition (bounded or not).
                let t = try StudentT.quantile(0.975, degreesOfFreedom: change.degreesOfFreedom), rho = 1.2
                let gap = c.mean - rho * b.mean
                if gap * gap <= t * t
                    * (c.standardError * c.standardError + rho * rho * b.standardError * b.standardError)
                {
                    covered += 1
                }
                if change.interval != nil { bounded += 1 }
            }
            print(
                "\(m) vs \(n) runs: Fieller 95 % confidence set covered \(percent(Double(covered) / Double(trials))) (\(bounded) of \(trials) bounded)"
            )
        }
    }

    /// False alarms of the growth-shape decision on linear data with multiplicative noise, and
    /// its detection of exponential growth (×1.5 per step) under the same noise.
    func testGrowthShapeFalseAlarms() throws {
        var g = Xoshiro256StarStar(seed: 7)
        let trials = 20_000
        for xs in [[1.0, 2, 3, 4], [1, 2, 3, 4, 5], [1, 2, 3, 4, 5, 6], [10, 25, 50, 100]] {
            for cv in [0.02, 0.05, 0.10] {
                var linearAlarms = 0, exponentialCaught = 0
                for _ in 0..<trials {
                    let linear = xs.map { (1 + 0.5 * $0) * (1 + cv * g.nextNormal()) }
                    if try GrowthModelComparison(x: xs, y: linear).shape(alpha: 0.05) == .fasterThanLinear {
                        linearAlarms += 1
                    }
                    let steps = xs.indices.map(Double.init)
                    let exponential = steps.map { pow(1.5, $0) * (1 + cv * g.nextNormal()) }
                    if try GrowthModelComparison(x: xs, y: exponential).shape(alpha: 0.05) == .fasterThanLinear {
                        exponentialCaught += 1
                    }
                }
                print(
                    "x = \(xs), noise CV \(cv * 100) %: 'faster than linear' on linear data \(percent(Double(linearAlarms) / Double(trials))), on ×1.5/step data \(percent(Double(exponentialCaught) / Double(trials)))"
                )
            }
        }
    }

    func history(_ values: [[Double]]) -> [HistoryEntry] {
        values[0].indices.map { i in
            HistoryEntry(
                recordedAt: Date(timeIntervalSince1970: 1_735_689_600 + Double(i) * 21_600),
                run: Fixture.header(runID: "run-\(i)"),
                metrics: values.indices.map { k in
                    HistoryMetric(
                        scenario: "tier1.sim-\(k)", metric: "latency", unit: "ms", better: .lower,
                        n: 100, mean: values[k][i], p50: values[k][i], p95: values[k][i], p99: values[k][i])
                })
        }
    }

    /// Trend rules on simulated histories of 30 runs (σ = 1 around 100): anomalies on clean series,
    /// a 10σ spike on a drifting series, change points on white noise, AR(1) and pure trends — per
    /// series alone, and as any change point among 10 metrics (Benjamini–Hochberg across them).
    func testTrendRuleRates() throws {
        let trials = Int(ProcessInfo.processInfo.environment["MESHBENCH_TRIALS"] ?? "") ?? 400
        var g = Xoshiro256StarStar(seed: 9)
        func series(_ kind: String, _ n: Int) -> [Double] {
            var previous = 0.0
            return (0..<n).map { i in
                let e = g.nextNormal()
                switch kind {
                case "AR(1) φ = 0.5": previous = 0.5 * previous + e * (1 - 0.25).squareRoot(); return 100 + previous
                case "AR(1) φ = 0.8": previous = 0.8 * previous + e * (1 - 0.64).squareRoot(); return 100 + previous
                case "trend 0.3σ/run": return 100 + 0.3 * Double(i) + e
                case "trend 2σ/run": return 100 + 2 * Double(i) + e
                case "quantised (steps of 1σ)": return (100 + 0.4 * e).rounded()
                default: return 100 + e
                }
            }
        }
        let kinds = [
            "white noise", "AR(1) φ = 0.5", "AR(1) φ = 0.8", "trend 0.3σ/run", "trend 2σ/run",
            "quantised (steps of 1σ)",
        ]
        for n in [30, 60] {
            for kind in kinds {
                var anomalySeries = 0, anomalyPoints = 0, changeSeries = 0, changeCount = 0, familyAlarms = 0
                for t in 0..<trials {
                    let one = series(kind, n)
                    let r = TrendAnalysis.trends(history([one]), alpha: 0.05, seed: UInt64(t))[0]
                    let flagged = r.points.filter { $0.anomaly == true }.count
                    anomalyPoints += flagged
                    if flagged > 0 { anomalySeries += 1 }
                    if !r.changePoints.isEmpty { changeSeries += 1 }
                    changeCount += r.changePoints.count
                    if t < trials / 4 {
                        let ten = TrendAnalysis.trends(
                            history((0..<10).map { _ in series(kind, n) }), alpha: 0.05, seed: UInt64(t))
                        if ten.contains(where: { !$0.changePoints.isEmpty }) { familyAlarms += 1 }
                    }
                }
                print(
                    "n = \(n), \(kind): anomaly in \(percent(Double(anomalySeries) / Double(trials))) of series (\(percent(Double(anomalyPoints) / Double(trials * n))) of points); change point in \(percent(Double(changeSeries) / Double(trials))) (\(String(format: "%.2f", Double(changeCount) / Double(trials))) per series); any of 10 metrics: \(percent(Double(familyAlarms) / Double(trials / 4)))"
                )
            }
            var caught = 0, exact = 0
            for t in 0..<trials {
                var drifting = (0..<n).map { 100 + 0.5 * Double($0) + g.nextNormal() }
                let at = 3 + g.nextInt(below: n - 6)
                drifting[at] += 10
                let r = TrendAnalysis.trends(history([drifting]), alpha: 0.05, seed: UInt64(t))[0]
                if r.points[at].anomaly == true { caught += 1 }
                if r.points.indices.filter({ r.points[$0].anomaly == true }) == [at] { exact += 1 }
            }
            print(
                "n = \(n), 10σ spike on a 0.5σ/run drift: flagged \(percent(Double(caught) / Double(trials))), alone \(percent(Double(exact) / Double(trials)))"
            )
        }
    }
}
