import BenchFormats

/// Seeds for the bootstrap that depend only on the user's seed and the metric's name, so the
/// same inputs always give the same intervals, and adding a metric does not move the others'.
enum StableSeed {
    /// FNV-1a (64-bit) of `scenario/metric`, mixed with `seed`.
    static func forMetric(_ key: MetricKey, seed: UInt64) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.description.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash ^ seed
    }
}
