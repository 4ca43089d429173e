/// A summary statistic a limit can be placed on (SLAs) or a comparison can use.
public enum Statistic: String, Codable, Hashable, Sendable, CaseIterable {
    case mean, min, p50, p90, p95, p99, p999, max
}

/// How a measured value must relate to a limit for it to be met: `<` for latency, `>` for throughput.
public enum LimitOperator: String, Codable, Hashable, Sendable, CaseIterable {
    case below = "<"
    case atMost = "<="
    case above = ">"
    case atLeast = ">="

    /// Whether `measured` meets `limit` under this operator.
    public func holds(_ measured: Double, _ limit: Double) -> Bool {
        switch self {
        case .below: measured < limit
        case .atMost: measured <= limit
        case .above: measured > limit
        case .atLeast: measured >= limit
        }
    }
}
