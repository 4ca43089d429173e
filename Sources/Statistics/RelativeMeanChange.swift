/// The relative change of a mean, (x̄_c − x̄_b)/|x̄_b|, with Fieller's confidence interval.
///
/// Sign-safe: the change is taken against the baseline's magnitude, so a mean going from −10 to
/// +10 is +200 % (it grew) rather than the −200 % of x̄_c/x̄_b − 1. For a positive baseline the
/// two formulas agree bit for bit.
///
/// Fieller's interval for ρ = μ_c/μ_b is the set of ρ the t-test of μ_c − ρ·μ_b = 0 does not
/// reject: (x̄_c − ρx̄_b)² ≤ t²(v_c + ρ²v_b) with v = s²/n, i.e. the roots of
/// (x̄_b² − t²v_b)ρ² − 2x̄_c x̄_b ρ + (x̄_c² − t²v_c) ≤ 0, with t the Student quantile at
/// Welch–Satterthwaite's ν. At ρ = 1 the test is Welch's, so the interval excludes a change of 0
/// exactly when Welch's test rejects at 1 − level. When x̄_b² ≤ t²v_b the baseline mean is not
/// distinguishable from 0 and no bounded interval exists (`interval` is nil). Each side needs
/// two values: with one, its spread (and so any interval) is unknown.
public struct RelativeMeanChange: Equatable, Sendable {
    /// (x̄_c − x̄_b)/|x̄_b| as a fraction (0.12 = +12 %).
    public let estimate: Double
    /// Fieller's interval of the same quantity; nil when unbounded.
    public let interval: ConfidenceInterval?
    /// Welch–Satterthwaite degrees of freedom of the t quantile.
    public let degreesOfFreedom: Double

    /// (c − b)/|b| as a fraction; throws when b = 0 or the result overflows.
    public static func fraction(from baseline: Double, to candidate: Double) throws -> Double {
        let function = "RelativeMeanChange.fraction"
        guard baseline != 0 else {
            throw StatisticsError.degenerate(
                function: function, reason: "the baseline mean is 0, so a relative change is undefined")
        }
        let change = baseline > 0 ? candidate / baseline - 1 : candidate / -baseline + 1
        guard change.isFinite else {
            throw StatisticsError.degenerate(
                function: function,
                reason: "the change from \(baseline) to \(candidate) is too large to express relative to the baseline")
        }
        return change
    }

    public init(baseline: SampleMoments, candidate: SampleMoments, level: Double = 0.95) throws {
        let function = "RelativeMeanChange"
        for (name, moments) in [("baseline", baseline), ("candidate", candidate)] where moments.count < 2 {
            throw StatisticsError.tooFewValues(function: function, argument: name, needed: 2, got: moments.count)
        }
        try Validate.openUnitInterval(level, function: function, argument: "level")
        estimate = try Self.fraction(from: baseline.mean, to: candidate.mean)
        let welch = try WelchTTest(baseline: baseline, candidate: candidate)
        degreesOfFreedom = welch.degreesOfFreedom
        let t = StudentT.unitQuantile(0.5 + level / 2, degreesOfFreedom)
        // Everything relative to the largest of the four magnitudes, so no square overflows.
        let scale = max(abs(baseline.mean), abs(candidate.mean), baseline.standardError, candidate.standardError)
        let meanB = baseline.mean / scale, meanC = candidate.mean / scale
        let errorB = baseline.standardError / scale, errorC = candidate.standardError / scale
        let a = meanB * meanB - t * t * errorB * errorB
        let b = meanC * meanB
        let c = meanC * meanC - t * t * errorC * errorC
        let discriminant = b * b - a * c
        guard a > 0, discriminant >= 0 else {
            interval = nil
            return
        }
        let root = discriminant.squareRoot()
        let (low, high) = ((b - root) / a, (b + root) / a)
        // ρ − 1 for a positive baseline; 1 − ρ (the bounds swap) for a negative one.
        interval =
            baseline.mean > 0
            ? ConfidenceInterval(lower: low - 1, upper: high - 1, level: level)
            : ConfidenceInterval(lower: 1 - high, upper: 1 - low, level: level)
    }
}
