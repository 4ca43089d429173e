import BenchFormats
import Foundation
import Statistics

/// The tests of one metric against its baseline, before the multiplicity correction decides
/// its verdict (see `ChangeRule`).
public struct MetricComparison: Sendable {
    /// (mean − baseline mean)/|baseline mean| in percent: positive means the mean grew, whatever
    /// the sign of the baseline.
    public var deltaPct: Double
    public var ci: Interval?
    public var welch: WelchTest?
    public var mannWhitney: MannWhitneyTest?
    /// The p-value the false-discovery-rate control uses: the deciding test's (see `decidedBy`).
    public var p: Double
    public var testLevel: TestLevel
    /// The test whose p-value is `p`, with its statistic, in words, for the reason.
    public var decidedBy: String
    /// The change the deciding test detects with 80 % power at α, in percent; nil when undefined.
    public var minimumDetectablePct: Double?
    /// Tests reported but not deciding, tests that could not run, and why, for the reason.
    public var limitation: String?
    /// The deciding test weighed the run-to-run noise A/A runs measured (`ChangeRule` then treats
    /// a large non-significant change as what identical builds show).
    public var runToRunNoiseKnown: Bool
}

/// Compares a metric with its baseline on the *mean*, the statistic Welch's test is about.
///
/// - Run level (both sides have ≥ 2 repetitions): one value per repetition — the repetition's
///   mean, an average of many samples and so close to normal — is the unit of replication.
///   Welch's test on the run means decides, and the CI of the change is Fieller's interval with
///   Welch's degrees of freedom (`RelativeMeanChange`), which covers at its level from 2 runs a
///   side. Mann–Whitney (exact p for small samples) is reported beside it but never vetoes: with
///   a few run means its p cannot go below 2 / C(m + n, m), so letting it join would make five
///   repetitions less powerful than three. With a calibrated noise floor the run-to-run test on the
///   same means decides instead (its CV comes from ≥ 10 A/A runs, steadier than the few run means
///   at hand) and the CI is the hull of both intervals.
/// - Pooled (otherwise): Welch from the exact moments of both sides (the baseline keeps n, mean,
///   sd) and Mann–Whitney against the baseline's sample (a stored baseline keeps a stratified
///   sample of ≤ 2,000 values; `analyze compare` passes every value). Both must agree: p is the
///   larger of the two, and Mann–Whitney joins only when the smallest p it can compute for these
///   sample sizes reaches `rankTestReach` (the level a lone change needs to pass
///   Benjamini–Hochberg). The CI is a seeded percentile bootstrap of the relative change; it and
///   the p speak about these two runs only, unless the baseline carries an A/A noise floor: then
///   the run-level test of `RunToRunNoiseTest` joins (p is the largest of the tests) and the CI
///   becomes the hull of the bootstrap and run-level intervals.
///
/// Every number returned is finite: a test whose statistic is infinite (no spread on either side,
/// different means) is stated in words, and a change too large to express throws.
public enum BaselineComparison {
    public static let bootstrapCap = Baseline.maxSampleCount
    public static let bootstrapResamples = 2000
    /// Power at which the detectable effect is stated.
    static let statedPower = 0.8

    public static func compare(
        _ current: SummarizedMetric, baseline: BaselineMetric, seed: UInt64,
        alpha: Double, rankTestReach: Double
    ) throws -> MetricComparison {
        let curRuns = current.perRun.mean
        let baseRuns = baseline.perRun.mean
        let comparison =
            curRuns.count >= 2 && baseRuns.count >= 2
            ? try calibrated(
                try compareRuns(candidate: curRuns, baseline: baseRuns, alpha: alpha),
                baseline: baseline, candidateRuns: curRuns.count, alpha: alpha)
            : try comparePooled(current, baseline: baseline, seed: seed, alpha: alpha, rankTestReach: rankTestReach)
        return try finite(comparison, key: baseline.key)
    }

    static func compareRuns(candidate: [Double], baseline: [Double], alpha: Double) throws -> MetricComparison {
        let base = try SampleMoments(baseline), cur = try SampleMoments(candidate)
        let welch = try WelchTTest(baseline: base, candidate: cur)
        let change = try RelativeMeanChange(baseline: base, candidate: cur)
        let mw = try MannWhitneyU(candidate, baseline, method: .automatic)
        var limitation =
            "Mann–Whitney on the run means (\(mw.method == .exact ? "exact" : "asymptotic") p \(ChangeRule.formatRelation(mw.pValue))) is reported, not used: Welch's test decides at run level"
        if base.mean < 0 { limitation += "; " + negativeBaseline }
        if change.interval == nil {
            limitation +=
                "; the baseline's run means are not distinguishable from 0, so no interval of a relative change exists (Fieller)"
        }
        let relativeError = 100 * welch.standardError / abs(base.mean)
        return MetricComparison(
            deltaPct: 100 * change.estimate,
            ci: change.interval.map { Interval(low: 100 * $0.lower, high: 100 * $0.upper) },
            welch: WelchTest(t: welch.t, df: welch.degreesOfFreedom, p: welch.pValue),
            mannWhitney: MannWhitneyTest(u: mw.u, p: mw.pValue), p: welch.pValue, testLevel: .runs,
            decidedBy: "Welch's t-test on \(candidate.count) vs \(baseline.count) run means (\(describe(welch)))",
            minimumDetectablePct: try MinimumDetectableEffect.ofTTest(
                standardError: relativeError, degreesOfFreedom: welch.degreesOfFreedom,
                alpha: alpha, power: statedPower),
            limitation: limitation, runToRunNoiseKnown: false)
    }

    /// Run means on both sides and a noise floor with its run count: the run-to-run test decides
    /// (see the type's comment); Welch and Mann–Whitney are still reported.
    static func calibrated(
        _ runs: MetricComparison, baseline: BaselineMetric, candidateRuns: Int,
        alpha: Double
    ) throws -> MetricComparison {
        guard baseline.noiseFloorRuns != nil,
            let run = try RunToRunNoiseTest.test(
                deltaPct: runs.deltaPct, baseline: baseline, candidateRuns: candidateRuns)
        else { return runs }
        var decided = runs
        decided.p = run.p
        decided.ci =
            runs.ci.map { Interval(low: min($0.low, run.interval.low), high: max($0.high, run.interval.high)) }
            ?? run.interval
        decided.decidedBy = RunToRunNoiseTest.describe(run, floorPct: baseline.noiseFloorPct!)
        decided.minimumDetectablePct = try RunToRunNoiseTest.minimumDetectablePct(run, alpha: alpha, power: statedPower)
        decided.limitation = join(
            "Welch's test on the run means is reported (p \(ChangeRule.formatRelation(runs.p))), not used",
            runs.limitation)
        decided.runToRunNoiseKnown = true
        return decided
    }

    static func comparePooled(
        _ current: SummarizedMetric, baseline: BaselineMetric, seed: UInt64,
        alpha: Double, rankTestReach: Double
    ) throws -> MetricComparison {
        let cur = current.result
        let base = baseline.summary
        let sides = "\(cur.runs) vs \(base.runs) repetition(s)"
        let delta = 100 * (try RelativeMeanChange.fraction(from: base.mean, to: cur.mean))
        var limitations = base.mean < 0 ? [negativeBaseline] : []
        // The tests whose p-values must all be small; the largest decides.
        var tests: [(name: String, p: Double, mde: Double?)] = []
        var welch: WelchTest?
        if cur.n >= 2, base.n >= 2, let sdB = base.sd, let sdC = cur.sd {
            let w = try WelchTTest(
                baseline: SampleMoments(count: base.n, mean: base.mean, standardDeviation: sdB),
                candidate: SampleMoments(count: cur.n, mean: cur.mean, standardDeviation: sdC))
            welch = WelchTest(t: w.t, df: w.degreesOfFreedom, p: w.pValue)
            let mde = try MinimumDetectableEffect.ofTTest(
                standardError: 100 * w.standardError / abs(base.mean),
                degreesOfFreedom: w.degreesOfFreedom, alpha: alpha, power: statedPower)
            tests.append(("Welch's t-test on the pooled samples of \(sides) (\(describe(w)))", w.pValue, mde))
        } else {
            limitations.append("Welch's test needs ≥ 2 values per side (this run \(cur.n), baseline \(base.n))")
        }
        var mw: MannWhitneyTest?
        if !baseline.sample.isEmpty {
            let m = try MannWhitneyU(current.sorted, baseline.sample, method: .automatic)
            mw = MannWhitneyTest(u: m.u, p: m.pValue)
            let reach =
                m.method == .exact
                ? MannWhitneyU.smallestTwoSidedP(current.sorted.count, baseline.sample.count)
                : MannWhitneyU.smallestAsymptoticTwoSidedP(current.sorted.count, baseline.sample.count)
            let name =
                "Mann–Whitney on the pooled samples (\(m.method == .exact ? "exact" : "asymptotic") p \(ChangeRule.formatRelation(m.pValue)))"
            if reach <= rankTestReach {
                tests.append((name, m.pValue, nil))
            } else {
                limitations.append(
                    "\(name) is reported, not used: with \(current.sorted.count) and \(baseline.sample.count) values its smallest possible p is \(String(format: "%.3g", reach)), above the \(String(format: "%.3g", rankTestReach)) a lone change needs"
                )
            }
        } else {
            limitations.append("the baseline keeps no sample values for Mann–Whitney")
        }
        var ci: Interval?
        if baseline.sample.count >= 2, current.sorted.count >= 2 {
            let candidate = Baseline.stratifiedSample(sorted: current.sorted, maxCount: bootstrapCap)
            let reference = Baseline.stratifiedSample(sorted: baseline.sample, maxCount: bootstrapCap)
            let boot = try BootstrapRelativeDifference(
                baseline: reference, candidate: candidate, statistic: .mean,
                resamples: bootstrapResamples, seed: seed)
            ci = Interval(low: 100 * boot.interval.lower, high: 100 * boot.interval.upper)
        }
        var runToRunNoiseKnown = false
        if let run = try RunToRunNoiseTest.test(deltaPct: delta, baseline: baseline, candidateRuns: cur.runs) {
            tests.append(
                (
                    RunToRunNoiseTest.describe(run, floorPct: baseline.noiseFloorPct!), run.p,
                    try RunToRunNoiseTest.minimumDetectablePct(run, alpha: alpha, power: statedPower)
                ))
            ci =
                ci.map { Interval(low: min($0.low, run.interval.low), high: max($0.high, run.interval.high)) }
                ?? run.interval
            runToRunNoiseKnown = true
        } else {
            limitations.append(
                "no A/A noise floor in the baseline, so the test speaks about these two runs only (run `analyze noise --update-baseline` so run-to-run noise counts)"
            )
        }
        // A test that could not run gives no evidence: p = 1.
        let decider = tests.max { $0.p < $1.p }
        let others = tests.filter { $0.name != decider?.name }.map(\.name)
        if !others.isEmpty { limitations.insert("also required: " + others.joined(separator: ", "), at: 0) }
        // The combined test detects a change only when every one of its tests does.
        let mdes = tests.compactMap(\.mde)
        return MetricComparison(
            deltaPct: delta, ci: ci, welch: welch, mannWhitney: mw, p: decider?.p ?? 1,
            testLevel: .pooledSamples,
            decidedBy: decider.map { "the largest p, " + $0.name } ?? "no test could run",
            minimumDetectablePct: mdes.max(),
            limitation: limitations.isEmpty ? nil : limitations.joined(separator: "; "),
            runToRunNoiseKnown: runToRunNoiseKnown)
    }

    static let negativeBaseline = "the baseline mean is negative, so the change is relative to its magnitude"

    /// "t = 2.31, df = 5.8, p = 0.061" (t = ∞ when neither side varies).
    static func describe(_ w: WelchTTest) -> String {
        let t = w.t.isFinite ? String(format: "%.3g", w.t) : (w.t > 0 ? "∞" : "−∞")
        return "t = \(t), df = \(String(format: "%.3g", w.degreesOfFreedom)), p \(ChangeRule.formatRelation(w.pValue))"
    }

    static func join(_ first: String?, _ second: String?) -> String? {
        let parts = [first, second].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    /// Keeps every number writable: an infinite Welch t (both sides without spread, different
    /// means) is said in words and left out of `welch`; any other non-finite value is an error.
    static func finite(_ c: MetricComparison, key: MetricKey) throws -> MetricComparison {
        var c = c
        if let w = c.welch, !w.t.isFinite {
            c.welch = nil
            c.limitation = join(
                "neither side varies and the means differ, so Welch's t is infinite (p = 0)", c.limitation)
        }
        let numbers = [
            c.deltaPct, c.p, c.ci?.low ?? 0, c.ci?.high ?? 0, c.welch?.t ?? 0, c.welch?.df ?? 0, c.welch?.p ?? 0,
            c.mannWhitney?.u ?? 0, c.mannWhitney?.p ?? 0, c.minimumDetectablePct ?? 0,
        ]
        guard numbers.allSatisfy(\.isFinite) else {
            throw AnalysisError.badInput(
                file: "baseline", line: nil,
                problem:
                    "metric \(key) gives a change that cannot be expressed as a finite number (delta \(c.deltaPct) %)",
                fix: "check that the run and the baseline measure the metric in the same unit")
        }
        return c
    }
}
