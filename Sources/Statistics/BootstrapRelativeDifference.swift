/// The statistic a bootstrap compares. `.mean` is the plain left-to-right sum divided by n and
/// `.median` the type-7 median, so an independent reimplementation reproduces results bit for bit.
public enum BootstrapStatistic: Sendable {
    case mean
    case median
    case custom(@Sendable ([Double]) -> Double)

    func evaluate(_ values: inout [Double]) -> Double {
        switch self {
        case .mean:
            var sum = 0.0
            for value in values { sum += value }
            return sum / Double(values.count)
        case .median:
            values.sort()
            return values.withUnsafeBufferPointer { Quantile.type7($0, p: 0.5) }
        case .custom(let statistic):
            return statistic(values)
        }
    }
}

/// Percentile-bootstrap confidence interval for the relative difference
/// (statistic(candidate) − statistic(baseline))/|statistic(baseline)|, reproducible for a fixed
/// seed. For a positive baseline statistic that is statistic(candidate)/statistic(baseline) − 1;
/// against a negative one it keeps its sign meaning "grew" (see `RelativeMeanChange`).
///
/// Algorithm: one `Xoshiro256StarStar(seed:)` stream. For each of B resamples, draw n₁ baseline
/// indices then n₂ candidate indices with `nextInt(below:)` (with replacement), evaluate the
/// statistic on both resamples and record the relative difference. The interval is the type-7
/// (numpy) quantiles at (1 − level)/2 and (1 + level)/2 of the B recorded values.
public struct BootstrapRelativeDifference: Sendable {
    /// The relative difference on the original samples (0.12 = +12 %).
    public let estimate: Double
    public let interval: ConfidenceInterval
    public let resamples: Int
    public let seed: UInt64

    public init(
        baseline: [Double], candidate: [Double], statistic: BootstrapStatistic = .mean,
        resamples: Int = 10_000, level: Double = 0.95, seed: UInt64
    ) throws {
        let function = "BootstrapRelativeDifference"
        try Validate.sample(baseline, atLeast: 1, function: function, argument: "baseline")
        try Validate.sample(candidate, atLeast: 1, function: function, argument: "candidate")
        try Validate.openUnitInterval(level, function: function, argument: "level")
        guard resamples >= 2 else {
            throw StatisticsError.invalidParameter(
                function: function, argument: "resamples", value: Double(resamples),
                expected: "at least 2 (10 000 is typical)")
        }
        var baselineCopy = baseline
        var candidateCopy = candidate
        let baselineValue = statistic.evaluate(&baselineCopy)
        guard baselineValue != 0 && baselineValue.isFinite else {
            throw StatisticsError.degenerate(
                function: function,
                reason: "the baseline statistic is \(baselineValue), so a relative difference is undefined")
        }
        estimate = try RelativeMeanChange.fraction(from: baselineValue, to: statistic.evaluate(&candidateCopy))

        var generator = Xoshiro256StarStar(seed: seed)
        var baselineResample = [Double](repeating: 0, count: baseline.count)
        var candidateResample = [Double](repeating: 0, count: candidate.count)
        var differences = [Double](repeating: 0, count: resamples)
        for resample in 0..<resamples {
            for index in baselineResample.indices {
                baselineResample[index] = baseline[generator.nextInt(below: baseline.count)]
            }
            for index in candidateResample.indices {
                candidateResample[index] = candidate[generator.nextInt(below: candidate.count)]
            }
            let resampledBaseline = statistic.evaluate(&baselineResample)
            let resampledCandidate = statistic.evaluate(&candidateResample)
            let difference =
                resampledBaseline > 0
                ? resampledCandidate / resampledBaseline - 1
                : resampledCandidate / -resampledBaseline + 1
            guard difference.isFinite else {
                throw StatisticsError.degenerate(
                    function: function,
                    reason:
                        "resample \(resample) has a baseline statistic of \(resampledBaseline); the relative difference is undefined"
                )
            }
            differences[resample] = difference
        }
        differences.sort()
        let bounds = differences.withUnsafeBufferPointer {
            (Quantile.type7($0, p: (1 - level) / 2), Quantile.type7($0, p: (1 + level) / 2))
        }
        interval = ConfidenceInterval(lower: bounds.0, upper: bounds.1, level: level)
        self.resamples = resamples
        self.seed = seed
    }
}
