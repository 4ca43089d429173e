/// The names a capacity ramp records under (`CapacityRamp` in Scenarios) that readers treat
/// apart from ordinary latencies: three durations that are CPU time per unit of work, which nobody
/// waits for, and the latency of every ramp step, most of which are measured at or past the
/// machine's saturation on purpose.
public enum CapacityMetrics {
    /// One BIP-340 verification (µs), measured on the spot: half of a node-event's floor.
    public static let nodeEventVerify = "node_event_verify"
    /// One SQLite insert (µs), measured on the spot: the other half of the floor.
    public static let nodeEventInsert = "node_event_insert"
    /// The mesh's CPU time per event during the knee step (µs).
    public static let cpuPerEventAtKnee = "cpu_per_event_at_knee"
    /// Full-propagation latency at the knee step (ms), the one ramp latency a user compares.
    public static let latencyAtKnee = "load_latency_at_knee"

    /// Durations that are CPU time spent per unit of work, not latencies.
    public static let cpuTime: Set = [nodeEventVerify, nodeEventInsert, cpuPerEventAtKnee]

    /// Full-propagation latency at the step offering `rate` events/s (ms).
    public static func stepLatency(rate: Double) -> String { stepLatencyPrefix + "\(Int(rate))" }

    /// Whether `metric` is one step's latency (`load_latency.r<rate>`), not the knee's.
    public static func isStepLatency(_ metric: String) -> Bool { metric.hasPrefix(stepLatencyPrefix) }

    private static let stepLatencyPrefix = "load_latency.r"
}
