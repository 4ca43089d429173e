/// The classic "mean ± k·σ" outlier rule (k = 2 by default), kept separate from the robust rule
/// and labelled as such in reports because it is *not* robust: the outliers themselves inflate the
/// mean and σ, so a large spike can hide itself (masking). Offered for comparison with tools that use it.
public enum MeanSigmaOutlierRule {
    /// Indices with |xᵢ − x̄| > k·s (s with n − 1); needs two values. Nothing is flagged when s = 0.
    public static func outlierIndices(_ values: [Double], k: Double = 2) throws -> [Int] {
        let function = "MeanSigmaOutlierRule.outlierIndices"
        try Validate.count(values, atLeast: 2, function: function, argument: "values")
        guard k > 0 && k.isFinite else {
            throw StatisticsError.invalidParameter(
                function: function, argument: "k", value: k, expected: "a finite value > 0")
        }
        let moments = try SampleMoments(values, function: function)
        let limit = k * moments.standardDeviation
        return values.indices.filter { abs(values[$0] - moments.mean) > limit }
    }
}
