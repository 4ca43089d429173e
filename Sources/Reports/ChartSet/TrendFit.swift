import Statistics

/// The least-squares line through a trend's points and its 95 % confidence band for the mean,
/// ŷ(x) ± t(0.975, n − 2) · s · √(1/n + (x − x̄)² / Sxx), for the per-metric trend chart.
/// It is the same ordinary least squares `analyze trends` reports (Statistics'
/// `LinearRegression` on the same points): render draws the fit, the verdict is analyze's.
struct TrendFit {
    let regression: LinearRegression
    private let meanX: Double
    private let sxx: Double
    /// t(0.975, n − 2) · s, the band's half-width at x̄ before the √ factor.
    private let scaledSE: Double

    /// `nil` with fewer than three points or all x equal (no band is defined).
    init?(x: [Double], y: [Double]) {
        guard x.count == y.count, x.count >= 3, let regression = try? LinearRegression(x: x, y: y),
            let critical = try? StudentT.quantile(0.975, degreesOfFreedom: Double(x.count - 2))
        else { return nil }
        let n = Double(x.count)
        let meanX = x.reduce(0, +) / n
        let sxx = x.reduce(0) { $0 + ($1 - meanX) * ($1 - meanX) }
        guard sxx > 0 else { return nil }
        self.meanX = meanX
        self.sxx = sxx
        self.regression = regression
        scaledSE = critical * (regression.residualSumOfSquares / (n - 2)).squareRoot()
    }

    func y(at x: Double) -> Double { regression.predict(x) }

    /// Half the width of the 95 % confidence band of the mean at x.
    func halfWidth(at x: Double) -> Double {
        scaledSE * (1 / Double(regression.count) + (x - meanX) * (x - meanX) / sxx).squareRoot()
    }
}
