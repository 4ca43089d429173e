/// Median-based location and scale, which a minority of wild values cannot move: the basis of
/// MeshBench's anomaly detection over history.
///
/// MAD is scaled by 1.4826 (≈ 1/Φ⁻¹(¾) = 1.482602…, rounded as in R's `mad()`), which makes it a
/// consistent estimator of σ for normal data, so robust z-scores read like ordinary z-scores.
public enum RobustStatistics {
    /// Consistency constant for the normal distribution.
    public static let madScale = 1.4826
    /// √(π/2): makes the mean absolute deviation a consistent estimator of σ for normal data.
    public static let meanDeviationScale = 1.2533141373155003

    /// Type-7 median.
    public static func median(_ values: [Double]) throws -> Double {
        try Quantile.of(values, p: 0.5)
    }

    /// 1.4826 · median(|xᵢ − median(x)|).
    public static func medianAbsoluteDeviation(_ values: [Double]) throws -> Double {
        let center = try median(values)
        return try madScale * median(values.map { abs($0 - center) })
    }

    /// The σ the robust z-scores divide by, defined for every sample with any spread:
    /// - 1.4826·MAD when MAD > 0;
    /// - when more than half the values are equal (MAD = 0, common for quantised timings), the
    ///   mean absolute deviation from the median times √(π/2), the fallback of the modified
    ///   z-score in IBM SPSS and Iglewicz–Hoaglin's discussion;
    /// - never below resolution/√12, the standard deviation of rounding to the data's resolution
    ///   (the smallest gap between distinct values): data recorded in steps of 1 cannot show a
    ///   spread smaller than its rounding, so one step alone is never an anomaly (z ≤ √12 ≈ 3.46).
    /// 0 only when every value is equal.
    public static func robustScale(_ values: [Double]) throws -> Double {
        let center = try median(values)
        let deviations = values.map { abs($0 - center) }
        var scale = madScale * (try median(deviations))
        if scale == 0 {
            var sum = 0.0
            for d in deviations { sum += d }
            scale = meanDeviationScale * sum / Double(values.count)
        }
        let sorted = values.sorted()
        var resolution = Double.infinity
        for (a, b) in zip(sorted, sorted.dropFirst()) where b > a { resolution = min(resolution, b - a) }
        return resolution.isFinite ? max(scale, resolution / 12.0.squareRoot()) : scale
    }

    /// (xᵢ − median)/`robustScale` for every value, in input order; all 0 when every value is equal.
    public static func robustZScores(_ values: [Double]) throws -> [Double] {
        let center = try median(values)
        let spread = try robustScale(values)
        return values.map { spread > 0 ? ($0 - center) / spread : 0 }
    }

    /// Indices whose |robust z| exceeds `threshold` (3.5 is the Iglewicz–Hoaglin recommendation).
    public static func outlierIndices(_ values: [Double], threshold: Double = 3.5) throws -> [Int] {
        let scores = try robustZScores(values)
        return scores.indices.filter { abs(scores[$0]) > threshold }
    }
}
