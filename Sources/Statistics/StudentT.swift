import Foundation

/// Student's t distribution with ν degrees of freedom (ν may be fractional, as Welch's df is, or
/// +∞, which is the standard normal).
///
/// Tail areas come from the regularized incomplete beta: P(|T| > t) = I_x(ν/2, ½) with
/// x = ν/(ν + t²), and 1 − x = t²/(ν + t²) computed separately so large ν loses no digits.
public enum StudentT {
    /// Beyond this many degrees of freedom the t and normal CDFs differ by less than ~1e-13 and the
    /// normal is used (the incomplete beta would need O(√ν) continued-fraction terms).
    static let normalLimit = 1e12

    /// P(T ≤ t).
    public static func cdf(_ t: Double, degreesOfFreedom df: Double) throws -> Double {
        try validate(t: t, df: df, function: "StudentT.cdf")
        let tail = 0.5 * twoSidedTail(t, df)
        return t < 0 ? tail : 1 - tail
    }

    /// Two-sided p-value P(|T| ≥ |t|), accurate in relative terms even when tiny.
    public static func twoSidedP(_ t: Double, degreesOfFreedom df: Double) throws -> Double {
        try validate(t: t, df: df, function: "StudentT.twoSidedP")
        return twoSidedTail(t, df)
    }

    /// The p-quantile: the t with P(T ≤ t) = p, for 0 ≤ p ≤ 1 (±∞ at the ends).
    public static func quantile(_ p: Double, degreesOfFreedom df: Double) throws -> Double {
        try Validate.inRange(p, 0, 1, function: "StudentT.quantile", argument: "p")
        try validate(t: 0, df: df, function: "StudentT.quantile")
        return unitQuantile(p, df)
    }

    private static func validate(t: Double, df: Double, function: String) throws {
        guard !t.isNaN else {
            throw StatisticsError.invalidParameter(function: function, argument: "t", value: t, expected: "a number")
        }
        guard df > 0 else {
            throw StatisticsError.invalidParameter(
                function: function, argument: "degreesOfFreedom", value: df, expected: "a value > 0 (or +infinity)")
        }
    }

    /// P(|T| ≥ |t|) without validation.
    static func twoSidedTail(_ t: Double, _ df: Double) -> Double {
        if df > normalLimit { return 2 * NormalDistribution.survival(abs(t)) }
        let tSquared = t * t
        if tSquared.isInfinite { return 0 }
        let denominator = df + tSquared
        return IncompleteBeta.pair(x: df / denominator, y: tSquared / denominator, a: df / 2, b: 0.5).value
    }

    /// Density, used for Newton steps in `unitQuantile`.
    static func density(_ t: Double, _ df: Double) -> Double {
        if df > normalLimit { return NormalDistribution.pdf(t) }
        return exp(-(df + 1) / 2 * log1p(t * t / df) - 0.5 * log(df) - LogBeta.logBeta(df / 2, 0.5))
    }

    /// Inverts the upper tail: finds t ≥ 0 with ½·twoSidedTail(t) = q, where q = min(p, 1 − p) is
    /// exact. A bracket [low, high] is kept; Newton steps that leave it are replaced by bisection,
    /// so the iteration cannot diverge in the heavy tails of small ν.
    static func unitQuantile(_ p: Double, _ df: Double) -> Double {
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p == 0.5 { return 0 }
        let q = p < 0.5 ? p : 1 - p
        let sign: Double = p < 0.5 ? -1 : 1
        if df > normalLimit { return sign * -NormalDistribution.unitQuantile(q) }
        let upperTail = { (t: Double) in 0.5 * twoSidedTail(t, df) }
        var low = 0.0
        var high = max(1, -NormalDistribution.unitQuantile(q))
        while upperTail(high) > q {
            low = high
            high *= 2
        }
        var t = high
        for _ in 0..<400 {
            let excess = upperTail(t) - q
            if excess == 0 { break }
            if excess > 0 { low = t } else { high = t }
            var next = t + excess / density(t, df)
            if !(next > low && next < high) {
                // Geometric bisection copes with brackets spanning many orders of magnitude.
                next = low > 0 ? (low * high).squareRoot() : high / 2
            }
            if abs(next - t) <= 4 * Double.ulpOfOne * t { t = next; break }
            t = next
        }
        return sign * t
    }
}
