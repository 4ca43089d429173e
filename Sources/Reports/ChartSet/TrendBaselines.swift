import BenchFormats
import Units

/// The baseline value of each trended metric, for the horizontal "baseline" line on its trend
/// chart: the same statistic the trend follows (p95 for latencies, the mean otherwise), from
/// the baseline file or, in a run's report, from the results' own `baseline` summaries.
struct TrendBaselines: Sendable {
    struct Value: Sendable {
        let value: Double
        let unit: String
        /// In the chart's base unit (nanoseconds, bytes...).
        var base: Double { (ParsedUnit.known(unit)?.toBase ?? 1) * value }
    }

    private let summaries: [MetricKey: (summary: MetricSummary, unit: String)]

    static let none = TrendBaselines(summaries: [:])

    init(baseline: Baseline) {
        summaries = Dictionary(
            baseline.metrics.map { ($0.key, ($0.summary, $0.unit)) }, uniquingKeysWith: { first, _ in first })
    }

    init(results: LoadedResults) {
        summaries = Dictionary(
            results.metrics.compactMap { metric in metric.baseline.map { (metric.key, ($0, metric.unit)) } },
            uniquingKeysWith: { first, _ in first })
    }

    private init(summaries: [MetricKey: (summary: MetricSummary, unit: String)]) { self.summaries = summaries }

    /// The baseline of the trend's statistic, when the baseline has the metric in a compatible unit.
    func value(for trend: TrendResult) -> Value? {
        guard let entry = summaries[trend.key] else { return nil }
        let summary = entry.summary
        let value: Double
        switch trend.stat {
        case .mean: value = summary.mean
        case .p50: value = summary.p50
        case .p95: value = summary.p95
        case .p99: value = summary.p99
        case .max: value = summary.max
        default: return nil
        }
        let baselineUnit = ParsedUnit.known(entry.unit), trendUnit = ParsedUnit.known(trend.unit)
        guard entry.unit == trend.unit || (baselineUnit != nil && baselineUnit?.dimension == trendUnit?.dimension)
        else { return nil }
        return Value(value: value, unit: entry.unit)
    }
}
