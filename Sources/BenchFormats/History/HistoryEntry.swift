import Foundation

/// A metric's summary as kept in history: enough for trends, small enough to keep 90 days of.
public struct HistoryMetric: Codable, Hashable, Sendable {
    public var scenario: String
    public var metric: String
    public var unit: String
    public var better: Better
    public var n: Int
    public var mean: Double
    public var p50: Double
    public var p95: Double
    public var p99: Double

    public init(
        scenario: String, metric: String, unit: String, better: Better, n: Int, mean: Double,
        p50: Double, p95: Double, p99: Double
    ) {
        self.scenario = scenario
        self.metric = metric
        self.unit = unit
        self.better = better
        self.n = n
        self.mean = mean
        self.p50 = p50
        self.p95 = p95
        self.p99 = p99
    }

    public var key: MetricKey { MetricKey(scenario: scenario, metric: metric) }

    /// The value of a statistic kept in history; `nil` for statistics history does not keep.
    public func value(of stat: Statistic) -> Double? {
        switch stat {
        case .mean: mean
        case .p50: p50
        case .p95: p95
        case .p99: p99
        default: nil
        }
    }
}

/// One file of `.benchmarks/history/` (`meshbench.history/1`): the summary of one recorded run.
public struct HistoryEntry: Codable, Hashable, Sendable {
    public var schema: String
    public var recordedAt: Date
    public var run: RunHeader
    public var metrics: [HistoryMetric]

    public init(schema: String = SchemaName.history, recordedAt: Date, run: RunHeader, metrics: [HistoryMetric]) {
        self.schema = schema
        self.recordedAt = recordedAt
        self.run = run
        self.metrics = metrics
    }

    enum CodingKeys: String, CodingKey {
        case schema, run, metrics
        case recordedAt = "recorded_at"
    }
}
