import BenchFormats

/// Seeds for the bootstrap that depend only on the user's seed and the metric's name, so the
/// same inputs always give the same intervals, and adding a metric does not move the others'.
enum StableSeed {
    /// FNV-1a (64-bit) of `scenario/metric`, mixed with `seed`.
    static func forMetric(_ key: MetricKey, seed: UInt64) -> UInt64 {
        FNV1a.hash(key.description) ^ seed
    }
}
