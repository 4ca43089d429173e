import Analysis
import BenchFormats
import XCTest

/// The verdict table of `ChangeRule.decide` with the story's thresholds (noise ±5 %, latency
/// WARN +20 % / FAIL +50 %, memory WARN +30 % and no FAIL, α 0.05).
final class ChangeRuleTests: XCTestCase {
    let latency = ChangeRule(noisePct: 5, warnPct: 20, failPct: 50, alpha: 0.05)
    let memory = ChangeRule(noisePct: 5, warnPct: 30, failPct: nil, alpha: 0.05)

    func testWithinNoiseBandIsNoiseEvenWhenSignificant() {
        XCTAssertEqual(latency.decide(deltaPct: 4.9, q: 1e-12, better: .lower).verdict, .noise)
        XCTAssertEqual(latency.decide(deltaPct: -4.9, q: 1e-12, better: .lower).verdict, .noise)
    }

    func testSignificantPastFailFails() {
        let d = latency.decide(deltaPct: 60, q: 0.001, better: .lower)
        XCTAssertEqual(d.verdict, .fail)
        XCTAssertTrue(d.reason.contains("FAIL threshold of 50.0 %"), d.reason)
    }

    func testPastFailButNotSignificantOnlyWarns() {
        let d = latency.decide(deltaPct: 60, q: 0.2, better: .lower)
        XCTAssertEqual(d.verdict, .warn)
        XCTAssertTrue(d.reason.contains("not significant"), d.reason)
    }

    func testSignificantPastWarnWarns() {
        XCTAssertEqual(latency.decide(deltaPct: 25, q: 0.01, better: .lower).verdict, .warn)
    }

    func testPastWarnButNotSignificantIsNoise() {
        XCTAssertEqual(latency.decide(deltaPct: 25, q: 0.3, better: .lower).verdict, .noise)
    }

    func testWorseBelowWarnIsNoise() {
        XCTAssertEqual(latency.decide(deltaPct: 15, q: 1e-9, better: .lower).verdict, .noise)
    }

    func testSignificantImprovementIsImproved() {
        XCTAssertEqual(latency.decide(deltaPct: -30, q: 1e-6, better: .lower).verdict, .improved)
        XCTAssertEqual(latency.decide(deltaPct: -30, q: 0.5, better: .lower).verdict, .noise)
    }

    func testDirectionReversesForHigherIsBetter() {
        XCTAssertEqual(latency.decide(deltaPct: -25, q: 0.001, better: .higher).verdict, .warn)
        XCTAssertEqual(latency.decide(deltaPct: -55, q: 0.001, better: .higher).verdict, .fail)
        XCTAssertEqual(latency.decide(deltaPct: 30, q: 0.001, better: .higher).verdict, .improved)
    }

    func testMemoryWarnsButNeverFails() {
        XCTAssertEqual(memory.decide(deltaPct: 35, q: 0.001, better: .lower).verdict, .warn)
        XCTAssertEqual(memory.decide(deltaPct: 300, q: 1e-20, better: .lower).verdict, .warn)
        XCTAssertEqual(memory.decide(deltaPct: 25, q: 0.001, better: .lower).verdict, .noise)
    }

    func testAlphaIsTheBoundaryOnQ() {
        XCTAssertEqual(latency.decide(deltaPct: 60, q: 0.05, better: .lower).verdict, .warn, "q must be below α")
        XCTAssertEqual(latency.decide(deltaPct: 60, q: 0.0499, better: .lower).verdict, .fail)
    }

    /// The thresholds are sizes that must be caught: a significant change whose CI reaches WARN
    /// warns even when its point estimate lands just below it.
    func testSignificantChangeWhoseCIReachesWarnWarns() {
        let d = latency.decide(deltaPct: 17, q: 0.001, better: .lower, ci: Interval(low: 9, high: 25))
        XCTAssertEqual(d.verdict, .warn)
        XCTAssertTrue(d.reason.contains("may reach the WARN threshold"), d.reason)
    }

    func testSignificantChangeWhoseCIStaysBelowWarnIsNoise() {
        let d = latency.decide(deltaPct: 15, q: 0.001, better: .lower, ci: Interval(low: 11, high: 19))
        XCTAssertEqual(d.verdict, .noise)
        XCTAssertTrue(d.reason.contains("stays below the WARN threshold"), d.reason)
    }

    /// FAIL below the FAIL line needs the whole CI past WARN *and* reaching FAIL, so a change that
    /// may be only a WARN-size one never fails on its CI alone.
    func testCIWhollyPastWarnAndReachingFailFails() {
        XCTAssertEqual(
            latency.decide(deltaPct: 44, q: 0.001, better: .lower, ci: Interval(low: 36, high: 52)).verdict, .fail)
        XCTAssertEqual(
            latency.decide(deltaPct: 44, q: 0.001, better: .lower, ci: Interval(low: 18, high: 70)).verdict, .warn)
        XCTAssertEqual(
            latency.decide(deltaPct: 44, q: 0.001, better: .lower, ci: Interval(low: 38, high: 49)).verdict, .warn)
    }

    func testCIIsMirroredForHigherIsBetter() {
        XCTAssertEqual(
            latency.decide(deltaPct: -17, q: 0.001, better: .higher, ci: Interval(low: -25, high: -9)).verdict, .warn)
        XCTAssertEqual(
            latency.decide(deltaPct: -17, q: 0.001, better: .higher, ci: Interval(low: -19, high: -11)).verdict, .noise)
    }

    func testAWideCIDoesNotMakeANonSignificantChangeAnAlarm() {
        XCTAssertEqual(
            latency.decide(deltaPct: 30, q: 0.2, better: .lower, ci: Interval(low: -20, high: 80)).verdict, .noise)
    }

    /// Judged against measured run-to-run noise, a large non-significant change is what identical
    /// builds show on this runner: no alarm, and the reason says so.
    func testPastFailButNotSignificantAgainstRunToRunNoiseIsNoise() {
        let d = latency.decide(
            deltaPct: 60, q: 0.3, better: .lower, ci: Interval(low: -50, high: 170), runToRunNoiseKnown: true)
        XCTAssertEqual(d.verdict, .noise)
        XCTAssertTrue(d.reason.contains("run-to-run noise of A/A runs"), d.reason)
        XCTAssertEqual(latency.decide(deltaPct: 60, q: 0.001, better: .lower, runToRunNoiseKnown: true).verdict, .fail)
    }

    func testRuleFromThresholdsUsesTheLargerOfNoiseAndMeasuredFloor() {
        let t = Fixture.thresholds
        XCTAssertEqual(
            ChangeRule(thresholds: t, metricClass: .latency),
            ChangeRule(noisePct: 5, warnPct: 20, failPct: 50, alpha: 0.05))
        XCTAssertEqual(ChangeRule(thresholds: t, metricClass: .latency, noiseFloorPct: 8).noisePct, 8)
        XCTAssertEqual(ChangeRule(thresholds: t, metricClass: .memory).failPct, nil)
    }
}
