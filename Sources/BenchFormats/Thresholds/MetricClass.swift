import Units

/// Family of a metric, which decides its regression limits. Derived from the unit unless
/// `Thresholds.metricClasses` overrides it for a metric. The unit is read with `ParsedUnit`, the
/// one unit vocabulary render also draws with, so a unit is a time to both or to neither.
public enum MetricClass: String, Codable, Hashable, Sendable, CaseIterable {
    case latency, throughput, memory, cpu, counter

    /// Whether `unit` measures time (`ns`, `us`, `µs`, `μs`, `ms`, `s`, `min`, `h`); values in
    /// such units can never be negative.
    public static func isTime(_ unit: String) -> Bool {
        // An unknown unit is no time: such a metric is a counter (the reader accepts any unit).
        ParsedUnit.known(unit)?.dimension == .duration
    }

    /// Class from the unit: time → latency, `…/s` → throughput, bytes → memory, `%` → cpu,
    /// anything else (counts, unknown units) → counter.
    public static func classify(unit: String) -> MetricClass {
        switch ParsedUnit.known(unit)?.dimension {  // unknown units fall to `.counter`, below
        case .duration?: return .latency
        case .rate?: return .throughput
        case .bytes?: return .memory
        case .percent?: return .cpu
        default: return .counter
        }
    }
}
