/// States the smallest change the deciding test could have detected: a "noise" verdict from a
/// test whose detectable effect is 40 % says little, and the report must say so rather than imply
/// the code is unchanged. The figure is the deciding test's own (its standard error and degrees
/// of freedom), at α for this metric alone, before the correction across metrics.
enum MinimumDetectableChange {
    /// "minimum detectable effect ≈ 6.3 % (80 % power at α = 0.05, for the test that decided)".
    static func describe(percent: Double, alpha: Double) -> String {
        "minimum detectable effect of that test ≈ \(ChangeRule.formatPct(percent, signed: false)) (80 % power at α = \(ChangeRule.formatP(alpha)) for this metric alone)"
    }
}
