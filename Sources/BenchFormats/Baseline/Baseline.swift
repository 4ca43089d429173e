import Foundation

/// Per-repetition statistics of a metric: the run-level data Welch's test needs (docs/analyze.md, "How a change is judged").
public struct PerRunStats: Codable, Hashable, Sendable {
    public var mean: [Double]
    public var p50: [Double]
    public var p95: [Double]

    public init(mean: [Double] = [], p50: [Double] = [], p95: [Double] = []) {
        self.mean = mean
        self.p50 = p50
        self.p95 = p95
    }
}

/// A metric as recorded in the baseline: its summary plus enough raw material for later tests.
public struct BaselineMetric: Codable, Hashable, Sendable {
    public var scenario: String
    public var metric: String
    public var unit: String
    public var better: Better
    public var summary: MetricSummary
    /// Up to `Baseline.maxSampleCount` sorted values chosen by `Baseline.stratifiedSample`.
    public var sample: [Double]
    public var perRun: PerRunStats
    /// Relative noise measured by A/A runs, in percent; `nil` when none were run.
    public var noiseFloorPct: Double?
    /// How many A/A runs measured `noiseFloorPct` (its degrees of freedom are one fewer); `nil` in
    /// baselines written before it was stored.
    public var noiseFloorRuns: Int?

    public init(
        scenario: String, metric: String, unit: String, better: Better, summary: MetricSummary,
        sample: [Double], perRun: PerRunStats, noiseFloorPct: Double? = nil, noiseFloorRuns: Int? = nil
    ) {
        self.scenario = scenario
        self.metric = metric
        self.unit = unit
        self.better = better
        self.summary = summary
        self.sample = sample
        self.perRun = perRun
        self.noiseFloorPct = noiseFloorPct
        self.noiseFloorRuns = noiseFloorRuns
    }

    public var key: MetricKey { MetricKey(scenario: scenario, metric: metric) }

    enum CodingKeys: String, CodingKey {
        case scenario, metric, unit, better, summary, sample
        case perRun = "per_run"
        case noiseFloorPct = "noise_floor_pct"
        case noiseFloorRuns = "noise_floor_runs"
    }
}

/// An exact counter as recorded in the baseline.
public struct BaselineCounter: Codable, Hashable, Sendable {
    public var scenario: String
    public var metric: String
    public var unit: String
    public var value: Double

    public init(scenario: String, metric: String, unit: String, value: Double) {
        self.scenario = scenario
        self.metric = metric
        self.unit = unit
        self.value = value
    }

    public var key: MetricKey { MetricKey(scenario: scenario, metric: metric) }
}

/// `.benchmarks/baseline.json` (`meshbench.baseline/1`): the reference run later runs are compared with.
public struct Baseline: Codable, Hashable, Sendable {
    public var schema: String
    public var recordedAt: Date
    public var run: RunHeader
    public var metrics: [BaselineMetric]
    public var counters: [BaselineCounter]

    /// Cap on `BaselineMetric.sample`, which keeps the file small enough to review in git.
    public static let maxSampleCount = 2000

    public init(
        schema: String = SchemaName.baseline, recordedAt: Date, run: RunHeader,
        metrics: [BaselineMetric], counters: [BaselineCounter] = []
    ) {
        self.schema = schema
        self.recordedAt = recordedAt
        self.run = run
        self.metrics = metrics
        self.counters = counters
    }

    enum CodingKeys: String, CodingKey {
        case schema, run, metrics, counters
        case recordedAt = "recorded_at"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schema = try c.decode(String.self, forKey: .schema)
        recordedAt = try c.decode(Date.self, forKey: .recordedAt)
        run = try c.decode(RunHeader.self, forKey: .run)
        metrics = try c.decodeIfPresent([BaselineMetric].self, forKey: .metrics) ?? []
        counters = try c.decodeIfPresent([BaselineCounter].self, forKey: .counters) ?? []
    }

    /// The metric with this key, if the baseline has it.
    public func metric(_ key: MetricKey) -> BaselineMetric? {
        metrics.first { $0.key == key }
    }

    /// Deterministic stratified subsample of sorted values: the value at the middle of each of
    /// `maxCount` equal-count strata (index ⌊(k + ½)·n / m⌋). It keeps the shape of the
    /// distribution (every quantile band is represented equally) and the same input always gives
    /// the same sample, so baselines diff cleanly. Returns the input when it is small enough.
    public static func stratifiedSample(sorted values: [Double], maxCount: Int = maxSampleCount) -> [Double] {
        let n = values.count
        guard maxCount > 0 else { return [] }
        guard n > maxCount else { return values }
        var out: [Double] = []
        out.reserveCapacity(maxCount)
        for k in 0..<maxCount {
            // (2k + 1)·n / (2m) with integer arithmetic: exact, no rounding drift.
            out.append(values[(2 * k + 1) * n / (2 * maxCount)])
        }
        return out
    }
}
