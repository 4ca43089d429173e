/// A shift of the mean detected in a series.
public struct ChangePoint: Equatable, Sendable {
    /// Index of the first value after the change.
    public let index: Int
    /// Permutation p-value of the split within the segment where it was found.
    public let pValue: Double
    /// Means of the two sides of the split within that segment.
    public let meanBefore: Double
    public let meanAfter: Double
}

/// Change points in the mean by binary segmentation with a permutation test.
///
/// For a segment of m values the best split k maximizes the between-group sum of squares
/// D(k) = k(m − k)/m · (x̄_left − x̄_right)², i.e. the reduction in squared error from splitting
/// (a CUSUM statistic). Its significance is judged by permutation: the segment is shuffled
/// `permutations` times (Fisher–Yates with `Xoshiro256StarStar(seed:)`), and
/// p = (1 + #{max D of a shuffle ≥ observed max D})/(1 + permutations). If p ≤ α the split is kept
/// and both halves are searched again; segments are processed breadth-first from one generator,
/// so a fixed seed gives identical results.
///
/// Both sides of a split must hold at least `minimumSegmentLength` values, so no change is declared
/// on fewer values than that (declaring changes from a handful of samples is a known complaint
/// about E-Divisive tools). A mean-based statistic still reacts to a large enough single spike near
/// a segment end; run the robust anomaly check (`RobustStatistics`) alongside to tell them apart.
public enum ChangePointDetection {
    public static func binarySegmentation(
        _ values: [Double], alpha: Double = 0.05, permutations: Int = 199,
        minimumSegmentLength: Int = 5, seed: UInt64
    ) throws -> [ChangePoint] {
        let function = "ChangePointDetection.binarySegmentation"
        try Validate.finite(values, function: function, argument: "values")
        try Validate.openUnitInterval(alpha, function: function, argument: "alpha")
        guard permutations >= 1 else {
            throw StatisticsError.invalidParameter(
                function: function, argument: "permutations", value: Double(permutations), expected: "at least 1 (199 or 999 are typical)")
        }
        guard minimumSegmentLength >= 1 else {
            throw StatisticsError.invalidParameter(
                function: function, argument: "minimumSegmentLength", value: Double(minimumSegmentLength), expected: "at least 1")
        }
        var generator = Xoshiro256StarStar(seed: seed)
        var found: [ChangePoint] = []
        var pending = [0..<values.count]
        var shuffled: [Double] = []
        while !pending.isEmpty {
            let segment = pending.removeFirst()
            guard segment.count >= 2 * minimumSegmentLength else { continue }
            let slice = Array(values[segment])
            guard let best = bestSplit(slice, minimumSegmentLength), best.statistic > 0 else { continue }
            var atLeastAsExtreme = 0
            shuffled = slice
            for _ in 0..<permutations {
                for i in stride(from: shuffled.count - 1, to: 0, by: -1) {
                    shuffled.swapAt(i, generator.nextInt(below: i + 1))
                }
                if let permuted = bestSplit(shuffled, minimumSegmentLength), permuted.statistic >= best.statistic {
                    atLeastAsExtreme += 1
                }
            }
            let pValue = Double(1 + atLeastAsExtreme) / Double(1 + permutations)
            guard pValue <= alpha else { continue }
            let split = segment.lowerBound + best.offset
            found.append(ChangePoint(index: split, pValue: pValue, meanBefore: best.meanLeft, meanAfter: best.meanRight))
            pending.append(segment.lowerBound..<split)
            pending.append(split..<segment.upperBound)
        }
        return found.sorted { $0.index < $1.index }
    }

    /// The split maximizing D(k) over k in [minimum, m − minimum], by prefix sums (first maximum wins).
    static func bestSplit(
        _ values: [Double], _ minimum: Int
    ) -> (offset: Int, statistic: Double, meanLeft: Double, meanRight: Double)? {
        let m = values.count
        guard m >= 2 * minimum else { return nil }
        var total = 0.0
        for value in values { total += value }
        var best: (offset: Int, statistic: Double, meanLeft: Double, meanRight: Double)?
        var leftSum = 0.0
        for k in 1..<m {
            leftSum += values[k - 1]
            guard k >= minimum && m - k >= minimum else { continue }
            let meanLeft = leftSum / Double(k)
            let meanRight = (total - leftSum) / Double(m - k)
            let gap = meanLeft - meanRight
            let statistic = Double(k) * Double(m - k) / Double(m) * gap * gap
            if best == nil || statistic > best!.statistic {
                best = (k, statistic, meanLeft, meanRight)
            }
        }
        return best
    }
}
