/// Median-based location and scale, which a minority of wild values cannot move: the basis of
/// MeshBench's anomaly detection over history.
///
/// MAD is scaled by 1.4826 (≈ 1/Φ⁻¹(¾) = 1.482602…, rounded as in R's `mad()`), which makes it a
/// consistent estimator of σ for normal data, so robust z-scores read like ordinary z-scores.
public enum RobustStatistics {
    /// Consistency constant for the normal distribution.
    public static let madScale = 1.4826

    /// Type-7 median.
    public static func median(_ values: [Double]) throws -> Double {
        try Quantile.of(values, p: 0.5)
    }

    /// 1.4826 · median(|xᵢ − median(x)|).
    public static func medianAbsoluteDeviation(_ values: [Double]) throws -> Double {
        let center = try median(values)
        return try madScale * median(values.map { abs($0 - center) })
    }

    /// (xᵢ − median)/MAD for every value, in input order.
    ///
    /// When MAD = 0 (more than half the values identical) there is no spread to scale by: values
    /// equal to the median get 0 and all others ±∞, i.e. any departure from a constant history is
    /// maximally anomalous. This is deterministic, unlike the NaN a plain division would give.
    public static func robustZScores(_ values: [Double]) throws -> [Double] {
        let center = try median(values)
        let spread = try medianAbsoluteDeviation(values)
        return values.map { value in
            let deviation = value - center
            if spread > 0 { return deviation / spread }
            return deviation == 0 ? 0 : (deviation > 0 ? .infinity : -.infinity)
        }
    }

    /// Indices whose |robust z| exceeds `threshold` (3.5 is the Iglewicz–Hoaglin recommendation).
    public static func outlierIndices(_ values: [Double], threshold: Double = 3.5) throws -> [Int] {
        let scores = try robustZScores(values)
        return scores.indices.filter { abs(scores[$0]) > threshold }
    }
}
