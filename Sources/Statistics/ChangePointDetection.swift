/// A shift of the level detected in a series.
public struct ChangePoint: Equatable, Sendable {
    /// Index of the first value after the change.
    public let index: Int
    /// Permutation p-value of the split within the segment where it was found.
    public let pValue: Double
    /// Means of the two sides of the split within that segment.
    public let meanBefore: Double
    public let meanAfter: Double
}

/// The change points of one series and the p-value of its first (whole-series) split, which is
/// what a correction across many series needs (see `TrendAnalysis`).
public struct ChangePointSearch: Equatable, Sendable {
    /// p-value of the best split of the whole series; 1 when the series is too short to split.
    public let firstSplitPValue: Double
    /// The change points found at level α, ascending.
    public let changePoints: [ChangePoint]
}

/// Level shifts on top of a linear trend, by binary segmentation with a permutation test.
///
/// Within a segment of m values the model without a change is a straight line with AR(1) noise;
/// the alternative adds a step at k. For each k the statistic is the reduction of the squared
/// error from adding the step to the line, S(k) = (Σ_{i≥k} r̃ᵢ)² / ‖M sₖ‖², where r̃ are the
/// (prewhitened) residuals from the line, sₖ the step's indicator and M the projection off the
/// line; the best split maximises S. Because the line is fitted first, a pure trend is not taken
/// for a series of level shifts (a plain mean-shift search finds several in every trend).
///
/// Serial correlation makes any permutation test fire too often (neighbouring runs share the
/// machine's state), so the residuals are prewhitened: φ is the lag-1 autocorrelation of the
/// residuals of the best line-plus-step fit (so a real step is not mistaken for correlation),
/// clamped to [0, 0.9], and r̃ᵢ = rᵢ − φ·rᵢ₋₁ (r̃₀ = √(1 − φ²)·r₀). Significance is judged by
/// shuffling r̃ `permutations` times (Fisher–Yates, `Xoshiro256StarStar(seed:)`), refitting the
/// line to each shuffle: p = (1 + #{max S of a shuffle ≥ observed max S})/(1 + permutations).
/// If p ≤ α the split is kept and both halves are searched again, breadth-first from one
/// generator, so a fixed seed gives identical results. The split reported is the least-squares
/// one on the residuals before prewhitening.
///
/// Both sides of a split hold at least `minimumSegmentLength` values. The smallest p a search can
/// give is 1/(1 + permutations), so a caller correcting across many series must ask for enough
/// permutations (999 reach 0.001). Measured false-positive rates (white noise, AR(1), trends) are
/// in docs/analyze.md.
public enum ChangePointDetection {
    public static func search(
        _ values: [Double], alpha: Double = 0.05, permutations: Int = 999,
        minimumSegmentLength: Int = 5, seed: UInt64
    ) throws -> ChangePointSearch {
        let function = "ChangePointDetection.search"
        try Validate.finite(values, function: function, argument: "values")
        try Validate.openUnitInterval(alpha, function: function, argument: "alpha")
        guard permutations >= 1 else {
            throw StatisticsError.invalidParameter(
                function: function, argument: "permutations", value: Double(permutations),
                expected: "at least 1 (999 is typical)")
        }
        guard minimumSegmentLength >= 2 else {
            throw StatisticsError.invalidParameter(
                function: function, argument: "minimumSegmentLength", value: Double(minimumSegmentLength),
                expected: "at least 2 (a line needs two points on each side)")
        }
        var generator = Xoshiro256StarStar(seed: seed)
        var found: [ChangePoint] = []
        var firstSplitPValue = 1.0
        var pending = [0..<values.count]
        var isFirst = true
        while !pending.isEmpty {
            let segment = pending.removeFirst()
            defer { isFirst = false }
            guard segment.count >= 2 * minimumSegmentLength else { continue }
            let slice = Array(values[segment])
            guard let test = testSegment(slice, minimumSegmentLength, permutations, &generator) else { continue }
            if isFirst { firstSplitPValue = test.pValue }
            guard test.pValue <= alpha else { continue }
            let split = segment.lowerBound + test.offset
            found.append(
                ChangePoint(
                    index: split, pValue: test.pValue, meanBefore: mean(slice[..<test.offset]),
                    meanAfter: mean(slice[test.offset...])))
            pending.append(segment.lowerBound..<split)
            pending.append(split..<segment.upperBound)
        }
        return ChangePointSearch(firstSplitPValue: firstSplitPValue, changePoints: found.sorted { $0.index < $1.index })
    }

    /// The change points of `search` alone.
    public static func binarySegmentation(
        _ values: [Double], alpha: Double = 0.05, permutations: Int = 999,
        minimumSegmentLength: Int = 5, seed: UInt64
    ) throws -> [ChangePoint] {
        try search(
            values, alpha: alpha, permutations: permutations, minimumSegmentLength: minimumSegmentLength, seed: seed
        ).changePoints
    }

    /// The best split of one segment and its permutation p-value; nil when the segment has no
    /// spread around its line (nothing to split).
    static func testSegment(
        _ values: [Double], _ minimum: Int, _ permutations: Int, _ generator: inout Xoshiro256StarStar
    ) -> (offset: Int, pValue: Double)? {
        let design = StepDesign(count: values.count, minimum: minimum)
        let residuals = design.lineResiduals(values)
        guard let raw = design.bestStep(residuals) else { return nil }
        let phi = min(
            0.9, max(0, lagOneAutocorrelation(design.lineResiduals(design.removeStep(values, at: raw.offset)))))
        var whitened = residuals
        if phi > 0 {
            whitened[0] = (1 - phi * phi).squareRoot() * residuals[0]
            for i in 1..<residuals.count { whitened[i] = residuals[i] - phi * residuals[i - 1] }
            whitened = design.lineResiduals(whitened)
        }
        guard let observed = design.bestStep(whitened) else { return nil }
        var atLeastAsExtreme = 0
        var shuffled = whitened
        for _ in 0..<permutations {
            for i in stride(from: shuffled.count - 1, to: 0, by: -1) {
                shuffled.swapAt(i, generator.nextInt(below: i + 1))
            }
            if let permuted = design.bestStep(design.lineResiduals(shuffled)), permuted.statistic >= observed.statistic
            {
                atLeastAsExtreme += 1
            }
        }
        // The split is where the line-plus-step fit puts it (least squares on the data); the
        // prewhitened statistic only judges whether it is there.
        return (raw.offset, Double(1 + atLeastAsExtreme) / Double(1 + permutations))
    }

    static func lagOneAutocorrelation(_ r: [Double]) -> Double {
        var lagged = 0.0, squares = 0.0
        for i in r.indices {
            squares += r[i] * r[i]
            if i > 0 { lagged += r[i] * r[i - 1] }
        }
        return squares > 0 ? lagged / squares : 0
    }

    static func mean(_ values: ArraySlice<Double>) -> Double {
        var sum = 0.0
        for value in values { sum += value }
        return sum / Double(values.count)
    }
}

/// The line-plus-step regression on positions 0..<count, with the line's fit in closed form
/// (positions centred, so the two columns are orthogonal) and ‖M sₖ‖² for every allowed k.
struct StepDesign {
    let count: Int
    let minimum: Int
    private let centre: Double
    private let positionSquares: Double
    /// ‖M sₖ‖² indexed by k (the step's first index).
    private let stepNorms: [Double]

    init(count: Int, minimum: Int) {
        self.count = count
        self.minimum = minimum
        let n = Double(count)
        centre = (n - 1) / 2
        var squares = 0.0
        for i in 0..<count { squares += (Double(i) - centre) * (Double(i) - centre) }
        positionSquares = squares
        var norms = [Double](repeating: 0, count: count + 1)
        var after = 0.0  // Σ_{i ≥ k} (i − centre)
        for k in stride(from: count - 1, through: 1, by: -1) {
            after += Double(k) - centre
            let c = Double(count - k)
            norms[k] = c - c * c / n - after * after / squares
        }
        stepNorms = norms
    }

    /// y minus its least-squares line.
    func lineResiduals(_ y: [Double]) -> [Double] {
        var sum = 0.0, cross = 0.0
        for i in y.indices {
            sum += y[i]
            cross += (Double(i) - centre) * y[i]
        }
        let level = sum / Double(count), slope = cross / positionSquares
        return y.indices.map { y[$0] - level - slope * (Double($0) - centre) }
    }

    /// y with the mean difference of the two sides of k taken out of the later side.
    func removeStep(_ y: [Double], at k: Int) -> [Double] {
        let gap = ChangePointDetection.mean(y[k...]) - ChangePointDetection.mean(y[..<k])
        return y.indices.map { $0 >= k ? y[$0] - gap : y[$0] }
    }

    /// The k in [minimum, count − minimum] maximising S(k) for residuals r of the line (first
    /// maximum wins); nil when no k gives a positive statistic.
    func bestStep(_ r: [Double]) -> (offset: Int, statistic: Double)? {
        guard count >= 2 * minimum else { return nil }
        var best: (offset: Int, statistic: Double)?
        var tail = 0.0
        for k in stride(from: count - 1, through: minimum, by: -1) {
            tail += r[k]
            guard count - k >= minimum, stepNorms[k] > 0 else { continue }
            let statistic = tail * tail / stepNorms[k]
            if statistic > (best?.statistic ?? 0) || (statistic == best?.statistic && k < best!.offset) {
                best = (k, statistic)
            }
        }
        return best
    }
}
