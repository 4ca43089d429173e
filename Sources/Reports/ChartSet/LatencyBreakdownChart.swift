import BenchFormats
import Charts

/// `latency-breakdown.png`: where an event's time goes, one stacked bar per scenario with a
/// segment per pipeline phase (decode, verify, store, match, forward). Phase metrics are
/// recognised by name: `phase.<name>` (see templates/README.md). Segments are *means*: means add
/// up, so a bar's height is the mean processing time per event per node (medians would not).
struct LatencyBreakdownChart: ReportChart {
    static let fileName = "latency-breakdown.png"
    static let prefix = "phase."
    /// The relay pipeline's order (docs/protocol.md); other phase names follow in recorded order.
    static let pipelineOrder = ["decode", "verify", "store", "match", "forward"]
    let file = fileName
    let title = "Latency breakdown by phase"

    func plan(_ results: LoadedResults) -> ChartPlan {
        let phases = results.metrics.filter { Self.isPhase($0) }
        guard !phases.isEmpty else {
            return .noData("no phase timings (metrics named phase.<name>) in the results")
        }
        var names = Self.pipelineOrder.filter { name in phases.contains { $0.metric == Self.prefix + name } }
        for metric in phases where !names.contains(Self.phaseName(metric)) { names.append(Self.phaseName(metric)) }
        var scenarios: [String] = []
        for metric in phases where !scenarios.contains(metric.scenario) { scenarios.append(metric.scenario) }
        func phase(_ scenario: String, _ name: String) -> MetricResult? {
            phases.first { $0.scenario == scenario && $0.metric == Self.prefix + name }
        }
        let bars = scenarios.map { scenario in
            StackedBar(
                label: scenario,
                segments: names.map { name in
                    phase(scenario, name).map { $0.mean * LatencySpectrumChart.toBase($0.unit) } ?? 0
                })
        }
        let events = phases.map(\.n).min() ?? 0
        let chart = StackedBarChart(
            title: title,
            subtitle:
                "Mean time per event per node in each phase of the relay pipeline; bar height = mean total (≥ \(ValueText().count(events)) events per phase)",
            categoryTitle: "Scenario", valueAxis: AxisSpec(title: "Mean time per event", dimension: .duration),
            phases: names, bars: bars)
        let text = ValueText()
        let alt =
            "Stacked bars of mean time per event per phase for "
            + scenarios.map { scenario in
                scenario + ": "
                    + names.compactMap { name in
                        phase(scenario, name).map { "\(name) \(text.value($0.mean, unit: $0.unit))" }
                    }
                    .joined(separator: ", ")
            }.joined(separator: "; ") + "."
        return .draw(chart, alt: alt)
    }

    static func isPhase(_ metric: MetricResult) -> Bool {
        metric.metric.hasPrefix(prefix) && ValueText.isDuration(metric.unit)
    }

    static func phaseName(_ metric: MetricResult) -> String { String(metric.metric.dropFirst(prefix.count)) }
}
