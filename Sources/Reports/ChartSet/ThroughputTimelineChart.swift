import BenchFormats
import Charts

/// `throughput-timeline.png`: events per second over the run with the burst window shaded, and
/// queue depth in a panel below on the same time axis, so a throughput dip can be matched to
/// the queue that built up (AC 3: bounded queues, recovery within 60 s after a burst).
struct ThroughputTimelineChart: ReportChart {
    static let fileName = "throughput-timeline.png"
    let file = fileName
    let title = "Throughput over time"
    var size: (width: Int, height: Int) { (960, 640) }

    func plan(_ results: LoadedResults) -> ChartPlan {
        let throughput = results.series.filter(SeriesKinds.isThroughput)
        guard !throughput.isEmpty else { return .noData("no throughput time series (a series in <noun>/s) in the results") }
        let queues = results.series.filter(SeriesKinds.isQueue)
        func name(_ s: Series) -> String { "\(s.scenario) · \(s.metric)" + (s.node.map { " · node \($0)" } ?? "") }
        var panels = [ChartPanel(yAxis: AxisSpec(title: "Throughput", dimension: .rate(noun: "events")),
                                 series: throughput.map { LineSeries(name: name($0), points: SeriesKinds.points($0)) })]
        if !queues.isEmpty {
            panels.append(ChartPanel(yAxis: AxisSpec(title: "Queue depth", dimension: .count(noun: "events")),
                                     series: queues.map { LineSeries(name: name($0), points: SeriesKinds.points($0), isStep: true) }))
        }
        let burst = SeriesKinds.burstWindow(results.run)
        let chart = PanelChart(title: title,
                               subtitle: burst == nil ? "No burst window recorded in the run's config" : "Shaded: the burst window",
                               xAxis: AxisSpec(title: "Time since scenario start", dimension: .duration),
                               panels: panels,
                               spans: burst.map { [ShadedSpan(from: $0.lowerBound * 1e9, to: $0.upperBound * 1e9, label: "burst")] } ?? [])
        let text = ValueText()
        let alt = "Throughput over time for " + throughput.map { series in
            "\(name(series)): mean \(text.value(series.values.reduce(0, +) / Double(max(1, series.values.count)), unit: series.unit))"
        }.joined(separator: ", ") + (queues.isEmpty ? "" : "; queue depth below, peak \(Int(queues.flatMap(\.values).max() ?? 0))") + "."
        return .draw(chart, alt: alt)
    }
}
