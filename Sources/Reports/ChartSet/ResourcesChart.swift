import BenchFormats
import Charts
import Foundation

/// `resources.png`: memory (RSS) and CPU per node over time. Up to 9 nodes get a line each;
/// from 10 nodes on, lines stop being readable, so the chart shows the median node with a
/// min–max band. Only the longest-running scenario is drawn, with its leak check's finding.
struct ResourcesChart: ReportChart {
    static let fileName = "resources.png"
    static let bandFrom = 10
    let file = fileName
    // Not "per node": in-process runs measure the one process that holds every node.
    let title = "Memory and CPU over time"
    var size: (width: Int, height: Int) { (960, 640) }

    func plan(_ results: LoadedResults) -> ChartPlan {
        let rss = results.series.filter(SeriesKinds.isRSS)
        let allMemory = rss.isEmpty ? results.series.filter(SeriesKinds.isMemory) : rss
        let allCPU = results.series.filter(SeriesKinds.isCPU)
        // One scenario: other scenarios' series are other runs on a clock that only looks shared.
        guard let scenario = Self.longestRunning(allMemory.isEmpty ? allCPU : allMemory) else {
            return .noData("no memory (bytes) or CPU (%) time series in the results")
        }
        let memory = allMemory.filter { $0.scenario == scenario }, cpu = allCPU.filter { $0.scenario == scenario }
        let others = Set((allMemory + allCPU).map(\.scenario)).subtracting([scenario]).count
        var panels: [ChartPanel] = []
        if !memory.isEmpty {
            panels.append(
                ChartPanel(
                    yAxis: AxisSpec(title: rss.isEmpty ? "Memory" : "RSS", dimension: .bytes),
                    series: SeriesKinds.groups(memory).flatMap(Self.lines)))
        }
        if !cpu.isEmpty {
            panels.append(
                ChartPanel(
                    yAxis: AxisSpec(title: "CPU", dimension: .percent),
                    series: SeriesKinds.groups(cpu).flatMap(Self.lines)))
        }
        let leaks = results.checks.filter { $0.name.lowercased().contains("leak") && $0.scenario == scenario }
        let leak = Self.worst(leaks)
        let chart = PanelChart(
            title: title,
            subtitle: scenario + (others > 0 ? " (longest-running of \(others + 1) scenarios)" : "") + " · "
                + (leak.map { Self.headline($0) + (leaks.count > 1 ? " (worst of \(leaks.count))" : "") }
                    ?? "no leak check"),
            xAxis: AxisSpec(title: "Time since scenario start", dimension: .duration),
            panels: panels)
        let nodes = Set((memory + cpu).compactMap(\.node)).count
        let alt =
            "Memory and CPU over time of \(scenario)" + (nodes > 0 ? " for \(nodes) nodes" : "")
            + (nodes >= Self.bandFrom ? " (median with min–max band)" : "")
            + (leak.map { "; leak check \($0.status.rawValue): \($0.detail)" } ?? "") + "."
        return .draw(chart, alt: alt)
    }

    /// The scenario whose series span the most time (the first on a tie): it shows growth best.
    static func longestRunning(_ series: [Series]) -> String? {
        var best: (scenario: String, span: Double)?
        for s in series {
            let span = (s.t.max() ?? 0) - (s.t.min() ?? 0)
            if best == nil || span > best!.span { best = (s.scenario, span) }
        }
        return best?.scenario
    }

    /// The leak check a reader must see first: failed before warned before passed, then the
    /// largest growth.
    static func worst(_ checks: [CheckResult]) -> CheckResult? {
        let rank: [CheckStatus: Int] = [.fail: 3, .warn: 2, .pass: 1, .skipped: 0]
        return checks.max { (rank[$0.status]!, $0.measured ?? 0) < (rank[$1.status]!, $1.measured ?? 0) }
    }

    /// "leak check (fail): process_rss: 363.2 % per 10 min; limit 10 %": the finding without its
    /// statistics (the report's checks table has them), short enough for one subtitle line.
    static func headline(_ check: CheckResult) -> String {
        let finding = check.detail.components(separatedBy: " (").first ?? check.detail
        let limit = check.limit.map { "; limit \(ValueText().value($0, unit: "%"))" } ?? ""
        return "leak check (\(check.status.rawValue)): \(finding)\(finding == check.detail ? "" : limit)"
    }

    /// One quantity of one scenario: a line per node (or one for the whole process), or the
    /// median node with a min–max band when there are many nodes.
    static func lines(_ series: [Series]) -> [LineSeries] {
        guard Set(series.compactMap(\.node)).count >= bandFrom else {
            return series.sorted { ($0.node ?? -1) < ($1.node ?? -1) }.map {
                LineSeries(name: SeriesKinds.name($0), points: SeriesKinds.points($0))
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
        return [
            LineSeries(
                name: "\(series[0].scenario) · \(series[0].metric): median of \(series.count) nodes (band: min–max)",
                points: median, band: band)
        ]
    }
}
