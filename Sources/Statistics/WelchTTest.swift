/// Welch's unequal-variance t-test for a difference of means.
///
/// t = (x̄₂ − x̄₁) / √(s₁²/n₁ + s₂²/n₂), degrees of freedom by Welch–Satterthwaite
/// ν = (s₁²/n₁ + s₂²/n₂)² / [(s₁²/n₁)²/(n₁ − 1) + (s₂²/n₂)²/(n₂ − 1)], and the exact two-sided
/// p-value from the Student t distribution with fractional ν. Equals
/// `scipy.stats.ttest_ind(candidate, baseline, equal_var=False)`.
///
/// Run-level vs pooled: with several runs per side, pass the run-level statistics (one value per
/// run); with one run per side, pass the pooled samples of the two runs — the same test, but its
/// p-value then speaks only about those two runs, which the caller must state.
///
/// Zero variance on both sides (the formula is 0/0), handled deterministically instead of NaN:
/// identical constants → t = 0, p = 1; different constants → t = ±∞, p = 0. In both cases the
/// degrees of freedom are reported as n₁ + n₂ − 2. A t of ±∞ is a valid result here (and, for
/// means near the largest Double over a tiny spread, an overflowed one): callers that write
/// results must state it in words rather than encode it.
public struct WelchTTest: Equatable, Sendable {
    /// Positive when the candidate mean is larger.
    public let t: Double
    public let degreesOfFreedom: Double
    public let pValue: Double
    /// x̄₂ − x̄₁.
    public let meanDifference: Double
    /// √(s₁²/n₁ + s₂²/n₂).
    public let standardError: Double

    /// Tests `baseline` (sample 1) against `candidate` (sample 2); each needs two values.
    public init(baseline: [Double], candidate: [Double]) throws {
        let function = "WelchTTest"
        try Validate.count(baseline, atLeast: 2, function: function, argument: "baseline")
        try Validate.count(candidate, atLeast: 2, function: function, argument: "candidate")
        try self.init(
            baseline: SampleMoments(baseline, function: function, argument: "baseline"),
            candidate: SampleMoments(candidate, function: function, argument: "candidate"))
    }

    /// The test from summary moments (each count ≥ 2).
    public init(baseline: SampleMoments, candidate: SampleMoments) throws {
        for (name, moments) in [("baseline", baseline), ("candidate", candidate)] where moments.count < 2 {
            throw StatisticsError.tooFewValues(function: "WelchTTest", argument: name, needed: 2, got: moments.count)
        }
        let n1 = Double(baseline.count)
        let n2 = Double(candidate.count)
        // Standard errors, not variances: the squares of spreads near 10¹⁵⁴ overflow and those
        // near 10⁻¹⁶² underflow. The shares are taken relative to the larger standard error,
        // which leaves t and ν unchanged and keeps every intermediate near 1.
        let error1 = baseline.standardError
        let error2 = candidate.standardError
        let scale = max(error1, error2)
        // Halves cannot overflow even for means of opposite sign near the largest Double.
        let halfDifference = candidate.mean / 2 - baseline.mean / 2
        meanDifference = 2 * halfDifference
        if scale == 0 {
            standardError = 0
            degreesOfFreedom = n1 + n2 - 2
            if halfDifference == 0 {
                (t, pValue) = (0, 1)
            } else {
                (t, pValue) = (halfDifference > 0 ? .infinity : -.infinity, 0)
            }
            return
        }
        let share1 = (error1 / scale) * (error1 / scale)
        let share2 = (error2 / scale) * (error2 / scale)
        let relativeVariance = share1 + share2
        standardError = scale * relativeVariance.squareRoot()
        t = halfDifference / (scale / 2) / relativeVariance.squareRoot()
        degreesOfFreedom =
            relativeVariance * relativeVariance
            / (share1 * share1 / (n1 - 1) + share2 * share2 / (n2 - 1))
        pValue = StudentT.twoSidedTail(t, degreesOfFreedom)
    }
}
