/// Count, mean and unbiased spread of a sample: everything Welch's test and the t interval need,
/// so callers holding only a summary (e.g. run-level results) can test without the raw values.
///
/// The standard deviation is what is stored, not the variance: for values near 10³⁰⁰ the variance
/// overflows (and near 10⁻¹⁷⁰ it underflows to 0) while the standard deviation is an ordinary
/// number, so every statistic built on these moments stays finite for every finite input.
public struct SampleMoments: Equatable, Sendable {
    public var count: Int
    public var mean: Double
    /// Sample standard deviation with the n − 1 (Bessel) denominator; 0 when `count == 1`.
    public var standardDeviation: Double

    public init(count: Int, mean: Double, standardDeviation: Double) {
        self.count = count
        self.mean = mean
        self.standardDeviation = standardDeviation
    }

    /// From a variance (n − 1 denominator); prefer `init(count:mean:standardDeviation:)`, which
    /// holds spreads whose square would overflow.
    public init(count: Int, mean: Double, variance: Double) {
        self.init(count: count, mean: mean, standardDeviation: variance.squareRoot())
    }

    /// Computes the moments with the corrected two-pass algorithm: the mean is refined by the mean
    /// residual, and the variance subtracts the (tiny) squared sum of residuals, which cancels the
    /// rounding error of the first pass (Chan, Golub & LeVeque 1983). Stable for 10⁷ latencies.
    public init(_ values: [Double], function: String = "SampleMoments", argument: String = "values") throws {
        try Validate.sample(values, atLeast: 1, function: function, argument: argument)
        self = values.withUnsafeBufferPointer { SampleMoments(validated: $0) }
    }

    /// The computation behind `init(_:)` for input already known to be non-empty and finite.
    ///
    /// The values are first scaled by a power of two that brings the largest magnitude near 1.
    /// Multiplying by a power of two is exact, so for ordinary magnitudes the sums round exactly
    /// as unscaled ones would; near 10³⁰⁰ the sum cannot overflow and near 10⁻¹⁷⁰ the squares cannot
    /// underflow, and the mean and standard deviation are scaled back (both are linear in scale).
    init(validated buffer: UnsafeBufferPointer<Double>) {
        var largest = 0.0
        for value in buffer { largest = max(largest, abs(value)) }
        guard largest > 0 else {
            self.init(count: buffer.count, mean: 0, standardDeviation: 0)
            return
        }
        // 2^-1000 at least, so the inverse 2^1000 stays finite for subnormal input.
        let scale = Double(sign: .plus, exponent: max(largest.exponent, -1000), significand: 1)
        let inverse = 1 / scale  // exact: a power of two
        let n = Double(buffer.count)
        var sum = 0.0
        for value in buffer { sum += value * inverse }
        let firstPass = sum / n
        var residualSum = 0.0
        for value in buffer { residualSum += value * inverse - firstPass }
        let mean = firstPass + residualSum / n
        var squares = 0.0
        var residuals = 0.0
        for value in buffer {
            let residual = value * inverse - mean
            squares += residual * residual
            residuals += residual
        }
        let sumOfSquares = max(0, squares - residuals * residuals / n)
        let sd = buffer.count > 1 ? (sumOfSquares / (n - 1)).squareRoot() : 0
        self.init(count: buffer.count, mean: mean * scale, standardDeviation: sd * scale)
    }

    /// Sample variance (square of the standard deviation); +∞ when that square overflows.
    public var variance: Double { standardDeviation * standardDeviation }

    /// Standard error of the mean, s / √n.
    public var standardError: Double { standardDeviation / Double(count).squareRoot() }
}
