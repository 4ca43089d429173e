/// The smallest relative change a two-sided comparison of n runs per side can reliably detect,
/// given the run-to-run coefficient of variation measured on identical code (A/A runs).
///
/// Normal approximation for a two-sample comparison of means with equal n and equal variance:
/// MDE = (z_{1−α/2} + z_{power}) · CV · √(2/n), returned in percent of the mean. With CV = 5 %,
/// n = 10, α = 0.05 and power 0.8 it is 2.8016 · 0.05 · √0.2 ≈ 6.26 %: smaller regressions will
/// usually go unnoticed, and reports should say so. For small n the t distribution would give a
/// somewhat larger value; the approximation is stated alongside the number.
public enum MinimumDetectableEffect {
    public static func percent(
        coefficientOfVariation cv: Double, runsPerSide n: Int, alpha: Double = 0.05, power: Double = 0.8
    ) throws -> Double {
        let function = "MinimumDetectableEffect.percent"
        guard cv >= 0 && cv.isFinite else {
            throw StatisticsError.invalidParameter(
                function: function, argument: "coefficientOfVariation", value: cv,
                expected: "a finite value ≥ 0 (σ/mean, e.g. 0.05)")
        }
        guard n >= 1 else {
            throw StatisticsError.invalidParameter(
                function: function, argument: "runsPerSide", value: Double(n), expected: "at least 1")
        }
        try Validate.openUnitInterval(alpha, function: function, argument: "alpha")
        try Validate.openUnitInterval(power, function: function, argument: "power")
        let z = NormalDistribution.unitQuantile(1 - alpha / 2) + NormalDistribution.unitQuantile(power)
        return 100 * z * cv * (2 / Double(n)).squareRoot()
    }

    /// The smallest change a two-sided t-test whose estimate has standard error `standardError`
    /// (in the unit the answer is wanted in, e.g. percent of the baseline) and ν degrees of
    /// freedom detects with the given power: (t_{1−α/2,ν} + t_{power,ν}) · SE, the usual
    /// approximation of the noncentral t (scipy's `nct` gives 78.4 % power at this effect for
    /// ν = 3, 79.5 % for ν = 5 and 79.9 % for ν = 9 when 80 % is asked). This is the detectable effect of the test that was actually run, with
    /// its own standard error and degrees of freedom, rather than the equal-n normal formula above.
    public static func ofTTest(
        standardError: Double, degreesOfFreedom df: Double, alpha: Double = 0.05, power: Double = 0.8
    ) throws -> Double {
        let function = "MinimumDetectableEffect.ofTTest"
        guard standardError >= 0 && standardError.isFinite else {
            throw StatisticsError.invalidParameter(
                function: function, argument: "standardError", value: standardError, expected: "a finite value ≥ 0")
        }
        guard df > 0 && !df.isNaN else {
            throw StatisticsError.invalidParameter(
                function: function, argument: "degreesOfFreedom", value: df, expected: "a value > 0")
        }
        try Validate.openUnitInterval(alpha, function: function, argument: "alpha")
        try Validate.openUnitInterval(power, function: function, argument: "power")
        return (StudentT.unitQuantile(1 - alpha / 2, df) + StudentT.unitQuantile(power, df)) * standardError
    }
}
