/// Family of a metric, which decides its regression limits. Derived from the unit unless
/// `Thresholds.metricClasses` overrides it for a metric.
public enum MetricClass: String, Codable, Hashable, Sendable, CaseIterable {
    case latency, throughput, memory, cpu, counter

    /// Units that measure time; values in them can never be negative.
    public static let timeUnits: Set<String> = ["ns", "us", "µs", "ms", "s", "min", "h"]
    static let memoryUnits: Set<String> = ["B", "KB", "KiB", "MB", "MiB", "GB", "GiB"]

    /// Class from the unit: time → latency, `…/s` → throughput, bytes → memory, `%` → cpu,
    /// anything else (counts) → counter.
    public static func classify(unit: String) -> MetricClass {
        if timeUnits.contains(unit) { return .latency }
        if unit.hasSuffix("/s") { return .throughput }
        if memoryUnits.contains(unit) { return .memory }
        if unit == "%" { return .cpu }
        return .counter
    }
}
