import Foundation
import Analysis
import BenchFormats
import XCTest

/// A/A noise floors, the minimum detectable effect and the paired test of interleaved repetitions.
final class NoiseAndPairingTests: XCTestCase {
    /// Three A/A runs whose means are exactly 100, 110 and 90: sd 10, CV 10 %.
    func aaRuns() throws -> RunSamples {
        var b = RunSamplesBuilder()
        for (i, mean) in [100.0, 110, 90].enumerated() {
            b.beginFile("aa-\(i).jsonl")
            try b.add(.run(RunRecord(header: Fixture.header())), record: 1)
            try b.add(Fixture.latency([mean - 1, mean, mean + 1]), record: 2)
        }
        return try b.build()
    }

    func testNoiseFloorIsTheCVOfRunMeansAndMDEFollowsTheNormalFormula() throws {
        let report = try NoiseCalibration.measure(try aaRuns(), alpha: 0.05)
        let m = try XCTUnwrap(report.metrics.first)
        XCTAssertEqual(m.runs, 3)
        XCTAssertEqual(m.runMeans, [100, 110, 90])
        XCTAssertEqual(m.cvPct!, 10, accuracy: 1e-12)
        // (norm.ppf(.975) + norm.ppf(.8)) · 0.1 · √(2/n) · 100 with n = 1 and n = 3 (scipy).
        XCTAssertEqual(m.mdeSingleRunPct!, 39.62039811599346, accuracy: 1e-9)
        XCTAssertEqual(m.mdeRunsPct!, 22.874847517668965, accuracy: 1e-9)
    }

    func testASingleRunGivesNoFloorAndSaysWhy() throws {
        let report = try NoiseCalibration.measure(try Fixture.run([Fixture.latency([1, 2, 3])]), alpha: 0.05)
        XCTAssertNil(report.metrics[0].cvPct)
        XCTAssertTrue(report.metrics[0].skipped!.contains("at least two"))
    }

    func testFloorsAreStoredOnlyInABaselineFromTheSameHost() throws {
        let report = try NoiseCalibration.measure(try aaRuns(), alpha: 0.05)
        let same = try Fixture.baseline([Fixture.latency([100, 101])])
        let (updated, _) = try NoiseCalibration.apply(report, to: same, baselinePath: "b.json")
        XCTAssertEqual(updated.metrics[0].noiseFloorPct!, 10, accuracy: 1e-12)
        let other = try Fixture.baseline([Fixture.latency([100, 101])], host: "host-z")
        XCTAssertThrowsError(try NoiseCalibration.apply(report, to: other, baselinePath: "b.json")) {
            XCTAssertTrue("\($0)".contains("host-z"), "\($0)")
        }
    }

    func testKnownNoiseFloorWidensTheNoiseBandAndStatesTheMDE() throws {
        let base = Fixture.normal(n: 200, mean: 100, cv: 0.05, seed: 30)
        let cur = Fixture.normal(n: 200, mean: 108, cv: 0.05, seed: 31)
        var baseline = try Fixture.baseline([Fixture.latency(base)])
        baseline.metrics[0].noiseFloorPct = 10
        let doc = try Fixture.analyze(try Fixture.run([Fixture.latency(cur)]), against: baseline)
        let change = try XCTUnwrap(doc.metrics[0].change)
        // +8 % is significant with n = 200 but inside the measured ±10 % run-to-run noise.
        XCTAssertEqual(change.verdict, .noise, change.reason)
        XCTAssertTrue(change.reason.contains("noise band"), change.reason)
        // The detectable effect is that of the test that decided: the run-to-run test with a floor
        // of unknown run count (2 assumed, df 1), SE = 10·√(1/1 + 1/1):
        // (stats.t.ppf(0.975, 1) + stats.t.ppf(0.8, 1))·10·√2 = 199.15785043122966.
        XCTAssertTrue(change.reason.contains("decided by the largest p, the run-to-run test"), change.reason)
        XCTAssertTrue(change.reason.contains("minimum detectable effect of that test ≈ 199.2 %"), change.reason)
    }

    /// scipy.stats.ttest_rel(b, a) with a = [100, 102.5, 98, 101, 99.5], b = [104, 107, 101.5, 105.5, 103]
    /// → t = 17.88854381999832, p = 5.7392777871822994e-05.
    func testPairedTestMatchesScipyTtestRel() throws {
        let r = try XCTUnwrap(
            PairedRepetitions.test(reference: [100, 102.5, 98, 101, 99.5], candidate: [104, 107, 101.5, 105.5, 103]))
        XCTAssertEqual(r.t, 17.88854381999832, accuracy: 1e-10)
        XCTAssertEqual(r.df, 4)
        XCTAssertEqual(r.p, 5.7392777871822994e-05, accuracy: 1e-15)
        XCTAssertNil(try PairedRepetitions.test(reference: [1, 2], candidate: [1]))
    }
}
