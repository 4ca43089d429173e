import Foundation

/// Does a metric grow linearly or exponentially with a load parameter (peers, events/s)?
///
/// Fits y = a + b·x by OLS, and y = a·e^{b·x} by OLS of log y on x (so the exponential needs every
/// y > 0), then compares the two on the original scale by root-mean-square error of the
/// predictions. Both models have two parameters, so ranking by AIC (n·log(SSE/n) + 2k) would give
/// the same answer: RMSE is reported because it is in the metric's own unit.
///
/// Which fits better is description, not a decision: with three to five points one of two
/// two-parameter curves always fits a little better, whatever the noise. `shape(alpha:)` decides
/// by the J-test (`AddedRegressorTest` with the exponential's fitted values as the added
/// regressor, which needs four points): the growth is called faster than linear only when the
/// exponential's bend explains y significantly beyond the line, and undecided with three points.
public struct GrowthModelComparison: Sendable {
    public enum Model: String, Sendable { case linear, exponential }

    /// What the data can say about the shape of the growth.
    public enum Shape: Equatable, Sendable {
        /// Three points: no residual degree of freedom is left to judge a bend by. (With four or
        /// more, an exponential fit that is itself a straight line is `.linear`.)
        case undecided
        /// The exponential's bend is within the scatter: linear growth is not rejected.
        case linear
        /// The exponential's bend is significant (θ > 0): faster than linear growth.
        case fasterThanLinear
        /// The opposite bend is significant (θ < 0): slower than linear growth (saturating).
        case slowerThanLinear
    }

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

    /// The J-test of the line against the exponential; nil with fewer than four points (or
    /// when the exponential's fitted values are themselves a line, e.g. flat data).
    public let exponentialJTest: AddedRegressorTest?

    /// The shape the J-test decides at level `alpha`.
    public func shape(alpha: Double) -> Shape {
        guard let test = exponentialJTest else { return linear.count >= 4 ? .linear : .undecided }
        guard test.pValue < alpha else { return .linear }
        return test.coefficient > 0 ? .fasterThanLinear : .slowerThanLinear
    }

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
        // nil when the added regressor is collinear with the line: no J-test, as with three points.
        exponentialJTest = x.count >= 4 ? try? AddedRegressorTest(x: x, y: y, z: x.map { scale * exp(rate * $0) }) : nil
    }
}

/// Fits y = a + b·x and y = a·e^{b·x} and reports which describes the data better (see
/// `GrowthModelComparison`).
public func fitLinearVsExponential(_ x: [Double], _ y: [Double]) throws -> GrowthModelComparison {
    try GrowthModelComparison(x: x, y: y)
}
