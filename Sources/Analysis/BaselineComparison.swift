import BenchFormats
import Statistics

/// The tests of one metric against its baseline, before the multiplicity correction decides
/// its verdict (see `ChangeDecision`).
public struct MetricComparison: Sendable {
    public var deltaPct: Double
    public var ci: Interval?
    public var welch: WelchTest?
    public var mannWhitney: MannWhitneyTest?
    /// The p-value the false-discovery-rate control uses: the larger of Welch's and
    /// Mann–Whitney's, so a change counts only when the mean test *and* the rank test agree
    /// (a few outliers cannot carry Welch alone, a shape change alone cannot carry Mann–Whitney).
    /// The maximum of two valid p-values is itself a valid (conservative) p-value. At run level,
    /// Welch's alone when the rank test cannot reach significance, and the calibrated run-to-run
    /// test's when the baseline has a noise floor (see `BaselineComparison`).
    public var p: Double
    public var testLevel: TestLevel
    /// Why a test could not run (too few values), for the reason text.
    public var limitation: String?
    /// The run-level test from the baseline's A/A noise floor, for the reason text.
    public var runToRunNote: String?
}

/// Compares a metric with its baseline on the *mean*, the statistic Welch's test is about.
///
/// - Run level (both sides have ≥ 2 repetitions): one value per repetition — the repetition's
///   mean — is the unit of replication; Welch, Mann–Whitney and the bootstrap run on those, and
///   with a calibrated noise floor the run-to-run test on it decides.
/// - Pooled (otherwise): Welch from the exact moments of both sides (the baseline keeps n, mean,
///   sd); Mann–Whitney against the baseline's sample (a stored baseline keeps a stratified sample
///   of ≤ 2,000 values, so its p-value is conservative when the baseline had more; `analyze
///   compare` passes every value). The result says `pooled_samples`.
///
/// The 95 % CI of the change is a seeded percentile bootstrap of mean(candidate)/mean(baseline) − 1.
/// Pooled, it resamples at most `bootstrapCap` values per side (stratified): with more values the
/// interval is wider than necessary, never narrower.
///
/// Pooled samples know nothing of how much whole runs differ. When the baseline carries an A/A
/// noise floor, the run-level test of `RunToRunNoiseTest` joins the two sample tests (p is the
/// largest of the three) and the CI becomes the hull of the bootstrap and run-level intervals, so
/// a shift that A/A runs of this build show by chance is neither significant nor certain.
public enum BaselineComparison {
    public static let bootstrapCap = Baseline.maxSampleCount
    public static let bootstrapResamples = 2000

    public static func compare(_ current: SummarizedMetric, baseline: BaselineMetric, seed: UInt64) throws -> MetricComparison {
        let curRuns = current.perRun.mean
        let baseRuns = baseline.perRun.mean
        if curRuns.count >= 2 && baseRuns.count >= 2 {
            return try calibrated(try compareRuns(candidate: curRuns, baseline: baseRuns, seed: seed),
                                  baseline: baseline, candidateRuns: curRuns.count)
        }
        return try comparePooled(current, baseline: baseline, seed: seed)
    }

    static func compareRuns(candidate: [Double], baseline: [Double], seed: UInt64) throws -> MetricComparison {
        let welch = try WelchTTest(baseline: baseline, candidate: candidate)
        let mw = try MannWhitneyU(candidate, baseline)
        let boot = try BootstrapRelativeDifference(baseline: baseline, candidate: candidate, statistic: .mean,
                                                   resamples: bootstrapResamples, seed: seed)
        let smallest = MannWhitneyU.smallestTwoSidedP(candidate.count, baseline.count)
        let rankTestDecides = smallest <= rankTestMinimumReach
        let limitation = rankTestDecides ? nil
            : "Mann–Whitney on \(candidate.count) vs \(baseline.count) runs cannot reach p < \(rankTestMinimumReach) "
              + "(its smallest possible p is \(String(format: "%.3g", smallest))): Welch's test on the run means decides"
        return MetricComparison(
            deltaPct: 100 * boot.estimate, ci: Interval(low: 100 * boot.interval.lower, high: 100 * boot.interval.upper),
            welch: WelchTest(t: welch.t, df: welch.degreesOfFreedom, p: welch.pValue),
            mannWhitney: MannWhitneyTest(u: mw.u, p: mw.pValue),
            p: rankTestDecides ? max(welch.pValue, mw.pValue) : welch.pValue,
            testLevel: .runs, limitation: limitation, runToRunNote: nil)
    }

    /// Run means on both sides, and a noise floor measured by at least `RunToRunNoiseTest`'s
    /// calibration (its run count known): the floor's CV comes from ≥ 2, typically 10, A/A runs of
    /// the baseline build, a steadier estimate of run-to-run spread than Welch's from the 3 + 5 run
    /// means at hand (about 5 degrees of freedom), so the calibrated test decides; Welch and
    /// Mann–Whitney are still reported. The CI is the hull of the bootstrap and run-level intervals.
    static func calibrated(_ runs: MetricComparison, baseline: BaselineMetric, candidateRuns: Int) throws -> MetricComparison {
        guard baseline.noiseFloorRuns != nil,
              let run = try RunToRunNoiseTest.test(deltaPct: runs.deltaPct, baseline: baseline, candidateRuns: candidateRuns)
        else { return runs }
        var decided = runs
        decided.p = run.p
        decided.ci = runs.ci.map { Interval(low: min($0.low, run.interval.low), high: max($0.high, run.interval.high)) } ?? run.interval
        decided.runToRunNote = RunToRunNoiseTest.describe(run, floorPct: baseline.noiseFloorPct!)
        return decided
    }

    /// A rank test on m and n run means never gives a two-sided p below 2 / C(m + n, m) (every
    /// ordering is equally likely under no change): 0.036 for 3 against 5 runs, which the
    /// Benjamini–Hochberg step across a run's metrics practically never lets through. Taking the
    /// larger of the two p-values would then call every run-level change "not significant", so
    /// Mann–Whitney joins Welch only when it can reach this level (from 5 against 5 runs).
    static let rankTestMinimumReach = 0.01

    static func comparePooled(_ current: SummarizedMetric, baseline: BaselineMetric, seed: UInt64) throws -> MetricComparison {
        let cur = current.result
        let base = baseline.summary
        guard base.mean != 0 else {
            throw AnalysisError.badInput(file: "baseline", line: nil,
                                         problem: "metric \(baseline.key) has a mean of 0, so a relative change is undefined",
                                         fix: "re-record the baseline with --update-baseline from a run that measured it")
        }
        let delta = 100 * (cur.mean / base.mean - 1)
        var limitations: [String] = []
        var welch: WelchTest?
        if cur.n >= 2, base.n >= 2, let sdB = base.sd, let sdC = cur.sd {
            let w = try WelchTTest(baseline: SampleMoments(count: base.n, mean: base.mean, variance: sdB * sdB),
                                   candidate: SampleMoments(count: cur.n, mean: cur.mean, variance: sdC * sdC))
            welch = WelchTest(t: w.t, df: w.degreesOfFreedom, p: w.pValue)
        } else {
            limitations.append("Welch's test needs ≥ 2 values per side (this run \(cur.n), baseline \(base.n))")
        }
        var mw: MannWhitneyTest?
        if !baseline.sample.isEmpty {
            let m = try MannWhitneyU(current.sorted, baseline.sample)
            mw = MannWhitneyTest(u: m.u, p: m.pValue)
        } else {
            limitations.append("the baseline keeps no sample values for Mann–Whitney")
        }
        var ci: Interval?
        if !baseline.sample.isEmpty {
            let candidate = Baseline.stratifiedSample(sorted: current.sorted, maxCount: bootstrapCap)
            let reference = Baseline.stratifiedSample(sorted: baseline.sample, maxCount: bootstrapCap)
            let boot = try BootstrapRelativeDifference(baseline: reference, candidate: candidate, statistic: .mean,
                                                       resamples: bootstrapResamples, seed: seed)
            ci = Interval(low: 100 * boot.interval.lower, high: 100 * boot.interval.upper)
        }
        // A test that could not run gives no evidence: p = 1.
        var p = max(welch?.p ?? 1, mw?.p ?? 1)
        var runToRunNote: String?
        if let run = try RunToRunNoiseTest.test(deltaPct: delta, baseline: baseline, candidateRuns: cur.runs) {
            p = max(p, run.p)
            ci = ci.map { Interval(low: min($0.low, run.interval.low), high: max($0.high, run.interval.high)) } ?? run.interval
            runToRunNote = RunToRunNoiseTest.describe(run, floorPct: baseline.noiseFloorPct!)
        }
        return MetricComparison(deltaPct: delta, ci: ci, welch: welch, mannWhitney: mw, p: p,
                                testLevel: .pooledSamples,
                                limitation: limitations.isEmpty ? nil : limitations.joined(separator: "; "),
                                runToRunNote: runToRunNote)
    }
}
