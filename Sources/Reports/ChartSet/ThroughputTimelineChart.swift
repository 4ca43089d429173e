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
        let all = results.series.filter(SeriesKinds.isThroughput)
        guard !all.isEmpty else { return .noData("no throughput time series (a series in events/s) in the results") }
        let shown = Self.scenariosShown(all)
        let throughput = all.filter { shown.contains($0.scenario) }
        let queues = SeriesKinds.groups(
            results.series.filter { SeriesKinds.isQueue($0) && shown.contains($0.scenario) })
        var panels = [
            ChartPanel(
                yAxis: AxisSpec(title: "Throughput", dimension: .rate(noun: "events")),
                series: throughput.map { LineSeries(name: SeriesKinds.name($0), points: SeriesKinds.points($0)) })
        ]
        let queuePeak = queues.joined().flatMap(\.values).max() ?? 0
        // A queue that never held anything gets a sentence, not a panel of flat zero lines.
        if queuePeak > 0, let noun = queues.first?.first.flatMap(Self.countNoun) {
            panels.append(
                ChartPanel(
                    yAxis: AxisSpec(title: "Queue depth", dimension: .count(noun: noun)),
                    series: queues.filter { Self.countNoun($0[0]) == noun }.map(Self.deepest)))
        }
        // The run's burst window belongs to its burst scenario: shaded only when that one is drawn.
        let burstScenario = throughput.map(\.scenario).first { $0.contains("burst") }
        let burst = burstScenario.flatMap { _ in SeriesKinds.burstWindow(results.run) }
        let omitted = Set(all.map(\.scenario)).count - shown.count
        var notes = [
            burstScenario.map {
                burst == nil ? "\($0): no burst window in the run's config" : "Shaded: the burst window of \($0)"
            }
                ?? "No burst scenario among these series"
        ]
        if !queues.isEmpty && queuePeak == 0 { notes.append("queue depth 0 throughout") }
        if omitted > 0 { notes.append("\(omitted) shorter scenario\(omitted == 1 ? "" : "s") not shown") }
        let chart = PanelChart(
            title: title,
            subtitle: notes.joined(separator: " · "),
            xAxis: AxisSpec(title: "Time since scenario start", dimension: .duration),
            panels: panels,
            spans: burst.map { [ShadedSpan(from: $0.lowerBound * 1e9, to: $0.upperBound * 1e9, label: "burst")] } ?? [])
        let text = ValueText()
        let alt =
            "Throughput over time for "
            + throughput.map { series in
                "\(SeriesKinds.name(series)): mean \(text.value(series.values.reduce(0, +) / Double(max(1, series.values.count)), unit: series.unit))"
            }.joined(separator: ", ")
            + (queues.isEmpty
                ? ""
                : "; deepest node queue \(queuePeak > 0 ? "below, peak \(text.value(queuePeak, unit: ""))" : "empty throughout")")
            + "."
        return .draw(chart, alt: alt)
    }

    static let maxScenarios = 3

    /// At most `maxScenarios` scenarios, each a separate run on its own clock: a burst scenario
    /// first (its window is what the chart is for), then the longest-running ones.
    static func scenariosShown(_ series: [Series]) -> [String] {
        var span: [String: Double] = [:]
        var order: [String] = []
        for s in series {
            if span[s.scenario] == nil { order.append(s.scenario) }
            span[s.scenario] = max(span[s.scenario] ?? 0, (s.t.max() ?? 0) - (s.t.min() ?? 0))
        }
        let ranked = order.enumerated().sorted { a, b in
            (a.element.contains("burst") ? 1 : 0, span[a.element]!, -a.offset) > (
                b.element.contains("burst") ? 1 : 0, span[b.element]!, -b.offset
            )
        }.map(\.element)
        let kept = Set(ranked.prefix(maxScenarios))
        return order.filter(kept.contains)
    }

    /// What a queue counts (`frames`, `events`), from its unit.
    static func countNoun(_ series: Series) -> String? {
        if case .count(let noun)? = SeriesKinds.dimension(series) { return noun ?? "items" }
        return nil
    }

    /// The deepest queue of any node at each sampling time: one line per scenario, readable at
    /// any node count (bench samples every node together, so the i-th points align).
    static func deepest(_ group: [Series]) -> LineSeries {
        let all = group.map(SeriesKinds.points)
        let points = all[0].indices.map { index in
            DataPoint(x: all[0][index].x, y: all.compactMap { $0.indices.contains(index) ? $0[index].y : nil }.max()!)
        }
        let first = group[0]
        let name =
            group.count > 1 || first.node == nil
            ? "\(first.scenario) · \(first.metric)" + (group.count > 1 ? " (deepest of \(group.count) nodes)" : "")
            : SeriesKinds.name(first)
        return LineSeries(name: name, points: points, isStep: true)
    }
}
