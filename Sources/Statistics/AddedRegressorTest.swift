/// Does a third regressor z explain y beyond the straight line a + b·x? Fits y = a + b·x + θ·z by
/// least squares and tests θ = 0 with the classical t-test (n − 3 degrees of freedom).
///
/// With z the fitted values of a rival model this is Davidson and MacKinnon's J-test (1981) of
/// the linear model against that rival: MeshBench uses it to tell linear growth from
/// exponential growth with a handful of points (see `GrowthModelComparison.shape`). Both are
/// two-parameter curves, so comparing their fits alone (by error, or by an information
/// criterion, whose penalties are then equal) picks one even when the difference is well inside
/// the scatter; the J-test asks whether the rival's shape is larger than that scatter, and with
/// three points there is no scatter left to judge it by (no test is possible).
///
/// Computed by projection: z⊥ and y⊥ are z and y minus their least-squares lines in x, θ =
/// ⟨z⊥, y⊥⟩/‖z⊥‖², SSE = ‖y⊥‖² − θ²‖z⊥‖², SE(θ) = √(SSE/(n − 3)/‖z⊥‖²). Equals the t-test of the
/// third coefficient of `numpy.linalg.lstsq` on [1, x, z] with covariance σ̂²(XᵀX)⁻¹.
public struct AddedRegressorTest: Equatable, Sendable {
    /// θ, the coefficient of z.
    public let coefficient: Double
    public let standardError: Double
    public let degreesOfFreedom: Int
    /// Two-sided p-value of θ = 0; 0 for an exact fit that needs z, 1 when y is exactly a line.
    public let pValue: Double

    /// Needs four points or more, x not all equal, and z not itself a line in x.
    public init(x: [Double], y: [Double], z: [Double]) throws {
        let function = "AddedRegressorTest"
        for (name, values) in [("y", y), ("z", z)] where values.count != x.count {
            throw StatisticsError.lengthMismatch(
                function: function, first: "x", firstCount: x.count, second: name, secondCount: values.count)
        }
        try Validate.sample(x, atLeast: 4, function: function, argument: "x")
        try Validate.sample(y, atLeast: 4, function: function, argument: "y")
        try Validate.sample(z, atLeast: 4, function: function, argument: "z")
        let line = try LinearRegression(x: x, y: y)
        let zLine = try LinearRegression(x: x, y: z)
        let yOff = x.indices.map { y[$0] - line.predict(x[$0]) }
        let zOff = x.indices.map { z[$0] - zLine.predict(x[$0]) }
        var zz = 0.0, zy = 0.0, yy = 0.0, zTotal = 0.0
        let zMean = try SampleMoments(z).mean
        for i in x.indices {
            zz += zOff[i] * zOff[i]
            zy += zOff[i] * yOff[i]
            yy += yOff[i] * yOff[i]
            zTotal += (z[i] - zMean) * (z[i] - zMean)
        }
        guard zz > 1e-20 * zTotal, zz > 0 else {
            throw StatisticsError.degenerate(
                function: function, reason: "z is a straight line in x, so it adds nothing to test")
        }
        let df = x.count - 3
        let theta = zy / zz
        let sse = max(0, yy - theta * theta * zz)
        coefficient = theta
        standardError = (sse / Double(df) / zz).squareRoot()
        degreesOfFreedom = df
        if sse <= 1e-24 * yy || yy == 0 {
            // An exact fit: z is needed unless y was a line (up to rounding) all along.
            let total = y.reduce(0) { $0 + $1 * $1 }
            pValue = yy > 1e-24 * total ? 0 : 1
        } else {
            pValue = StudentT.twoSidedTail(theta / standardError, Double(df))
        }
    }
}
