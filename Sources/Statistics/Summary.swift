/// The per-metric summary shown in every report table: count, mean, standard deviation, extremes
/// and the tail percentiles, all computed from one sort of the sample. Percentiles are type-7
/// (`Quantile`), so each equals `numpy.quantile(x, p)`.
public struct Summary: Equatable, Sendable {
    public let count: Int
    public let mean: Double
    /// Sample standard deviation (n − 1); `nil` for a single value, where it is undefined.
    public let standardDeviation: Double?
    public let minimum: Double
    public let p50: Double
    public let p90: Double
    public let p95: Double
    public let p99: Double
    public let p999: Double
    public let maximum: Double

    /// Summarizes `values` (a copy is sorted; the input is left untouched).
    public init(_ values: [Double]) throws {
        var copy = values
        try self.init(sorting: &copy)
    }

    /// Summarizes `values`, sorting them in place: saves a copy of a 10⁷-value sample, and leaves
    /// the caller a sorted array for further quantiles (e.g. `PercentileSpectrum`).
    public init(sorting values: inout [Double]) throws {
        try Validate.sample(values, atLeast: 1, function: "Summary", argument: "values")
        RadixSort.sort(&values)
        self.init(validatedSorted: values)
    }

    /// Summarizes a sample that is already sorted ascending (checked).
    public init(sorted: [Double]) throws {
        _ = try Quantile.ofSorted(sorted, ps: [])
        self.init(validatedSorted: sorted)
    }

    private init(validatedSorted sorted: [Double]) {
        // Non-empty and finite: validated by every caller.
        let moments = sorted.withUnsafeBufferPointer { SampleMoments(validated: $0) }
        count = sorted.count
        mean = moments.mean
        standardDeviation = sorted.count > 1 ? moments.standardDeviation : nil
        minimum = sorted[0]
        maximum = sorted[sorted.count - 1]
        (p50, p90, p95, p99, p999) = sorted.withUnsafeBufferPointer { buffer in
            (
                Quantile.type7(buffer, p: 0.5), Quantile.type7(buffer, p: 0.9), Quantile.type7(buffer, p: 0.95),
                Quantile.type7(buffer, p: 0.99), Quantile.type7(buffer, p: 0.999)
            )
        }
    }
}
