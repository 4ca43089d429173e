import Foundation

/// Does a metric grow linearly or exponentially with a load parameter (peers, events/s)?
///
/// Fits y = a + b·x by OLS, and y = a·e^{b·x} by OLS of log y on x (so the exponential needs every
/// y > 0), then compares the two on the original scale by root-mean-square error of the
/// predictions. Both models have two parameters, so ranking by AIC (n·log(SSE/n) + 2k) would give
/// the same answer: RMSE is reported because it is in the metric's own unit.
public struct GrowthModelComparison: Sendable {
    public enum Model: String, Sendable { case linear, exponential }

    public let linear: LinearRegression
    /// The OLS fit of log y on x: `intercept` is log a, `slope` is b.
    public let exponentialLogFit: LinearRegression
    public let linearRMSE: Double
    public let exponentialRMSE: Double
    public let better: Model
    /// 1 − RMSE(better)/RMSE(worse): 0.4 means the better model's typical error is 40 % smaller.
    public let improvement: Double

    /// a in y = a·e^{b·x}.
    public var exponentialScale: Double { exp(exponentialLogFit.intercept) }
    /// e^b − 1: the relative growth per unit of x under the exponential model.
    public var exponentialGrowthPerUnit: Double { expm1(exponentialLogFit.slope) }

    public init(x: [Double], y: [Double]) throws {
        let function = "fitLinearVsExponential"
        for (index, value) in y.enumerated() where !(value > 0) {
            throw StatisticsError.invalidParameter(
                function: function, argument: "y[\(index)]", value: value,
                expected: "a positive value (the exponential model fits log y)")
        }
        linear = try LinearRegression(x: x, y: y)
        exponentialLogFit = try LinearRegression(x: x, y: y.map { log($0) })
        let scale = exp(exponentialLogFit.intercept)
        let rate = exponentialLogFit.slope
        var linearSSE = 0.0
        var exponentialSSE = 0.0
        for index in x.indices {
            let linearResidual = y[index] - linear.predict(x[index])
            let exponentialResidual = y[index] - scale * exp(rate * x[index])
            linearSSE += linearResidual * linearResidual
            exponentialSSE += exponentialResidual * exponentialResidual
        }
        let n = Double(x.count)
        linearRMSE = (linearSSE / n).squareRoot()
        exponentialRMSE = (exponentialSSE / n).squareRoot()
        better = exponentialRMSE < linearRMSE ? .exponential : .linear
        let (best, worst) = (min(linearRMSE, exponentialRMSE), max(linearRMSE, exponentialRMSE))
        improvement = worst > 0 ? 1 - best / worst : 0
    }
}

/// Fits y = a + b·x and y = a·e^{b·x} and reports which describes the data better (see
/// `GrowthModelComparison`).
public func fitLinearVsExponential(_ x: [Double], _ y: [Double]) throws -> GrowthModelComparison {
    try GrowthModelComparison(x: x, y: y)
}
