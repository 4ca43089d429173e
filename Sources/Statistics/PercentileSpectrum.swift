/// Values at a grid of percentiles for HdrHistogram-style "percentile spectrum" charts, whose
/// x-axis is 1/(1 − p) on a log scale: the grid is therefore dense toward p = 1.
///
/// Grid (every p is an exact decimal, built as an integer ratio so 0.999 is the same double as the
/// literal `0.999`):
/// - body: 0, 0.05, 0.10, …, 0.90;
/// - tail: 1 − m·10⁻ᵈ for d = 2, 3, … and m = 5, 2, 1, i.e. 0.95, 0.98, 0.99, 0.995, 0.998, 0.999,
///   0.9995, …;
/// - the maximum, p = 1.
///
/// A point p < 1 is kept only when the sample supports it: at least one observation must lie beyond
/// it, i.e. n·(1 − p) ≥ 1. So n = 1000 goes up to p99.9 and n = 10⁷ to p99.99999; beyond that the
/// chart would only show interpolation between the two largest values.
public enum PercentileSpectrum {
    public struct Point: Equatable, Sendable {
        public let p: Double
        public let value: Double
    }

    /// The percentile grid for a sample of `sampleCount` values (empty for a count below 1).
    public static func grid(sampleCount n: Int) -> [Double] {
        guard n >= 1 else { return [] }
        var grid: [Double] = []
        // Body: p = k/20, kept while n·(20 − k)/20 ≥ 1.
        for k in 0...18 {
            let (product, overflow) = n.multipliedReportingOverflow(by: 20 - k)
            if overflow || product >= 20 { grid.append(Double(k) / 20) }
        }
        // Tail: p = (10ᵈ − m)/10ᵈ, kept while n·m ≥ 10ᵈ. 10¹⁵ keeps the ratio exact in a Double.
        var scale = 100
        while scale <= 1_000_000_000_000_000 {
            for m in [5, 2, 1] {
                let (product, overflow) = n.multipliedReportingOverflow(by: m)
                if overflow || product >= scale {
                    grid.append(Double(scale - m) / Double(scale))
                }
            }
            scale *= 10
        }
        grid.append(1)
        return grid
    }

    /// The spectrum of a sample (sorted internally).
    public static func of(_ values: [Double]) throws -> [Point] {
        try Validate.sample(values, atLeast: 1, function: "PercentileSpectrum.of", argument: "values")
        return try ofSorted(RadixSort.sorted(values))
    }

    /// The spectrum of an ascending-sorted sample (e.g. the array left by `Summary(sorting:)`).
    public static func ofSorted(_ sorted: [Double]) throws -> [Point] {
        let ps = grid(sampleCount: sorted.count)
        let values = try Quantile.ofSorted(sorted, ps: ps)
        return zip(ps, values).map { Point(p: $0, value: $1) }
    }
}
