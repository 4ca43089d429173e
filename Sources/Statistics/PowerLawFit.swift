import Foundation

/// Scaling exponent k of y = c·xᵏ by OLS on log y = log c + k·log x, with a t confidence interval
/// (n − 2 df). k ≈ 1 is linear scaling with peers, k ≈ 2 quadratic; the CI says whether the data
/// can tell them apart. Every x and y must be positive.
public struct PowerLawFit: Sendable {
    /// The fit of log y on log x: `slope` is the exponent, `intercept` is log c.
    public let logLogFit: LinearRegression

    public var exponent: Double { logLogFit.slope }
    public var exponentInterval: ConfidenceInterval { logLogFit.slopeInterval }
    public var coefficient: Double { exp(logLogFit.intercept) }
    /// R² on the log-log scale.
    public var rSquared: Double { logLogFit.rSquared }

    public init(x: [Double], y: [Double], level: Double = 0.95) throws {
        for (name, values) in [("x", x), ("y", y)] {
            for (index, value) in values.enumerated() where !(value > 0) {
                throw StatisticsError.invalidParameter(
                    function: "PowerLawFit", argument: "\(name)[\(index)]", value: value,
                    expected: "a positive value (the fit is on log scales)")
            }
        }
        logLogFit = try LinearRegression(x: x.map { log($0) }, y: y.map { log($0) }, level: level)
    }
}
