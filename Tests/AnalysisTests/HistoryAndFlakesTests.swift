import Analysis
import BenchFormats
import Foundation
import Statistics
import XCTest

/// Trends, anomalies, change points and flake quarantine on constructed histories.
final class HistoryAndFlakesTests: XCTestCase {
    let day = 86_400.0

    func history(_ p95s: [Double]) -> [HistoryEntry] {
        p95s.enumerated().map { i, v in
            HistoryEntry(
                recordedAt: Date(timeIntervalSince1970: 1_735_689_600 + Double(i) * day),
                run: Fixture.header(runID: "run-\(i)"),
                metrics: [
                    HistoryMetric(
                        scenario: "tier1.propagation-3", metric: "latency", unit: "ms", better: .lower,
                        n: 100, mean: v * 0.8, p50: v * 0.7, p95: v, p99: v * 1.2)
                ])
        }
    }

    func testFewerThanFivePointsIsInsufficientHistory() {
        let t = TrendAnalysis.trends(history([10, 11, 12, 13]), alpha: 0.05, seed: 1)[0]
        XCTAssertEqual(t.direction, .insufficientHistory)
        XCTAssertNil(t.slopePerDay)
        XCTAssertTrue(t.anomalyRule.contains("at least 5"))
    }

    /// y = 100 + 2·day + (±0.5 alternating) over 10 days: slope 2 ms/day, strongly significant.
    func testRisingLatencyIsDegradingWithItsSlopePerDay() throws {
        let values: [Double] = (0..<10).map { (i: Int) -> Double in
            let wobble: Double = i % 2 == 0 ? 0.5 : -0.5
            return 100 + 2 * Double(i) + wobble
        }
        let t = TrendAnalysis.trends(history(values), alpha: 0.05, seed: 1)[0]
        XCTAssertEqual(t.stat, .p95)
        XCTAssertEqual(t.direction, .degrading)
        XCTAssertEqual(t.slopePerDay!, 2, accuracy: 0.1)
        XCTAssertLessThan(t.slopeCI!.low, 2)
        XCTAssertGreaterThan(t.slopeCI!.high, 2)
        XCTAssertGreaterThan(t.r2!, 0.95)
        XCTAssertLessThan(t.p!, 0.05)
    }

    func testFlatNoisyHistoryIsStableAndASpikeIsAnAnomaly() throws {
        let values: [Double] = [100, 101, 99, 100, 102, 98, 100, 160, 101, 99, 100]
        let t = TrendAnalysis.trends(history(values), alpha: 0.05, seed: 1)[0]
        XCTAssertEqual(t.direction, .stable)
        XCTAssertEqual(t.points.indices.filter { t.points[$0].anomaly == true }, [7])
        XCTAssertTrue(t.anomalyRule.contains("robust z"))
        XCTAssertTrue(t.anomalyRule.contains("2σ rule (no trend removed) flags points 7"), t.anomalyRule)
    }

    func testAStepInTheHistoryIsAChangePoint() throws {
        let values: [Double] = [100, 101, 99, 100, 101, 99, 100, 130, 131, 129, 130, 131, 129, 130]
        let t = TrendAnalysis.trends(history(values), alpha: 0.05, seed: 1)[0]
        XCTAssertEqual(t.changePoints, [7])
    }

    /// thresholds.json allows any 0 < alpha < 1: 2·m/alpha permutations for alpha 1e-300 left Int
    /// (a trap). The count stops at 99,999, whose smallest p-value (1e-5) cannot pass such an alpha.
    func testATinyAlphaCostsBoundedPermutationsAndFindsNothingItCannotResolve() throws {
        let values: [Double] = [100, 101, 99, 100, 101, 99, 100, 130, 131, 129, 130, 131, 129, 130]
        for alpha in [1e-300, 0x1p-1063] {  // the second is subnormal, about 1e-320
            XCTAssertEqual(TrendAnalysis.trends(history(values), alpha: alpha, seed: 1)[0].changePoints, [])
        }
    }

    /// Deterministic noise with σ = 1 (a fixed pattern of ±0.5…±1.5, mean 0).
    func wobble(_ i: Int) -> Double { [0.5, -1.2, 0.9, -0.4, 1.5, -0.8, 0.2, -0.7][i % 8] }

    /// Issue 10: mean-shift change points appeared in every pure linear trend (3.4 each).
    func testAPureTrendHasNoChangePoints() throws {
        let values = (0..<40).map { 100 + 3 * Double($0) + wobble($0) }
        let t = TrendAnalysis.trends(history(values), alpha: 0.05, seed: 1)[0]
        XCTAssertEqual(t.direction, .degrading)
        XCTAssertEqual(t.changePoints, [])
        XCTAssertEqual(t.points.filter { $0.anomaly == true }.count, 0)
    }

    /// A step of 15 on top of the same trend is found where it is.
    func testAStepOnATrendIsAChangePoint() throws {
        let values = (0..<40).map { 100 + 3 * Double($0) + wobble($0) + ($0 >= 22 ? 15 : 0) }
        XCTAssertEqual(TrendAnalysis.trends(history(values), alpha: 0.05, seed: 1)[0].changePoints, [22])
    }

    /// Issue 10: a spike on a drifting series was never flagged by the robust rule on raw values
    /// (the drift made the MAD large). 10σ above the drift: flagged, and nothing else is.
    func testASpikeOnADriftingSeriesIsAnAnomaly() throws {
        var values = (0..<30).map { 100 + 4 * Double($0) + wobble($0) }
        values[17] += 10
        let t = TrendAnalysis.trends(history(values), alpha: 0.05, seed: 1)[0]
        XCTAssertEqual(t.points.indices.filter { t.points[$0].anomaly == true }, [17])
        XCTAssertTrue(try RobustStatistics.outlierIndices(values).isEmpty, "on raw values the drift hides it")
    }

    /// Issue 10: quantised data (MAD = 0) flagged nearly every point.
    func testQuantisedHistoryFlagsNoAnomalies() throws {
        let values: [Double] = [12, 12, 12, 13, 12, 12, 12, 12, 13, 12, 12, 11, 12, 12, 12]
        let t = TrendAnalysis.trends(history(values), alpha: 0.05, seed: 1)[0]
        XCTAssertEqual(t.points.filter { $0.anomaly == true }.count, 0, t.anomalyRule)
    }

    func outcome(_ test: String, tier: Int, flaky: Bool) -> OutcomeSummary {
        OutcomeSummary(test: test, tier: tier, attempts: flaky ? 2 : 1, status: .pass, flaky: flaky)
    }

    func testQuarantineAboveFivePercentOverTwentyRunsButNeverTierOne() throws {
        let policy = Fixture.thresholds.flakes
        var h: FlakeHistory?
        for run in 0..<20 {
            h = FlakeTracking.update(
                h,
                with: [
                    outcome("tier2.mesh-10", tier: 2, flaky: run < 2),
                    outcome("tier1.propagation-3", tier: 1, flaky: run < 2),
                ],
                at: Date(timeIntervalSince1970: Double(run)))
            if run == 18 {
                XCTAssertFalse(
                    FlakeTracking.results(h!, policy: policy).contains { $0.quarantined },
                    "19 runs are too few to judge")
            }
        }
        let results = FlakeTracking.results(h!, policy: policy)
        let tier2 = try XCTUnwrap(results.first { $0.test == "tier2.mesh-10" })
        XCTAssertEqual(tier2.runs, 20)
        XCTAssertEqual(tier2.passesAfterRetry, 2)
        XCTAssertEqual(tier2.flakeRate, 0.1)
        XCTAssertTrue(tier2.quarantined)
        XCTAssertFalse(try XCTUnwrap(results.first { $0.test == "tier1.propagation-3" }).quarantined)
        XCTAssertEqual(h!.tests.map(\.test), ["tier1.propagation-3", "tier2.mesh-10"], "sorted for clean diffs")
    }
}
