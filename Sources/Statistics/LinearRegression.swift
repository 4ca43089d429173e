/// Ordinary least squares y = intercept + slope·x with the classical inference: standard errors,
/// a t confidence interval for the slope (n − 2 df) and the two-sided p-value of slope = 0.
/// Matches `scipy.stats.linregress` (slope, intercept, rvalue², pvalue, stderr, intercept_stderr).
///
/// Used for trends (slope per day over 30 days of history) and, on transformed data, for
/// exponential and power-law fits. When every y is equal there is nothing to explain: slope 0,
/// R² = 0 and p = 1 (as scipy reports r = 0). A perfect non-flat fit has zero standard errors and p = 0.
public struct LinearRegression: Equatable, Sendable {
    public let count: Int
    public let slope: Double
    public let intercept: Double
    public let slopeStandardError: Double
    public let interceptStandardError: Double
    public let slopeInterval: ConfidenceInterval
    public let rSquared: Double
    public let slopePValue: Double
    /// Sum of squared residuals.
    public let residualSumOfSquares: Double

    /// Fits y on x (n ≥ 3, x not all equal).
    public init(x: [Double], y: [Double], level: Double = 0.95) throws {
        let function = "LinearRegression"
        guard x.count == y.count else {
            throw StatisticsError.lengthMismatch(
                function: function, first: "x", firstCount: x.count, second: "y", secondCount: y.count)
        }
        try Validate.sample(x, atLeast: 3, function: function, argument: "x")
        try Validate.sample(y, atLeast: 3, function: function, argument: "y")
        try Validate.openUnitInterval(level, function: function, argument: "level")
        let n = Double(x.count)
        let meanX = try SampleMoments(x).mean
        let meanY = try SampleMoments(y).mean
        var sxx = 0.0
        var sxy = 0.0
        var syy = 0.0
        for index in x.indices {
            let dx = x[index] - meanX
            let dy = y[index] - meanY
            sxx += dx * dx
            sxy += dx * dy
            syy += dy * dy
        }
        guard sxx > 0 else {
            throw StatisticsError.degenerate(
                function: function, reason: "all x values are equal (\(x[0])), so the slope is undefined; vary x")
        }
        let slope = sxy / sxx
        let intercept = meanY - slope * meanX
        var sse = 0.0
        for index in x.indices {
            let residual = y[index] - (intercept + slope * x[index])
            sse += residual * residual
        }
        let df = n - 2
        let residualVariance = sse / df
        self.count = x.count
        self.slope = slope
        self.intercept = intercept
        slopeStandardError = (residualVariance / sxx).squareRoot()
        interceptStandardError = (residualVariance * (1 / n + meanX * meanX / sxx)).squareRoot()
        residualSumOfSquares = sse
        rSquared = syy > 0 ? min(1, sxy * sxy / (sxx * syy)) : 0
        let critical = StudentT.unitQuantile(0.5 + level / 2, df)
        slopeInterval = ConfidenceInterval(
            lower: slope - critical * slopeStandardError, upper: slope + critical * slopeStandardError, level: level)
        if syy == 0 {
            slopePValue = 1
        } else if slopeStandardError == 0 {
            slopePValue = 0
        } else {
            slopePValue = StudentT.twoSidedTail(slope / slopeStandardError, df)
        }
    }

    /// The fitted value at x.
    public func predict(_ x: Double) -> Double { intercept + slope * x }
}
