/// Basic descriptive statistics. Every function rejects empty input and NaN/infinite values with a
/// `StatisticsError` rather than returning NaN, so a bad measurement cannot silently poison a verdict.
public enum Descriptive {
    /// Arithmetic mean (corrected two-pass; see `SampleMoments`).
    public static func mean(_ values: [Double]) throws -> Double {
        try SampleMoments(values, function: "Descriptive.mean").mean
    }

    /// Sample variance with the n − 1 denominator (numpy `var(ddof=1)`); needs two values.
    public static func variance(_ values: [Double]) throws -> Double {
        try Validate.count(values, atLeast: 2, function: "Descriptive.variance", argument: "values")
        return try SampleMoments(values, function: "Descriptive.variance").variance
    }

    /// Sample standard deviation with the n − 1 denominator (numpy `std(ddof=1)`); needs two values.
    public static func standardDeviation(_ values: [Double]) throws -> Double {
        try Validate.count(values, atLeast: 2, function: "Descriptive.standardDeviation", argument: "values")
        return try SampleMoments(values, function: "Descriptive.standardDeviation").standardDeviation
    }

    /// Smallest value.
    public static func minimum(_ values: [Double]) throws -> Double {
        try Validate.sample(values, atLeast: 1, function: "Descriptive.minimum", argument: "values")
        return values.min()!
    }

    /// Largest value.
    public static func maximum(_ values: [Double]) throws -> Double {
        try Validate.sample(values, atLeast: 1, function: "Descriptive.maximum", argument: "values")
        return values.max()!
    }
}
