import Analysis
import BenchFormats
import Foundation
import Statistics
import XCTest

/// Verdicts of whole analyses on constructed data whose answer is known.
final class RunAnalyzerVerdictTests: XCTestCase {
    func testSixtyPercentShiftWithManySamplesFails() throws {
        let base = Fixture.normal(n: 200, mean: 100, cv: 0.1, seed: 1)
        let cur = Fixture.normal(n: 200, mean: 160, cv: 0.1, seed: 2)
        let doc = try Fixture.analyze([Fixture.latency(cur)], baseline: [Fixture.latency(base)])
        let change = try XCTUnwrap(doc.metrics[0].change)
        XCTAssertEqual(change.verdict, .fail, change.reason)
        XCTAssertEqual(change.deltaPct!, 60, accuracy: 3)
        XCTAssertEqual(change.testLevel, .pooledSamples)
        XCTAssertLessThan(change.q!, 1e-10)
        XCTAssertEqual(doc.verdict, .fail)
        XCTAssertTrue(doc.verdictReason.contains("tier1.propagation-3/latency"), doc.verdictReason)
    }

    func testSixtyPercentShiftWithThreeNoisySamplesIsNotSignificantSoOnlyWarns() throws {
        // Mann–Whitney with 3 values per side cannot reach p < 0.08 (asymptotic, continuity-corrected),
        // so the change cannot be significant whatever the values.
        let doc = try Fixture.analyze([Fixture.latency([80, 240, 160])], baseline: [Fixture.latency([50, 150, 100])])
        let change = try XCTUnwrap(doc.metrics[0].change)
        XCTAssertEqual(change.deltaPct!, 60, accuracy: 1e-9)
        XCTAssertGreaterThanOrEqual(change.q!, 0.05)
        XCTAssertEqual(change.verdict, .warn, change.reason)
        XCTAssertTrue(change.reason.contains("not significant"), change.reason)
        XCTAssertEqual(doc.verdict, .warn)
    }

    func testThirtyPercentFasterLatencyIsImproved() throws {
        let base = Fixture.normal(n: 200, mean: 100, cv: 0.1, seed: 3)
        let cur = Fixture.normal(n: 200, mean: 70, cv: 0.1, seed: 4)
        let doc = try Fixture.analyze([Fixture.latency(cur)], baseline: [Fixture.latency(base)])
        XCTAssertEqual(doc.metrics[0].change?.verdict, .improved)
        XCTAssertEqual(doc.verdict, .pass)
    }

    /// render draws the noise band and the WARN/FAIL lines from the results alone: the comparison
    /// carries the limits the verdicts used (story 11.6: noise ±5 %, latency WARN 20 % / FAIL 50 %).
    func testComparisonCarriesTheLimitsItJudgedWith() throws {
        let doc = try Fixture.analyze([Fixture.latency([1, 2, 3, 4])], baseline: [Fixture.latency([1, 2, 3, 4])])
        let comparison = try XCTUnwrap(doc.comparison)
        XCTAssertEqual(comparison.noisePct, 5)
        XCTAssertEqual(comparison.regression?[.latency], RegressionLimits(warnPct: 20, failPct: 50))
        XCTAssertEqual(comparison.regression?[.memory]?.warnPct, 30)
    }

    func testThroughputDropOfTwentyFivePercentWarns() throws {
        let base = Fixture.normal(n: 200, mean: 400, cv: 0.05, seed: 5)
        let cur = Fixture.normal(n: 200, mean: 300, cv: 0.05, seed: 6)
        let doc = try Fixture.analyze([Fixture.throughput(cur)], baseline: [Fixture.throughput(base)])
        let change = try XCTUnwrap(doc.metrics[0].change)
        XCTAssertEqual(change.verdict, .warn, change.reason)
        XCTAssertEqual(change.deltaPct!, -25, accuracy: 2)
        XCTAssertEqual(doc.verdict, .warn)
    }

    /// One metric with p ≈ 0.027 (+40.7 %, past WARN): alone it warns; next to four unchanged
    /// metrics Benjamini–Hochberg raises its q to 5 × 0.027468 = 0.137 and it is noise.
    /// Reference (numpy/scipy): i = arange(16); a = 100 + 60 sin(1.7 i); b = 140 + 60 sin(2.3 i);
    /// ttest_ind(b, a, equal_var=False).pvalue = 0.01051414452566194,
    /// mannwhitneyu(b, a, method='asymptotic').pvalue = 0.027468012204241048.
    func testBenjaminiHochbergAcrossMetricsTurnsALoneWarningIntoNoise() throws {
        let a = (0..<16).map { 100 + 60 * sin(1.7 * Double($0)) }
        let b = (0..<16).map { 140 + 60 * sin(2.3 * Double($0)) }
        let alone = try Fixture.analyze([Fixture.latency(b)], baseline: [Fixture.latency(a)])
        let c = try XCTUnwrap(alone.metrics[0].change)
        XCTAssertEqual(c.welch!.p, 0.01051414452566194, accuracy: 1e-12)
        XCTAssertEqual(c.mannWhitney!.p, 0.027468012204241048, accuracy: 1e-12)
        XCTAssertEqual(c.q!, 0.027468012204241048, accuracy: 1e-12)
        XCTAssertEqual(c.verdict, .warn, c.reason)

        let unchanged = (1...4).map { Fixture.latency(a, scenario: "tier1.same-\($0)") }
        let crowd = try Fixture.analyze([Fixture.latency(b)] + unchanged, baseline: [Fixture.latency(a)] + unchanged)
        let shifted = try XCTUnwrap(crowd.metrics.first { $0.scenario == "tier1.propagation-3" }?.change)
        XCTAssertEqual(shifted.q!, 5 * 0.027468012204241048, accuracy: 1e-12)
        XCTAssertEqual(shifted.verdict, .noise, shifted.reason)
        for m in crowd.metrics where m.scenario != "tier1.propagation-3" {
            XCTAssertEqual(m.change?.q, 1)
            XCTAssertEqual(m.change?.verdict, .noise)
        }
        XCTAssertEqual(crowd.verdict, .pass)
    }

    func testBaselineFromAnotherMachineClassIsNotComparedAndSaysSo() throws {
        let base = Fixture.normal(n: 200, mean: 100, cv: 0.1, seed: 1)
        let cur = Fixture.normal(n: 200, mean: 160, cv: 0.1, seed: 2)
        let doc = try Fixture.analyze([Fixture.latency(cur)], baseline: [Fixture.latency(base)], host: "host-b")
        XCTAssertEqual(doc.metrics[0].change?.verdict, .notComparable)
        XCTAssertNil(doc.metrics[0].change?.deltaPct)
        XCTAssertEqual(doc.comparison?.comparable, false)
        XCTAssertTrue(
            doc.notes.contains { $0.contains("another machine class") && $0.contains("make compare") }, "\(doc.notes)")
        XCTAssertEqual(doc.verdict, .pass, "a comparison that was not made cannot fail the run")
        XCTAssertTrue(
            doc.verdictReason.contains("timings not compared"),
            "and the verdict says it was not made: \(doc.verdictReason)")
    }

    func testIgnoreHostComparesAnywayAndMarksIt() throws {
        let base = Fixture.normal(n: 200, mean: 100, cv: 0.1, seed: 1)
        let cur = Fixture.normal(n: 200, mean: 160, cv: 0.1, seed: 2)
        let doc = try Fixture.analyze(
            [Fixture.latency(cur)], baseline: [Fixture.latency(base)], host: "host-b", ignoreHost: true)
        let change = try XCTUnwrap(doc.metrics[0].change)
        XCTAssertEqual(change.verdict, .fail)
        XCTAssertTrue(change.reason.contains("--ignore-host"), change.reason)
        XCTAssertTrue(doc.notes.contains { $0.contains("compared anyway") })
    }

    func testRepetitionsOnBothSidesAreTestedAtRunLevel() throws {
        func reps(_ mean: Double, seed: UInt64) -> SampleRecord {
            let values = (0..<4).flatMap { r in
                Fixture.normal(n: 50, mean: mean * (1 + 0.01 * Double(r)), cv: 0.1, seed: seed + UInt64(r))
            }
            return Fixture.latency(values, rep: (0..<4).flatMap { Array(repeating: $0, count: 50) })
        }
        let doc = try Fixture.analyze([reps(130, seed: 10)], baseline: [reps(100, seed: 20)])
        let change = try XCTUnwrap(doc.metrics[0].change)
        XCTAssertEqual(change.testLevel, .runs)
        XCTAssertEqual(doc.metrics[0].runs, 4)
        XCTAssertEqual(change.welch!.df, 6, accuracy: 3, "four run means per side: df near 6")
        XCTAssertTrue(change.reason.contains("decided by Welch's t-test on 4 vs 4 run means"), change.reason)
    }

    func testARankTestThatCannotReachSignificanceDoesNotVetoFewRuns() throws {
        func reps(_ count: Int, _ mean: Double, seed: UInt64) -> SampleRecord {
            let values = (0..<count).flatMap { r in
                Fixture.normal(n: 50, mean: mean * (1 + 0.01 * Double(r)), cv: 0.1, seed: seed + UInt64(r))
            }
            return Fixture.latency(values, rep: (0..<count).flatMap { Array(repeating: $0, count: 50) })
        }
        // Three candidate runs 60 % slower than five baseline runs: Mann–Whitney on 3 vs 5 run
        // means cannot give p below 2 / C(8, 3) = 0.036, so Welch alone decides, and says so.
        let doc = try Fixture.analyze([reps(3, 160, seed: 10)], baseline: [reps(5, 100, seed: 20)])
        let change = try XCTUnwrap(doc.metrics[0].change)
        XCTAssertEqual(change.testLevel, .runs)
        XCTAssertEqual(change.verdict, .fail, change.reason)
        XCTAssertGreaterThanOrEqual(change.mannWhitney!.p, MannWhitneyU.smallestTwoSidedP(3, 5))
        XCTAssertLessThan(change.welch!.p, 1e-3)
        XCTAssertLessThan(try XCTUnwrap(change.q), 1e-3, "Welch's p decides, not the rank test's floor of 0.036")
        XCTAssertTrue(
            change.reason.contains("Welch") || doc.notes.contains { $0.contains("smallest possible p") },
            "the report says why Mann–Whitney was left out: \(change.reason) \(doc.notes)")
    }

    func testExactCounterChangeBeyondThresholdFailsWithBothValues() throws {
        let counter = { (v: Int64) in
            SampleRecord.counter(
                CounterRecord(scenario: "tier1.propagation-3", metric: "frames_per_event", unit: "frames", value: v))
        }
        // The committed thresholds leave counters ungated; a project gating them sets limits like these.
        var gated = Fixture.thresholds
        gated.regression[.counter] = RegressionLimits(warnPct: 0, failPct: 10)
        let doc = try Fixture.analyze([counter(8)], baseline: [counter(6)], thresholds: gated)
        XCTAssertEqual(doc.counters[0].verdict, .fail)
        XCTAssertEqual(doc.counters[0].baselineValue, 6)
        XCTAssertEqual(doc.counters[0].value, 8)
        XCTAssertTrue(doc.notes.contains { $0.contains("6 → 8 frames") }, "\(doc.notes)")
        XCTAssertEqual(doc.verdict, .fail)

        XCTAssertEqual(
            try Fixture.analyze([counter(6)], baseline: [counter(6)], thresholds: gated).counters[0].verdict, .noise)
        XCTAssertEqual(
            try Fixture.analyze([counter(5)], baseline: [counter(6)], thresholds: gated).counters[0].verdict, .improved)
        XCTAssertEqual(
            try Fixture.analyze([counter(6)], baseline: [counter(6)], thresholds: gated).counters[0].baselineValue, 6)
        let ungated = try Fixture.analyze([counter(8)], baseline: [counter(6)])
        XCTAssertEqual(ungated.counters[0].verdict, .noise)
        XCTAssertTrue(ungated.notes.contains { $0.contains("not gated") }, "\(ungated.notes)")
    }

    func testNewMetricAndMissingMetricAreReported() throws {
        let doc = try Fixture.analyze(
            [Fixture.latency([1, 2, 3], metric: "new_latency")], baseline: [Fixture.latency([1, 2, 3])])
        XCTAssertEqual(doc.metrics[0].change?.verdict, .new)
        XCTAssertEqual(
            doc.missing, [MissingMetric(scenario: "tier1.propagation-3", metric: "latency", unit: "ms", counter: false)]
        )
        XCTAssertEqual(doc.verdict, .warn, "a measurement that disappeared is at least a WARN")
    }

    func testWithoutBaselineNothingIsComparedAndTheNoteSaysHowToRecordOne() throws {
        let doc = try Fixture.analyze([Fixture.latency([1, 2, 3])], baseline: nil)
        XCTAssertNil(doc.metrics[0].change)
        XCTAssertNil(doc.comparison)
        XCTAssertTrue(doc.notes.contains { $0.contains("--update-baseline") })
    }

    func testSLAMissFailsTheRun() throws {
        // Mesh size 10: p95 latency must stay below 500 ms (story 11.6 AC 1).
        let block = SampleRecord.samples(
            SamplesBlock(
                scenario: "tier2.mesh-10", metric: "latency", unit: "ms", better: .lower,
                values: Array(repeating: 600, count: 10), meshSize: 10, slaClass: "propagation"))
        let doc = try Fixture.analyze([block], baseline: nil)
        let sla = try XCTUnwrap(doc.metrics[0].sla?.first { $0.stat == .p95 })
        XCTAssertFalse(sla.ok)
        XCTAssertEqual(sla.limit, 500)
        XCTAssertEqual(doc.verdict, .fail)
    }

    func testTestFailingEveryAttemptFailsAndARetriedPassIsFlaky() throws {
        let o = { (test: String, attempt: Int, status: OutcomeStatus) in
            SampleRecord.outcome(OutcomeRecord(test: test, tier: 1, attempt: attempt, status: status, durationMS: 5))
        }
        let flaky = try Fixture.analyze([o("a", 1, .fail), o("a", 2, .pass), o("b", 1, .pass)], baseline: nil)
        XCTAssertEqual(flaky.outcomes.map(\.flaky), [true, false])
        XCTAssertEqual(flaky.verdict, .pass)
        let failed = try Fixture.analyze([o("a", 1, .fail), o("a", 2, .fail)], baseline: nil)
        XCTAssertEqual(failed.outcomes[0].status, .fail)
        XCTAssertEqual(failed.verdict, .fail)
        XCTAssertTrue(failed.verdictReason.contains("test a failed all 2 attempt(s)"))
    }
}
