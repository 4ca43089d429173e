/// Distribution-free confidence interval for a population quantile from order statistics.
///
/// Method (exact binomial, equal tails): if B ~ Binomial(n, p) counts the observations at or below
/// the true p-quantile ξ, then X₍ₗ₎ ≤ ξ < X₍ᵤ₎ exactly when l ≤ B < u, so the interval
/// [X₍ₗ₎, X₍ᵤ₎] (1-based ranks) covers ξ with probability F(u − 1) − F(l − 1) for any continuous
/// distribution. We take l as the largest rank with P(B < l) ≤ α/2 and u as the smallest rank with
/// P(B ≥ u) ≤ α/2, found by binary search over the exact binomial CDF (incomplete beta), so no
/// normal approximation is used even for n = 10⁷.
///
/// When n is too small for a tail (e.g. a median with n ≤ 5, or p99 with n < ~370) that rank is
/// clamped to 1 or n, the achieved `coverage` is reported exactly, and `reachesLevel` is false.
public struct QuantileConfidenceInterval: Equatable, Sendable {
    public let p: Double
    /// The type-7 point estimate (`Quantile`).
    public let estimate: Double
    public let interval: ConfidenceInterval
    /// 1-based ranks of the bounds in the sorted sample.
    public let lowerRank: Int
    public let upperRank: Int
    /// Exact probability that [X₍ₗ₎, X₍ᵤ₎] covers the true quantile (continuous data).
    public let coverage: Double
    /// False when the sample is too small for an equal-tailed interval at the requested level (a
    /// rank had to be clamped to 1 or n); then only the reported `coverage` holds.
    public let reachesLevel: Bool

    /// The interval for the p-quantile of `values` (sorted internally).
    public init(_ values: [Double], p: Double, level: Double = 0.95) throws {
        try Validate.sample(values, atLeast: 1, function: "QuantileConfidenceInterval", argument: "values")
        try self.init(sorted: RadixSort.sorted(values), p: p, level: level)
    }

    /// The interval for the p-quantile of an ascending-sorted sample.
    public init(sorted: [Double], p: Double, level: Double = 0.95) throws {
        let function = "QuantileConfidenceInterval"
        try Validate.openUnitInterval(level, function: function, argument: "level")
        let estimate = try Quantile.ofSorted(sorted, p: p)
        let n = sorted.count
        let tail = (1 - level) / 2
        let below = { (k: Int) in BinomialDistribution.unitCDF(k, n, p) }  // P(B ≤ k)
        let above = { (k: Int) in  // P(B > k), accurate when small
            k >= n ? 0 : IncompleteBeta.pair(x: 1 - p, y: p, a: Double(n - k), b: Double(k + 1)).complement
        }
        // Largest k = l − 1 in [0, n − 1] with P(B ≤ k) ≤ tail; none when P(B = 0) > tail.
        let lowerK = Self.lastIndex(in: 0..<n) { below($0) <= tail }
        // Smallest k = u − 1 in [0, n − 1] with P(B > k) ≤ tail; none when P(B = n) > tail.
        let upperK = Self.firstIndex(in: 0..<n) { above($0) <= tail }
        let lowerRank = (lowerK ?? 0) + 1
        let upperRank = (upperK ?? (n - 1)) + 1
        let coverage = below(upperRank - 1) - below(lowerRank - 1)
        self.p = p
        self.estimate = estimate
        self.interval = ConfidenceInterval(lower: sorted[lowerRank - 1], upper: sorted[upperRank - 1], level: level)
        self.lowerRank = lowerRank
        self.upperRank = upperRank
        self.coverage = coverage
        self.reachesLevel = lowerK != nil && upperK != nil
    }

    /// Last index where a predicate that is true then false over `range` holds.
    private static func lastIndex(in range: Range<Int>, where holds: (Int) -> Bool) -> Int? {
        var low = range.lowerBound
        var high = range.upperBound  // invariant: holds on [lowerBound, low), fails on [high, upperBound)
        while low < high {
            let middle = low + (high - low) / 2
            if holds(middle) { low = middle + 1 } else { high = middle }
        }
        return low > range.lowerBound ? low - 1 : nil
    }

    /// First index where a predicate that is false then true over `range` holds.
    private static func firstIndex(in range: Range<Int>, where holds: (Int) -> Bool) -> Int? {
        var low = range.lowerBound
        var high = range.upperBound  // invariant: fails on [lowerBound, low), holds on [high, upperBound)
        while low < high {
            let middle = low + (high - low) / 2
            if holds(middle) { high = middle } else { low = middle + 1 }
        }
        return low < range.upperBound ? low : nil
    }
}
