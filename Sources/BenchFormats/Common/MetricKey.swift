/// Identity of a metric across files: a scenario and a metric name. Baseline, history and results
/// are joined on this key.
public struct MetricKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var scenario: String
    public var metric: String

    public init(scenario: String, metric: String) {
        self.scenario = scenario
        self.metric = metric
    }

    /// `scenario/metric`, the form used in messages and trend keys.
    public var description: String { "\(scenario)/\(metric)" }

    public static func < (a: MetricKey, b: MetricKey) -> Bool {
        (a.scenario, a.metric) < (b.scenario, b.metric)
    }
}
