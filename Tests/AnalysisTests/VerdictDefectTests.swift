import Analysis
import BenchFormats
import Foundation
import Statistics
import XCTest

/// The verdict defects of issue 10's statistics audit, each on data whose answer is computed
/// independently here (closed forms, scipy values, invariances).
final class VerdictDefectTests: XCTestCase {
    func analyze(_ current: [SampleRecord], baseline: [SampleRecord]) throws -> ResultsDocument {
        let doc = try Fixture.analyze(current, baseline: baseline)
        // Every result must be writable: no NaN or infinity reaches the encoder.
        XCTAssertNoThrow(try OutputFormat.results.render(doc, outcomes: []))
        return doc
    }

    func reps(_ means: [Double], samples: Int = 3) -> SampleRecord {
        Fixture.latency(
            means.flatMap { Array(repeating: $0, count: samples) },
            rep: means.indices.flatMap { Array(repeating: $0, count: samples) })
    }

    /// Defect 1: no spread on either side and different means make Welch's t infinite; it is
    /// said in words, p = 0, and the +25 % change is judged.
    func testInfiniteWelchIsStatedNotEncoded() throws {
        let pooled = try analyze([Fixture.latency([5, 5, 5, 5])], baseline: [Fixture.latency([4, 4, 4, 4])])
        let change = try XCTUnwrap(pooled.metrics[0].change)
        XCTAssertNil(change.welch)
        XCTAssertEqual(change.deltaPct, 25)
        XCTAssertTrue(change.reason.contains("Welch's t is infinite"), change.reason)
        let runs = try analyze([reps([5, 5, 5])], baseline: [reps([4, 4, 4])])
        let runChange = try XCTUnwrap(runs.metrics[0].change)
        XCTAssertNil(runChange.welch)
        XCTAssertEqual(runChange.verdict, .warn, runChange.reason)
        XCTAssertTrue(runChange.reason.contains("t = ∞"), runChange.reason)
        // One side without spread: finite, and written.
        _ = try analyze([Fixture.latency([5, 5, 5, 5])], baseline: [Fixture.latency([3, 4, 5, 4])])
    }

    /// Defect 1: magnitudes near 10³⁰⁰ and 10⁻¹⁷⁰. Every statistic is scale-free, so the verdict,
    /// change, CI and p must equal those of the same data at scale 1.
    func testExtremeMagnitudesGiveTheVerdictsOfScaleOne() throws {
        let base = Fixture.normal(n: 60, mean: 100, cv: 0.1, seed: 3)
        let cur = Fixture.normal(n: 60, mean: 130, cv: 0.1, seed: 4)
        let unit = try XCTUnwrap(
            try analyze([Fixture.latency(cur)], baseline: [Fixture.latency(base)]).metrics[0].change)
        for scale in [1e300, 1e-170] {
            let doc = try analyze(
                [Fixture.latency(cur.map { $0 * scale })], baseline: [Fixture.latency(base.map { $0 * scale })])
            let c = try XCTUnwrap(doc.metrics[0].change)
            XCTAssertEqual(c.verdict, unit.verdict, c.reason)
            XCTAssertEqual(c.deltaPct!, unit.deltaPct!, accuracy: 1e-9)
            XCTAssertEqual(c.welch!.p, unit.welch!.p, accuracy: 1e-12)
            XCTAssertEqual(c.ci!.low, unit.ci!.low, accuracy: 1e-6)
            XCTAssertTrue(doc.metrics[0].sd!.isFinite && doc.metrics[0].ci.mean != nil)
        }
    }

    /// Defect 2: a `better: lower` metric going from about −10 to about +10 got worse by
    /// (x̄c − x̄b)/|x̄b|, about +200 %, and fails; x̄c/x̄b − 1 = −200 % called it "improved".
    func testNegativeBaselineGoingPositiveIsWorse() throws {
        let base = Fixture.normal(n: 100, mean: -10, cv: 0.05, seed: 5)
        let cur = Fixture.normal(n: 100, mean: 10, cv: 0.05, seed: 6)
        let doc = try analyze([Fixture.latency(cur)], baseline: [Fixture.latency(base)])
        let change = try XCTUnwrap(doc.metrics[0].change)
        let expected = 100 * (cur.reduce(0, +) / 100 - base.reduce(0, +) / 100) / abs(base.reduce(0, +) / 100)
        XCTAssertEqual(change.deltaPct!, expected, accuracy: 1e-9)
        XCTAssertGreaterThan(change.deltaPct!, 150)
        XCTAssertEqual(change.verdict, .fail, change.reason)
        XCTAssertTrue(change.reason.contains("relative to its magnitude"), change.reason)
        // The other way, −10 → −15 for a lower-is-better metric, is an improvement of 50 %.
        let better = try analyze(
            [Fixture.latency(Fixture.normal(n: 100, mean: -15, cv: 0.05, seed: 7))],
            baseline: [Fixture.latency(base)])
        XCTAssertEqual(better.metrics[0].change?.verdict, .improved, better.metrics[0].change?.reason ?? "")
    }

    /// Defect 3, the audit's example: +40 % at 5 against 5 runs with Welch p ≈ 1e-6 was vetoed
    /// as "noise" by Mann–Whitney, whose asymptotic p cannot go below 0.0122.
    func testRankTestDoesNotVetoAClearRunLevelChange() throws {
        let doc = try analyze([reps([140, 141, 139, 142, 138])], baseline: [reps([100, 101, 99, 102, 98])])
        let change = try XCTUnwrap(doc.metrics[0].change)
        XCTAssertLessThan(change.welch!.p, 1e-6)
        // Exact Mann–Whitney at complete separation: 2/C(10, 5).
        XCTAssertEqual(change.mannWhitney!.p, 2.0 / 252, accuracy: 1e-15)
        XCTAssertEqual(change.q!, change.welch!.p, accuracy: 1e-18)
        XCTAssertEqual(change.verdict, .warn, change.reason)
        XCTAssertTrue(
            change.reason.contains("Mann–Whitney on the run means (exact p = 0.0079) is reported, not used"),
            change.reason)
    }

    /// Defect 3: more repetitions must not give less power. +20 % on one of five metrics at a
    /// run-to-run CV of 10 %, 60 seeded trials per design.
    func testFiveRepetitionsAreAtLeastAsPowerfulAsThree() throws {
        let three = try VerdictSimulation(cv: 0.10, candidateRepetitions: 3, baselineRepetitions: 3).rates(
            shift: 1.2, trials: 60, seed: 11)
        let five = try VerdictSimulation(cv: 0.10, candidateRepetitions: 5, baselineRepetitions: 5).rates(
            shift: 1.2, trials: 60, seed: 11)
        XCTAssertGreaterThanOrEqual(five.caught, three.caught, "3 v 3: \(three), 5 v 5: \(five)")
        XCTAssertGreaterThan(five.caught, 0.2, "\(five)")
    }

    /// Defect 4: the run-level CI is Fieller's interval on the run means (values below: scipy,
    /// see SmallSampleInferenceTests), not a bootstrap of two to five values; with one value a
    /// side no interval is claimed at all (it had zero width).
    func testRunLevelIntervalIsFiellersAndOneValueGivesNone() throws {
        let doc = try analyze([reps([118, 125, 121])], baseline: [reps([98, 103, 101, 97, 104])])
        let ci = try XCTUnwrap(doc.metrics[0].change?.ci)
        XCTAssertEqual(ci.low, 13.443727467583244, accuracy: 1e-9)
        XCTAssertEqual(ci.high, 28.13033379745038, accuracy: 1e-9)
        let single = try analyze([Fixture.latency([12])], baseline: [Fixture.latency([10])])
        XCTAssertNil(single.metrics[0].change?.ci)
        // The mean's own interval counts runs: t interval of the 3 run means (2 df).
        // stats.t.ppf(0.975, 2) = 4.302652729749462, std([118, 125, 121], ddof=1) = 3.511884584284246.
        let meanCI = try XCTUnwrap(doc.metrics[0].ci.mean)
        XCTAssertEqual(
            (meanCI.high - meanCI.low) / 2, 4.302652729749462 * 3.511884584284246 / 3.0.squareRoot(), accuracy: 1e-9)
    }

    /// Defect 6: the reason names the test that decided, and states that test's detectable
    /// effect: Welch on 3 vs 5 run means, (t₀.₉₇₅,ν + t₀.₈,ν)·SE = 9.163288552295777 % (scipy).
    func testReasonNamesTheDecidingTestAndItsDetectableEffect() throws {
        let runs = try analyze([reps([118, 125, 121])], baseline: [reps([98, 103, 101, 97, 104])])
        let reason = try XCTUnwrap(runs.metrics[0].change?.reason)
        XCTAssertTrue(reason.contains("decided by Welch's t-test on 3 vs 5 run means (t = 8.48"), reason)
        XCTAssertTrue(reason.contains("minimum detectable effect of that test ≈ 9.2 %"), reason)
        XCTAssertFalse(reason.contains("one repetition on a side"), reason)

        // Three candidate repetitions against a baseline of one: pooled, and said so.
        let pooled = try analyze(
            [reps([118, 125, 121], samples: 4)], baseline: [Fixture.latency([98, 103, 101, 97, 104])])
        let pooledReason = try XCTUnwrap(pooled.metrics[0].change?.reason)
        XCTAssertTrue(pooledReason.contains("pooled samples of 3 vs 1 repetition(s)"), pooledReason)
        XCTAssertFalse(pooledReason.contains("one repetition on a side"), pooledReason)
    }
}
