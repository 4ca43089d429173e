/// The binomial distribution B(n, p), used for order-statistic confidence intervals.
public enum BinomialDistribution {
    /// P(X ≤ k) = I_{1−p}(n − k, k + 1) (the standard identity with the incomplete beta).
    public static func cdf(_ k: Int, trials n: Int, probability p: Double) throws -> Double {
        let function = "BinomialDistribution.cdf"
        guard n >= 0 else {
            throw StatisticsError.invalidParameter(
                function: function, argument: "trials", value: Double(n), expected: "a count ≥ 0")
        }
        try Validate.inRange(p, 0, 1, function: function, argument: "probability")
        return unitCDF(k, n, p)
    }

    /// The CDF without validation.
    static func unitCDF(_ k: Int, _ n: Int, _ p: Double) -> Double {
        if k < 0 { return 0 }
        if k >= n { return 1 }
        return IncompleteBeta.pair(x: 1 - p, y: p, a: Double(n - k), b: Double(k + 1)).value
    }
}
