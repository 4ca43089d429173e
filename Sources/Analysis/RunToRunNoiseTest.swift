import BenchFormats
import Statistics

/// With a single run on a side, the pooled tests treat every sample of that run as independent,
/// but on a shared machine whole runs move together (load from other jobs shifts every latency of
/// a run): measured A/A runs of one build on this project's 2-core runner differ by tens of per
/// cent while each run's thousands of samples make Welch's p tiny. The A/A noise floor (the
/// coefficient of variation of run means, `analyze noise`) is the run-to-run spread, so it can
/// judge a single run the way a run-level test would.
///
/// The candidate's mean over m runs is compared with the baseline's mean over k runs, both drawn
/// from runs whose spread is CV·mean: relative change δ has standard error CV·√(1/m + 1/k), and
/// t = δ / SE follows Student t with the calibration's n − 1 degrees of freedom (the CV is
/// estimated from n runs). This is the prediction-interval test of one new run against a set of
/// runs (Bencher's t-test threshold model uses the same √(1 + 1/k) factor). The 95 % interval
/// δ ± t₀.₉₇₅,ₙ₋₁ · SE is the change's CI at run level.
public enum RunToRunNoiseTest {
    public struct Result: Equatable, Sendable {
        public var t: Double
        public var df: Double
        public var p: Double
        /// 95 % interval of the change, in percent.
        public var interval: Interval
        /// Standard error of the change, in percent: CV·√(1/m + 1/k).
        public var standardErrorPct: Double
        public var calibrationRuns: Int
        /// The baseline stored no run count (written before it was kept): the fewest runs a floor
        /// can come from, 2, was assumed, which gives the widest interval.
        public var assumedRuns: Bool
    }

    /// nil when the baseline has no noise floor (nothing is known about run-to-run spread).
    public static func test(deltaPct: Double, baseline: BaselineMetric, candidateRuns: Int) throws -> Result? {
        guard let floor = baseline.noiseFloorPct, floor.isFinite, floor > 0 else { return nil }
        let n = baseline.noiseFloorRuns ?? 2
        guard n >= 2 else { return nil }
        let se = floor * (1 / Double(max(1, candidateRuns)) + 1 / Double(max(1, baseline.summary.runs))).squareRoot()
        let df = Double(n - 1)
        let t = deltaPct / se
        let half = try StudentT.quantile(0.975, degreesOfFreedom: df) * se
        return Result(
            t: t, df: df, p: try StudentT.twoSidedP(t, degreesOfFreedom: df),
            interval: Interval(low: deltaPct - half, high: deltaPct + half), standardErrorPct: se,
            calibrationRuns: n, assumedRuns: baseline.noiseFloorRuns == nil)
    }

    /// The change this test detects with `power` at α: its own standard error and degrees of freedom.
    static func minimumDetectablePct(_ r: Result, alpha: Double, power: Double) throws -> Double {
        try MinimumDetectableEffect.ofTTest(
            standardError: r.standardErrorPct, degreesOfFreedom: r.df, alpha: alpha, power: power)
    }

    /// "the run-to-run test against the baseline's run-to-run noise 12.0 % from 10 A/A runs (t = 1.23, df = 9, p = 0.25)".
    static func describe(_ r: Result, floorPct: Double) -> String {
        let runs =
            r.assumedRuns
            ? "an unknown number of A/A runs (2 assumed; re-run `analyze noise --update-baseline`)"
            : "\(r.calibrationRuns) A/A runs"
        return
            "the run-to-run test against the baseline's run-to-run noise \(ChangeRule.formatPct(floorPct, signed: false)) from \(runs) (t = \(String(format: "%.3g", r.t)), df = \(Int(r.df)), p \(ChangeRule.formatRelation(r.p)))"
    }
}
