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
///
/// `method: .exact` takes the p-value from the exact null distribution of U instead (every
/// ordering of the pooled values equally likely; no ties allowed), which matters for a handful of
/// run means: at 5 against 5 the exact test reaches p = 0.0079 where the normal approximation
/// cannot go below 0.0122. `.automatic` chooses as scipy's `method='auto'` does: exact when a
/// sample has at most 8 values and there are no ties, asymptotic otherwise.
public struct MannWhitneyU: Equatable, Sendable {
    public enum Method: Sendable, Equatable {
        case asymptotic, exact, automatic
    }

    /// U statistic of the first sample.
    public let u: Double
    /// Standardized statistic (with continuity correction) of max(U₁, U₂); ≥ −½/σ.
    public let z: Double
    public let pValue: Double
    /// U₁/(n₁n₂): the probability that a random value of the first sample exceeds one of the
    /// second, counting ties as one half (the "common-language" effect size).
    public let probabilityFirstGreater: Double

    /// How `pValue` was computed (`.exact` or `.asymptotic`, never `.automatic`).
    public let method: Method

    public init(_ first: [Double], _ second: [Double], method requested: Method = .asymptotic) throws {
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
        let ties = ranks.tieTerm > 0
        let exact: Bool
        switch requested {
        case .asymptotic: exact = false
        case .automatic: exact = !ties && min(first.count, second.count) <= 8
        case .exact:
            guard !ties else {
                throw StatisticsError.degenerate(
                    function: function,
                    reason: "the exact distribution of U assumes no ties; use method .asymptotic or .automatic")
            }
            exact = true
        }
        method = exact ? .exact : .asymptotic
        if exact {
            // U is an integer without ties; P(U ≥ max(U₁, U₂)) doubled, as scipy's 'exact'.
            z = sigma > 0 ? (larger - n1 * n2 / 2 - 0.5) / sigma : 0
            // U is at most n1·n2 (both counts), so it fits Int.
            pValue = min(1, 2 * Self.exactUpperTail(Int(larger.rounded()), first.count, second.count))
            return
        }
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

    /// P(U ≥ k) under no difference for samples of m and n values without ties: the count of
    /// orderings with U ≥ k over C(m + n, m). Counts come from the recurrence over the largest
    /// pooled value, f(u; i, j) = f(u − j; i − 1, j) + f(u; i, j − 1) (it is either from the first
    /// sample, beating all j of the second, or not), additions only, so tail counts stay exact
    /// relative to their size. O(m²n²/4) time with m the smaller sample: 16 M steps for 8 against 1,000.
    static func exactUpperTail(_ k: Int, _ m: Int, _ n: Int) -> Double {
        let (small, large) = (min(m, n), max(m, n))  // U's distribution is symmetric in m and n
        // counts[i][u]: orderings of i values of the small sample and j of the large with U = u,
        // updated in place from j − 1 to j (row i − 1 is already at j when row i is updated).
        // With j = 0 there is one ordering of i values, and its U is 0.
        var counts = (0...small).map { i -> [Double] in
            var row = [Double](repeating: 0, count: i * large + 1)
            row[0] = 1
            return row
        }
        for j in stride(from: 1, through: large, by: 1) {
            for i in stride(from: 1, through: small, by: 1) {
                let previous = counts[i - 1]
                for u in j...(i * j) { counts[i][u] += previous[u - j] }
            }
        }
        let frequencies = counts[small]
        var total = 0.0
        var tail = 0.0
        for u in frequencies.indices {
            total += frequencies[u]
            if u >= k { tail += frequencies[u] }
        }
        return tail / total
    }

    /// The smallest two-sided p-value the asymptotic test can give for m and n values without
    /// ties (complete separation): 0.0122 for 5 against 5, where the exact test reaches 0.0079.
    public static func smallestAsymptoticTwoSidedP(_ m: Int, _ n: Int) -> Double {
        let (n1, n2) = (Double(m), Double(n))
        let sigma = (n1 * n2 * (n1 + n2 + 1) / 12).squareRoot()
        guard sigma > 0 else { return 1 }
        return min(1, 2 * NormalDistribution.cdf(-(n1 * n2 / 2 - 0.5) / sigma))
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
