import BenchFormats
import Statistics

/// States the smallest change a comparison could have detected, when an A/A noise floor is known
/// (`analyze noise --update-baseline`): a "noise" verdict on a metric whose detectable effect is
/// 40 % says little, and the report must say so rather than imply the code is unchanged.
enum MinimumDetectableChange {
    /// "minimum detectable effect ≈ 6.3 % (80 % power, n runs per side, A/A noise 5.0 %)", or nil
    /// when the baseline has no measured noise floor.
    static func describe(baseline: BaselineMetric, currentRuns: Int, alpha: Double) -> String? {
        guard let floor = baseline.noiseFloorPct, floor.isFinite, floor >= 0 else { return nil }
        let runs = max(1, min(currentRuns, baseline.summary.runs))
        guard let mde = try? MinimumDetectableEffect.percent(coefficientOfVariation: floor / 100, runsPerSide: runs,
                                                             alpha: alpha, power: 0.8) else { return nil }
        return "minimum detectable effect ≈ \(ChangeRule.formatPct(mde, signed: false)) at 80 % power with \(runs) run(s) per side (A/A run-to-run noise \(ChangeRule.formatPct(floor, signed: false)))"
    }
}
