/// Count, mean and unbiased variance of a sample: everything Welch's test and the t interval need,
/// so callers holding only a summary (e.g. run-level results) can test without the raw values.
public struct SampleMoments: Equatable, Sendable {
    public var count: Int
    public var mean: Double
    /// Sample variance with the n − 1 (Bessel) denominator; 0 when `count == 1`.
    public var variance: Double

    public init(count: Int, mean: Double, variance: Double) {
        self.count = count
        self.mean = mean
        self.variance = variance
    }

    /// Computes the moments with the corrected two-pass algorithm: the mean is refined by the mean
    /// residual, and the variance subtracts the (tiny) squared sum of residuals, which cancels the
    /// rounding error of the first pass (Chan, Golub & LeVeque 1983). Stable for 10⁷ latencies.
    public init(_ values: [Double], function: String = "SampleMoments", argument: String = "values") throws {
        try Validate.sample(values, atLeast: 1, function: function, argument: argument)
        self = values.withUnsafeBufferPointer { SampleMoments(validated: $0) }
    }

    /// The computation behind `init(_:)` for input already known to be non-empty and finite.
    init(validated buffer: UnsafeBufferPointer<Double>) {
        let n = Double(buffer.count)
        var sum = 0.0
        for value in buffer { sum += value }
        let firstPass = sum / n
        var residualSum = 0.0
        for value in buffer { residualSum += value - firstPass }
        let mean = firstPass + residualSum / n
        var squares = 0.0
        var residuals = 0.0
        for value in buffer {
            let residual = value - mean
            squares += residual * residual
            residuals += residual
        }
        let sumOfSquares = max(0, squares - residuals * residuals / n)
        self.init(count: buffer.count, mean: mean, variance: buffer.count > 1 ? sumOfSquares / (n - 1) : 0)
    }

    /// Standard deviation (square root of the n − 1 variance).
    public var standardDeviation: Double { variance.squareRoot() }

    /// Standard error of the mean, s / √n.
    public var standardError: Double { (variance / Double(count)).squareRoot() }
}
