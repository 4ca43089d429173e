/// Which direction of change is good for a metric: latency is `lower`, throughput is `higher`.
public enum Better: String, Codable, Hashable, Sendable, CaseIterable {
    case lower, higher
}

/// Whether the mesh was measured on real sockets or on the deterministic simulated transport.
public enum RunMode: String, Codable, Hashable, Sendable, CaseIterable {
    case real, simulated
}

/// Result of one attempt of a test, as recorded by `bench` for flake tracking.
public enum OutcomeStatus: String, Codable, Hashable, Sendable, CaseIterable {
    case pass, fail
}

/// The overall verdict of a run; also the exit-code driver of `analyze`.
public enum Verdict: String, Codable, Hashable, Sendable, CaseIterable {
    case pass, warn, fail
}

/// Status of a structural check (hop linearity, leak, burst recovery...).
public enum CheckStatus: String, Codable, Hashable, Sendable, CaseIterable {
    case pass, warn, fail, skipped
}

/// Verdict of comparing one metric (or counter) with the baseline.
public enum ChangeVerdict: String, Codable, Hashable, Sendable, CaseIterable {
    /// Within the noise floor or not significant.
    case noise
    /// Significant and beyond the noise floor, in the good direction.
    case improved
    case warn
    case fail
    /// The baseline exists but cannot be compared (other host, other unit...).
    case notComparable = "not_comparable"
    /// The metric has no baseline.
    case new
    /// The baseline has the metric, this run does not.
    case missing
}

/// The unit of replication used for a comparison (docs/analyze.md, "How a change is judged").
public enum TestLevel: String, Codable, Hashable, Sendable, CaseIterable {
    /// Per-repetition statistics compared (several repetitions on both sides).
    case runs
    /// Raw samples pooled because a side had a single repetition; said so in the result.
    case pooledSamples = "pooled_samples"
    /// Same-runner A/B: the paired test of interleaved rounds (one run per side and round) decided.
    case pairedRounds = "paired_rounds"
}

/// Direction of a 30-day trend; a direction is only claimed when the slope is significant.
public enum TrendDirection: String, Codable, Hashable, Sendable, CaseIterable {
    case improving, degrading, stable
    case insufficientHistory = "insufficient_history"
}
