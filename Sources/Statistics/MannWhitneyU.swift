/// The Mann–Whitney U test (Wilcoxon rank-sum), MeshBench's robust check next to Welch's t-test:
/// it compares whole distributions by ranks, so a few extreme latencies cannot dominate it.
///
/// U is the statistic of the *first* sample: R₁ − n₁(n₁ + 1)/2 with R₁ its sum of ranks in the
/// merged sample (ties get average ranks). The p-value is the two-sided normal approximation with
/// tie-corrected variance σ² = n₁n₂/12 · [(n + 1) − Σ(tᵢ³ − tᵢ)/(n(n − 1))] and continuity
/// correction: z = (max(U₁, U₂) − n₁n₂/2 − ½)/σ, p = min(1, 2·Φ(−z)). This is exactly
/// `scipy.stats.mannwhitneyu(first, second, alternative='two-sided', method='asymptotic',
/// use_continuity=True)`.
///
/// Ranks come from sorting each sample (radix sort) and merging, O(n log n) overall. When every
/// value in both samples is equal, σ = 0 and the test is defined as z = 0, p = 1.
public struct MannWhitneyU: Equatable, Sendable {
    /// U statistic of the first sample.
    public let u: Double
    /// Standardized statistic (with continuity correction) of max(U₁, U₂); ≥ −½/σ.
    public let z: Double
    public let pValue: Double
    /// U₁/(n₁n₂): the probability that a random value of the first sample exceeds one of the
    /// second, counting ties as one half (the "common-language" effect size).
    public let probabilityFirstGreater: Double

    public init(_ first: [Double], _ second: [Double]) throws {
        let function = "MannWhitneyU"
        try Validate.sample(first, atLeast: 1, function: function, argument: "first")
        try Validate.sample(second, atLeast: 1, function: function, argument: "second")
        let ranks = Self.rankSums(RadixSort.sorted(first), RadixSort.sorted(second))
        let n1 = Double(first.count)
        let n2 = Double(second.count)
        let n = n1 + n2
        let u1 = ranks.firstRankSum - n1 * (n1 + 1) / 2
        let larger = max(u1, n1 * n2 - u1)
        let sigma = (n1 * n2 / 12 * ((n + 1) - ranks.tieTerm / (n * (n - 1)))).squareRoot()
        u = u1
        probabilityFirstGreater = u1 / (n1 * n2)
        if !(sigma > 0) {
            (z, pValue) = (0, 1)
            return
        }
        z = (larger - n1 * n2 / 2 - 0.5) / sigma
        pValue = min(1, 2 * NormalDistribution.cdf(-z))
    }

    /// Sum of the first sample's average ranks in the merged sample, and Σ(t³ − t) over tie groups,
    /// by one merge of the two sorted samples.
    static func rankSums(_ first: [Double], _ second: [Double]) -> (firstRankSum: Double, tieTerm: Double) {
        var rankSum = 0.0
        var tieTerm = 0.0
        var i = 0
        var j = 0
        var position = 0.0  // values already ranked
        while i < first.count || j < second.count {
            let value = j == second.count || (i < first.count && first[i] <= second[j]) ? first[i] : second[j]
            var countFirst = 0.0
            while i < first.count && first[i] == value { i += 1; countFirst += 1 }
            var countSecond = 0.0
            while j < second.count && second[j] == value { j += 1; countSecond += 1 }
            let group = countFirst + countSecond
            rankSum += countFirst * (position + (group + 1) / 2)
            tieTerm += group * group * group - group
            position += group
        }
        return (rankSum, tieTerm)
    }

    /// The smallest two-sided p-value the exact test can give for samples of `m` and `n` values,
    /// 2 / C(m + n, m): under no difference every ordering of the pooled ranks is equally likely
    /// and the most extreme one is one of them (0.036 for 3 against 5 values).
    public static func smallestTwoSidedP(_ m: Int, _ n: Int) -> Double {
        var orderings = 1.0  // C(m + n, m), as a product of ratios
        for i in 0..<min(m, n) { orderings = orderings * Double(m + n - i) / Double(i + 1) }
        return min(1, 2 / orderings)
    }
}
