import BenchFormats
import Foundation

/// What every structural check may look at: the run's raw records, its metric summaries and the
/// limits in `thresholds.json`. A check whose data is absent reports `skipped` with the reason,
/// so a report never shows a silent pass for something that was not measured.
///
/// Data each check reads (the naming contract with `bench`):
/// - hop linearity: sampled time metrics carrying `hops`;
/// - scaling: sampled time metrics of one name across ≥ 3 `mesh_size` values (their p95);
/// - diameter: a counter `diameter` (unit `hops`) in a scenario whose samples give `mesh_size`;
/// - delivery: counters `events_expected` and `events_delivered` of a scenario;
/// - queue depth: a series or counter named `queue_depth` (a capacity scenario: the counter only);
/// - burst recovery: a counter or sampled metric `burst_recovery` in `s` or `ms`;
/// - leak and OOM risk: series in a memory unit (`B` … `GiB`), e.g. `rss` per node;
/// - CPU saturation: series in `%` whose name contains `cpu`; a scenario with a sampled `ceiling`
///   is a capacity scenario, expected to saturate;
/// - scaling's machine floor: sampled `node_event_verify` and `node_event_insert` (µs) and the
///   counter `cores`; metrics named `load_…` (latency under a capacity load) are not judged.
public struct CheckContext {
    public var run: RunSamples
    public var metrics: [MetricResult]
    public var thresholds: Thresholds

    public init(run: RunSamples, metrics: [MetricResult], thresholds: Thresholds) {
        self.run = run
        self.metrics = metrics
        self.thresholds = thresholds
    }

    var limits: CheckLimits { thresholds.checks }

    /// Mesh size of a scenario, from any of its sampled metrics.
    func meshSize(of scenario: String) -> Int? {
        run.metrics.first { $0.scenario == scenario && $0.meshSize != nil }?.meshSize
    }

    /// A scenario that measured the machine's ceiling: it ramps the load to the mesh's knee.
    func isCapacityScenario(_ scenario: String) -> Bool {
        run.metrics.contains { $0.scenario == scenario && $0.metric == "ceiling" }
    }

    func counter(_ scenario: String, _ metric: String) -> CounterRecord? {
        run.counters.first { $0.scenario == scenario && $0.metric == metric }
    }

    static func skipped(_ name: String, _ reason: String) -> CheckResult {
        CheckResult(name: name, scenario: "-", status: .skipped, detail: reason)
    }
}

/// Converts memory units to MB (10⁶ bytes for the decimal units, 2²⁰ for the binary ones,
/// expressed in MB so limits in `thresholds.json` read the same way).
enum MemoryUnit {
    static func megabytes(_ value: Double, unit: String) -> Double? {
        switch unit {
        case "B": value / 1e6
        case "KB": value / 1e3
        case "MB": value
        case "GB": value * 1e3
        case "KiB": value * 1024 / 1e6
        case "MiB": value * 1_048_576 / 1e6
        case "GiB": value * 1_073_741_824 / 1e6
        default: nil
        }
    }
}

/// Runs every structural check (`checks[]` in docs/formats.md; docs/analyze.md, "Structural checks").
public enum MeshChecks {
    public static func run(_ context: CheckContext) -> [CheckResult] {
        HopLinearityCheck.run(context) + ScalingCheck.run(context) + DiameterCheck.run(context)
            + DeliveryCheck.run(context) + QueueDepthCheck.run(context) + BurstRecoveryCheck.run(context)
            + LeakCheck.run(context) + CPUSaturationCheck.run(context) + OOMRiskCheck.run(context)
    }
}
