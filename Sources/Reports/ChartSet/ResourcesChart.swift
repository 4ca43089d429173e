import BenchFormats
import Charts
import Foundation

/// `resources.png`: memory (RSS) and CPU per node over time. Up to 9 nodes get a line each;
/// from 10 nodes on, lines stop being readable, so the chart shows the median node with a
/// min–max band. The leak check's finding is written on the memory panel.
struct ResourcesChart: ReportChart {
    static let fileName = "resources.png"
    static let bandFrom = 10
    let file = fileName
    let title = "Resources per node"
    var size: (width: Int, height: Int) { (960, 640) }

    func plan(_ results: LoadedResults) -> ChartPlan {
        let memory = results.series.filter(SeriesKinds.isMemory)
        let cpu = results.series.filter(SeriesKinds.isCPU)
        guard !memory.isEmpty || !cpu.isEmpty else {
            return .noData("no memory (bytes) or CPU (%) time series in the results")
        }
        var panels: [ChartPanel] = []
        if !memory.isEmpty { panels.append(ChartPanel(yAxis: AxisSpec(title: "RSS", dimension: .bytes), series: Self.lines(memory, "RSS"))) }
        if !cpu.isEmpty { panels.append(ChartPanel(yAxis: AxisSpec(title: "CPU", dimension: .percent), series: Self.lines(cpu, "CPU"))) }
        let leak = results.checks.first { $0.name.lowercased().contains("leak") }
        let chart = PanelChart(title: title,
                               subtitle: leak.map { "Leak check (\($0.status.rawValue)): \($0.detail)" }
                                   ?? "No leak check in the results",
                               xAxis: AxisSpec(title: "Time since scenario start", dimension: .duration),
                               panels: panels)
        let nodes = Set((memory + cpu).compactMap(\.node)).count
        let alt = "Memory and CPU over time for \(nodes) nodes" + (nodes >= Self.bandFrom ? " (median with min–max band)" : "")
            + (leak.map { "; leak check \($0.status.rawValue): \($0.detail)" } ?? "") + "."
        return .draw(chart, alt: alt)
    }

    /// One line per node, or median + min–max band across nodes when there are many.
    static func lines(_ series: [Series], _ label: String) -> [LineSeries] {
        guard Set(series.compactMap(\.node)).count >= bandFrom else {
            return series.sorted { ($0.node ?? -1) < ($1.node ?? -1) }.map {
                LineSeries(name: $0.node.map { "\(label) node \($0)" } ?? "\(label) \($0.scenario)", points: SeriesKinds.points($0))
            }
        }
        // Align nodes on the time stamps of the first series (sampled together by bench).
        let all = series.map(SeriesKinds.points)
        let times = all[0].map(\.x)
        var median: [DataPoint] = [], band: [BandPoint] = []
        for (index, t) in times.enumerated() {
            let values = all.compactMap { $0.indices.contains(index) ? $0[index].y : nil }.sorted()
            guard !values.isEmpty else { continue }
            let mid = values.count / 2
            median.append(DataPoint(x: t, y: values.count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2))
            band.append(BandPoint(x: t, lower: values.first!, upper: values.last!))
        }
        return [LineSeries(name: "\(label) median of \(series.count) nodes (band: min–max)", points: median, band: band)]
    }
}
