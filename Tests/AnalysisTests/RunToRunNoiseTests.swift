import Foundation
import Analysis
import BenchFormats
import XCTest

/// The run-level test a single run gets from the baseline's A/A noise floor, and what it changes
/// in the verdicts: a shift A/A runs show by chance is no longer significant.
final class RunToRunNoiseTests: XCTestCase {
    /// A baseline metric of `runs` repetitions with a noise floor measured on `floorRuns` A/A runs.
    func metric(floor: Double?, floorRuns: Int?, runs: Int = 5) -> BaselineMetric {
        BaselineMetric(
            scenario: "s", metric: "latency", unit: "ms", better: .lower,
            summary: MetricSummary(n: 1000, runs: runs, mean: 10, sd: 1, p50: 10, p95: 12, p99: 13, max: 20),
            sample: [], perRun: PerRunStats(), noiseFloorPct: floor, noiseFloorRuns: floorRuns)
    }

    /// δ = 20 %, CV 10 % from 10 runs, baseline of 5 runs, one candidate run: SE = 10·√(1 + 1/5).
    /// scipy: t = 20/SE = 1.825741858350554, 2·stats.t.sf(t, 9) = 0.10117726179222214,
    /// stats.t.ppf(0.975, 9)·SE = 24.78069013372926.
    func testPredictionTestMatchesStudentT() throws {
        let r = try XCTUnwrap(
            try RunToRunNoiseTest.test(deltaPct: 20, baseline: metric(floor: 10, floorRuns: 10), candidateRuns: 1))
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
        let r = try XCTUnwrap(
            try RunToRunNoiseTest.test(deltaPct: 20, baseline: metric(floor: 10, floorRuns: nil), candidateRuns: 1))
        XCTAssertEqual(r.df, 1)
        XCTAssertEqual(r.p, 0.3190057200399771, accuracy: 1e-12)
        XCTAssertEqual(r.interval.high - 20, 139.18949908563712, accuracy: 1e-8)
        XCTAssertTrue(r.assumedRuns)
    }

    func testNoFloorNoTest() throws {
        XCTAssertNil(
            try RunToRunNoiseTest.test(deltaPct: 20, baseline: metric(floor: nil, floorRuns: nil), candidateRuns: 1))
        XCTAssertNil(
            try RunToRunNoiseTest.test(deltaPct: 20, baseline: metric(floor: 0, floorRuns: 10), candidateRuns: 1))
    }

    func analyze(currentMean: Double, floor: Double?) throws -> Change {
        let base = Fixture.normal(n: 400, mean: 100, cv: 0.05, seed: 40)
        let cur = Fixture.normal(n: 400, mean: currentMean, cv: 0.05, seed: 41)
        var baseline = try Fixture.baseline([Fixture.latency(base)])
        baseline.metrics[0].noiseFloorPct = floor
        baseline.metrics[0].noiseFloorRuns = floor == nil ? nil : 10
        let doc = try Fixture.analyze(try Fixture.run([Fixture.latency(cur)]), against: baseline)
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

    /// +70 % between single runs fails on pooled samples alone; with the 48 % run-to-run noise
    /// measured on this project's loaded runner (t = 70/(48·√2) ≈ 1.03, df 9) it is no alarm.
    func testLargeShiftWithinMeasuredRunToRunNoiseRaisesNoAlarm() throws {
        XCTAssertEqual(try analyze(currentMean: 170, floor: nil).verdict, .fail)
        let with = try analyze(currentMean: 170, floor: 48)
        XCTAssertEqual(with.verdict, .noise, with.reason)
        XCTAssertTrue(with.reason.contains("identical builds differ this much"), with.reason)
    }

    /// +120 % is far outside 20 % run-to-run noise (t = 120/28.28 = 4.24, df 9, p ≈ 0.002): FAIL.
    func testChangeFarBeyondRunToRunNoiseStillFails() throws {
        let c = try analyze(currentMean: 220, floor: 20)
        XCTAssertEqual(c.verdict, .fail, c.reason)
    }
    /// Three candidate repetitions against five baseline repetitions, 25 % slower, run means
    /// within ±5 %: Welch on the eight run means (about 5 df) is the weak test here; with a
    /// floor of 6 % from 10 A/A runs the calibrated test decides: SE = 6·√(1/3 + 1/5) = 4.38 %,
    /// t ≈ 5.7, df 9, p < 0.001 (scipy.stats.t.sf(5.7, 9)·2 = 2.9e-4), and the reason names it.
    func testRepetitionsAreJudgedAgainstACalibratedFloor() throws {
        func reps(_ count: Int, _ mean: Double, seed: UInt64) -> SampleRecord {
            let wobble = [1.0, 0.95, 1.05, 0.98, 1.02]
            let values = (0..<count).flatMap { r in
                Fixture.normal(n: 50, mean: mean * wobble[r], cv: 0.1, seed: seed + UInt64(r))
            }
            return Fixture.latency(values, rep: (0..<count).flatMap { Array(repeating: $0, count: 50) })
        }
        var baseline = try Fixture.baseline([reps(5, 100, seed: 60)])
        baseline.metrics[0].noiseFloorPct = 6
        baseline.metrics[0].noiseFloorRuns = 10
        let doc = try Fixture.analyze(try Fixture.run([reps(3, 125, seed: 70)]), against: baseline)
        let change = try XCTUnwrap(doc.metrics[0].change)
        XCTAssertEqual(change.testLevel, .runs)
        XCTAssertTrue(change.reason.contains("run-to-run noise 6.0 % from 10 A/A runs"), change.reason)
        XCTAssertLessThan(try XCTUnwrap(change.q), 0.002, change.reason)
        XCTAssertEqual(change.verdict, .warn, "+25 % is past WARN (+20 %), short of FAIL (+50 %): \(change.reason)")
    }

    /// `analyze compare` takes the floors from the repository's baseline only when it was measured
    /// on A's host, and says what it used.
    func testCompareAdoptsNoiseFloorsFromASameHostBaseline() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("floors-\(UUID().uuidString).json")
            .path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var stored = try Fixture.baseline([Fixture.latency([100, 101, 102])])
        stored.metrics[0].noiseFloorPct = 12
        stored.metrics[0].noiseFloorRuns = 10
        try stored.write(to: path)

        var sameHost = try Fixture.baseline([Fixture.latency([90, 95])])
        let note = try AnalyzeCompareCommand.adoptNoiseFloors(into: &sameHost, from: path)
        XCTAssertEqual(sameHost.metrics[0].noiseFloorPct, 12)
        XCTAssertEqual(sameHost.metrics[0].noiseFloorRuns, 10)
        XCTAssertTrue(note.contains("1 of 1 metric(s)"), note)

        var otherHost = try Fixture.baseline([Fixture.latency([90, 95])], host: "host-z")
        let otherNote = try AnalyzeCompareCommand.adoptNoiseFloors(into: &otherHost, from: path)
        XCTAssertNil(otherHost.metrics[0].noiseFloorPct)
        XCTAssertTrue(otherNote.contains("not used"), otherNote)

        var none = try Fixture.baseline([Fixture.latency([90, 95])])
        XCTAssertTrue(
            try AnalyzeCompareCommand.adoptNoiseFloors(into: &none, from: path + ".absent").contains("absent"))
    }

    /// The notes name a side's files by path when there are few, and by count and folder when an
    /// A/B job gives 20 rounds, so the pull-request comment keeps one readable line per side.
    func testCompareNotesNameManyRoundFilesByFolderAndCount() {
        XCTAssertEqual(AnalyzeCompareCommand.describe(["a.jsonl", "b/c.jsonl"]), "a.jsonl, b/c.jsonl")
        let rounds = (1...20).map { "ab/A-\($0).jsonl" }
        XCTAssertEqual(AnalyzeCompareCommand.describe(rounds), "20 files in ab/ (A-1.jsonl … A-20.jsonl)")
        XCTAssertEqual(AnalyzeCompareCommand.describe(["x/1", "y/2", "x/3", "y/4"]), "4 files (1 … 4)")
    }
}
