import Charts
import Foundation

/// The charts `render` writes for one results file, and the composite of the key ones.
struct ChartSet {
    let charts: [any ReportChart]
    /// Files whose charts also go, as panels, into `benchmark-graphs.png`, in this order.
    let compositePanels: [String]

    static var standard: ChartSet {
        ChartSet(
            charts: [
                LatencySpectrumChart(), BaselineDeltaChart(), LatencyByMeshSizeChart(), LatencyByHopsChart(),
                LatencyBreakdownChart(), ThroughputTimelineChart(), ResourcesChart(), TopologyChart(), FlakesChart(),
                TrendsOverviewChart(),
            ],
            compositePanels: [
                LatencySpectrumChart.fileName, BaselineDeltaChart.fileName, LatencyByMeshSizeChart.fileName,
                ThroughputTimelineChart.fileName, ResourcesChart.fileName, TrendCharts.overviewFile,
            ])
    }

    /// Draws every chart that has data (into the folder's pending commit) and says why the others are absent.
    func draw(_ results: LoadedResults, into folder: OutputFolder, scale: Double) throws(ReportError) -> [ChartOutcome]
    {
        let source = Self.sourceLine(results)
        // A trend of a single run gets no chart of its own (and no "not drawn" line each):
        // trends.png's reason says it once for all of them.
        let perTrend = TrendCharts.singles(
            results.trends.filter { $0.points.count >= 2 }, baselines: TrendBaselines(results: results))
        var outcomes: [ChartOutcome] = []
        var panels: [(file: String, chart: any Chart, title: String)] = []
        for chart in charts + perTrend {
            let (outcome, drawing) = try Self.draw(chart, results, source: source, folder: folder, scale: scale)
            outcomes.append(outcome)
            if let drawing, compositePanels.contains(chart.file) { panels.append((chart.file, drawing, chart.title)) }
        }
        outcomes.append(try drawComposite(panels, source: source, folder: folder, scale: scale))
        return outcomes
    }

    /// Plans one chart and writes it when it has data; returns the chart kit's drawing for composites.
    static func draw(
        _ chart: any ReportChart, _ results: LoadedResults, source: String, folder: OutputFolder,
        scale: Double
    ) throws(ReportError) -> (ChartOutcome, (any Chart)?) {
        switch chart.plan(results) {
        case .noData(let reason):
            return (.missing(chart.file, title: chart.title, reason: reason), nil)
        case .draw(let drawing, let alt):
            let page = ChartPage(width: chart.size.width, height: chart.size.height, scale: scale, sourceLine: source)
            try write(page, drawing, name: chart.file, folder: folder)
            return (.drawn(chart.file, title: chart.title, alt: alt), drawing)
        }
    }

    static let compositeFile = "benchmark-graphs.png"

    /// Two panels per row, each the size of a single chart, plus room for the grid's title.
    static func compositeSize(panelCount: Int) -> (width: Int, height: Int) {
        let columns = panelCount >= 2 ? 2 : 1
        let rows = (panelCount + columns - 1) / columns
        return (960 * columns, 540 * rows + 60)
    }

    private func drawComposite(
        _ panels: [(file: String, chart: any Chart, title: String)], source: String,
        folder: OutputFolder, scale: Double
    ) throws(ReportError) -> ChartOutcome {
        let title = "Key graphs"
        guard !panels.isEmpty else {
            return .missing(Self.compositeFile, title: title, reason: "none of its panels had data")
        }
        let size = Self.compositeSize(panelCount: panels.count)
        let columns = panels.count >= 2 ? 2 : 1
        let ordered = panels.sorted {
            compositePanels.firstIndex(of: $0.file)! < compositePanels.firstIndex(of: $1.file)!
        }
        let grid = GridChart(title: "MeshBench key graphs", columns: columns, charts: ordered.map(\.chart))
        let page = ChartPage(width: size.width, height: size.height, scale: scale, sourceLine: source)
        try Self.write(page, grid, name: Self.compositeFile, folder: folder)
        let alt = "Key graphs in one image: " + panels.map(\.title).joined(separator: ", ") + " (each shown above)."
        return .drawn(Self.compositeFile, title: title, alt: alt)
    }

    /// Draws the PNG into the folder's pending commit.
    static func write(_ page: ChartPage, _ chart: any Chart, name: String, folder: OutputFolder) throws(ReportError) {
        do {
            folder.write(try page.png(chart), to: name)
        } catch {
            throw .drawingFailed(chart: name, reason: "\(error)")
        }
    }

    /// "commit abc1234def · 2025-01-31 12:00 UTC · host … · real": where every chart's numbers came from.
    static func sourceLine(_ results: LoadedResults) -> String {
        guard let run = results.run else { return "source: results without a run header" }
        return "commit \(run.git.commit.prefix(10))\(run.git.dirty ? " (dirty)" : "") · \(run.git.branch) · "
            + "\(DateText.display(run.startedAt)) · host \(run.host.fingerprint.prefix(12)) · \(run.mode.rawValue) · run \(run.runID)"
    }
}
