/// Ordinary least squares of y on x, for the fitted lines the charts draw (hop linearity and
/// the mesh-size scaling curve, fitted on log–log axes). Not a statistical test: the verdicts
/// on linearity and scaling are `analyze`'s checks; this only draws the line they describe.
struct LeastSquares {
    let intercept: Double
    let slope: Double

    /// `nil` with fewer than two distinct x values (no line is defined).
    init?(x: [Double], y: [Double], weights: [Double]? = nil) {
        let w = weights ?? Array(repeating: 1, count: x.count)
        guard x.count == y.count, x.count == w.count, Set(x).count >= 2 else { return nil }
        let total = w.reduce(0, +)
        guard total > 0 else { return nil }
        let mx = zip(x, w).map { $0 * $1 }.reduce(0, +) / total
        let my = zip(y, w).map { $0 * $1 }.reduce(0, +) / total
        var sxx = 0.0, sxy = 0.0
        for i in x.indices {
            sxx += w[i] * (x[i] - mx) * (x[i] - mx)
            sxy += w[i] * (x[i] - mx) * (y[i] - my)
        }
        guard sxx > 0 else { return nil }
        slope = sxy / sxx
        intercept = my - slope * mx
    }

    func y(at x: Double) -> Double { intercept + slope * x }
}
