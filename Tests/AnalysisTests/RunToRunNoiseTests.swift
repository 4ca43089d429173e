import Foundation
import Analysis
import BenchFormats
import XCTest

/// The run-level test a single run gets from the baseline's A/A noise floor, and what it changes
/// in the verdicts: a shift A/A runs show by chance is no longer significant.
final class RunToRunNoiseTests: XCTestCase {
    /// A baseline metric of `runs` repetitions with a noise floor measured on `floorRuns` A/A runs.
    func metric(floor: Double?, floorRuns: Int?, runs: Int = 5) -> BaselineMetric {
        BaselineMetric(scenario: "s", metric: "latency", unit: "ms", better: .lower,
                       summary: MetricSummary(n: 1000, runs: runs, mean: 10, sd: 1, p50: 10, p95: 12, p99: 13, max: 20),
                       sample: [], perRun: PerRunStats(), noiseFloorPct: floor, noiseFloorRuns: floorRuns)
    }

    /// δ = 20 %, CV 10 % from 10 runs, baseline of 5 runs, one candidate run: SE = 10·√(1 + 1/5).
    /// scipy: t = 20/SE = 1.825741858350554, 2·stats.t.sf(t, 9) = 0.10117726179222214,
    /// stats.t.ppf(0.975, 9)·SE = 24.78069013372926.
    func testPredictionTestMatchesStudentT() throws {
        let r = try XCTUnwrap(try RunToRunNoiseTest.test(deltaPct: 20, baseline: metric(floor: 10, floorRuns: 10), candidateRuns: 1))
        XCTAssertEqual(r.t, 1.825741858350554, accuracy: 1e-12)
        XCTAssertEqual(r.df, 9)
        XCTAssertEqual(r.p, 0.10117726179222214, accuracy: 1e-12)
        XCTAssertEqual(r.interval.low, 20 - 24.78069013372926, accuracy: 1e-9)
        XCTAssertEqual(r.interval.high, 20 + 24.78069013372926, accuracy: 1e-9)
        XCTAssertFalse(r.assumedRuns)
    }

    /// A floor stored without its run count is treated as coming from 2 runs (df 1), the widest case.
    /// scipy: 2·stats.t.sf(1.825741858350554, 1) = 0.3190057200399771, stats.t.ppf(0.975, 1)·SE = 139.18949908563712.
    func testMissingRunCountAssumesTheFewestRuns() throws {
        let r = try XCTUnwrap(try RunToRunNoiseTest.test(deltaPct: 20, baseline: metric(floor: 10, floorRuns: nil), candidateRuns: 1))
        XCTAssertEqual(r.df, 1)
        XCTAssertEqual(r.p, 0.3190057200399771, accuracy: 1e-12)
        XCTAssertEqual(r.interval.high - 20, 139.18949908563712, accuracy: 1e-8)
        XCTAssertTrue(r.assumedRuns)
    }

    func testNoFloorNoTest() throws {
        XCTAssertNil(try RunToRunNoiseTest.test(deltaPct: 20, baseline: metric(floor: nil, floorRuns: nil), candidateRuns: 1))
        XCTAssertNil(try RunToRunNoiseTest.test(deltaPct: 20, baseline: metric(floor: 0, floorRuns: 10), candidateRuns: 1))
    }

    func analyze(currentMean: Double, floor: Double?) throws -> Change {
        let base = Fixture.normal(n: 400, mean: 100, cv: 0.05, seed: 40)
        let cur = Fixture.normal(n: 400, mean: currentMean, cv: 0.05, seed: 41)
        var baseline = try Fixture.baseline([Fixture.latency(base)])
        baseline.metrics[0].noiseFloorPct = floor
        baseline.metrics[0].noiseFloorRuns = floor == nil ? nil : 10
        var options = AnalysisOptions()
        options.generatedAt = Date(timeIntervalSince1970: 0)
        let doc = try RunAnalyzer.analyze(try Fixture.run([Fixture.latency(cur)]), baseline: baseline,
                                          thresholds: Fixture.thresholds, options: options).document
        return try XCTUnwrap(doc.metrics[0].change)
    }

    /// +30 % between two single runs: 400 samples a side make Welch's p tiny, so without a floor
    /// it warns; with A/A runs showing 20 % run-to-run noise (SE = 20·√2 = 28.3 %, t ≈ 1.06, df 9)
    /// it is not significant, and the reason says which test decided.
    func testShiftWithinRunToRunNoiseIsNotSignificant() throws {
        let without = try analyze(currentMean: 130, floor: nil)
        XCTAssertEqual(without.verdict, .warn, without.reason)
        XCTAssertTrue(without.reason.contains("no A/A noise floor"), without.reason)
        let with = try analyze(currentMean: 130, floor: 20)
        XCTAssertEqual(with.verdict, .noise, with.reason)
        XCTAssertGreaterThan(with.q!, 0.05)
        XCTAssertTrue(with.reason.contains("run-to-run noise 20.0 % from 10 A/A runs"), with.reason)
        // The CI now spans the run-level interval: ±2.262·28.3 %.
        XCTAssertLessThan(with.ci!.low, 0)
        XCTAssertGreaterThan(with.ci!.high, 90)
    }

    /// +120 % is far outside 20 % run-to-run noise (t = 120/28.28 = 4.24, df 9, p ≈ 0.002): FAIL.
    func testChangeFarBeyondRunToRunNoiseStillFails() throws {
        let c = try analyze(currentMean: 220, floor: 20)
        XCTAssertEqual(c.verdict, .fail, c.reason)
    }
}
