import BenchFormats
import Charts

/// `latency-breakdown.png`: where an event's time goes, one stacked bar per scenario with a
/// segment per pipeline phase (serialization, verification, store, matching, network...).
/// Phase metrics are recognised by name: `phase.<name>` (see templates/README.md).
struct LatencyBreakdownChart: ReportChart {
    static let fileName = "latency-breakdown.png"
    static let prefix = "phase."
    let file = fileName
    let title = "Latency breakdown by phase"

    func plan(_ results: LoadedResults) -> ChartPlan {
        let phases = results.metrics.filter { $0.metric.hasPrefix(Self.prefix) && ValueText.isDuration($0.unit) }
        guard !phases.isEmpty else {
            return .noData("no phase timings (metrics named phase.<name>) in the results")
        }
        // Phase order: as they first appear, which is the pipeline order bench records them in.
        var names: [String] = []
        for metric in phases where !names.contains(String(metric.metric.dropFirst(Self.prefix.count))) {
            names.append(String(metric.metric.dropFirst(Self.prefix.count)))
        }
        let scenarios = Dictionary(grouping: phases, by: \.scenario)
        let bars = scenarios.keys.sorted().map { scenario in
            StackedBar(label: scenario, segments: names.map { name in
                guard let metric = scenarios[scenario]!.first(where: { $0.metric == Self.prefix + name }) else { return 0 }
                return metric.p50 * LatencySpectrumChart.toBase(metric.unit)
            })
        }
        let chart = StackedBarChart(title: title, subtitle: "Median time per phase of the relay pipeline",
                                    categoryTitle: "Scenario", valueAxis: AxisSpec(title: "Median time", dimension: .duration),
                                    phases: names, bars: bars)
        let text = ValueText()
        let alt = "Stacked bars of median time per phase for " + scenarios.keys.sorted().map { scenario in
            scenario + ": " + scenarios[scenario]!.map { "\($0.metric.dropFirst(Self.prefix.count)) \(text.value($0.p50, unit: $0.unit))" }
                .joined(separator: ", ")
        }.joined(separator: "; ") + "."
        return .draw(chart, alt: alt)
    }
}
