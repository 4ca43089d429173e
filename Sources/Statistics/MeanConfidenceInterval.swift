/// Student-t confidence interval for a mean: x̄ ± t_{1−α/2, n−1} · s/√n. Exact for normal data,
/// and by the central limit theorem a good approximation for run-level means.
public enum MeanConfidenceInterval {
    public static func t(_ values: [Double], level: Double = 0.95) throws -> ConfidenceInterval {
        try Validate.count(values, atLeast: 2, function: "MeanConfidenceInterval.t", argument: "values")
        return try t(SampleMoments(values, function: "MeanConfidenceInterval.t"), level: level)
    }

    /// The interval from summary moments (count ≥ 2).
    public static func t(_ moments: SampleMoments, level: Double = 0.95) throws -> ConfidenceInterval {
        let function = "MeanConfidenceInterval.t"
        try Validate.openUnitInterval(level, function: function, argument: "level")
        guard moments.count >= 2 else {
            throw StatisticsError.tooFewValues(
                function: function, argument: "moments.count", needed: 2, got: moments.count)
        }
        let critical = StudentT.unitQuantile(0.5 + level / 2, Double(moments.count - 1))
        let halfWidth = critical * moments.standardError
        return ConfidenceInterval(lower: moments.mean - halfWidth, upper: moments.mean + halfWidth, level: level)
    }
}
