import Foundation

/// log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b), accurate when a or b is large.
///
/// Why not just sum three `lgamma` calls: for a t distribution with 10⁷ degrees of freedom the
/// terms are ~10⁸ and cancel to ~10, losing 7 digits. Instead the large arguments are expanded with
/// Stirling's formula so the big terms cancel algebraically, and only the small Stirling
/// corrections are evaluated numerically.
enum LogBeta {
    /// Arguments at or above this use the Stirling expansion (the correction series below is
    /// accurate to ~10⁻¹⁸ there).
    static let stirlingThreshold = 10.0
    static let halfLogTwoPi = 0.918_938_533_204_672_741_78

    static func logBeta(_ a: Double, _ b: Double) -> Double {
        let p = min(a, b)
        let q = max(a, b)
        let ratio = p / (p + q)
        if p >= stirlingThreshold {
            let correction = stirlingCorrection(p) + stirlingCorrection(q) - stirlingCorrection(p + q)
            return -0.5 * log(q) + halfLogTwoPi + correction
                + (p - 0.5) * log(ratio) + q * log1p(-ratio)
        }
        if q >= stirlingThreshold {
            let correction = stirlingCorrection(q) - stirlingCorrection(p + q)
            return lgamma(p) + correction + p - p * log(p + q) + (q - 0.5) * log1p(-ratio)
        }
        return lgamma(p) + lgamma(q) - lgamma(p + q)
    }

    /// log Γ(x) − [(x − ½) log x − x + ½ log 2π] for x ≥ 10, by the asymptotic series
    /// Σ B₂ₖ / (2k (2k − 1) x²ᵏ⁻¹) with Bernoulli numbers B₂ … B₁₆.
    static func stirlingCorrection(_ x: Double) -> Double {
        let coefficients: [Double] = [
            1.0 / 12, -1.0 / 360, 1.0 / 1260, -1.0 / 1680,
            1.0 / 1188, -691.0 / 360_360, 1.0 / 156, -3617.0 / 122_400,
        ]
        let inverseSquare = 1 / (x * x)
        var sum = 0.0
        for coefficient in coefficients.reversed() {
            sum = sum * inverseSquare + coefficient
        }
        return sum / x
    }
}
