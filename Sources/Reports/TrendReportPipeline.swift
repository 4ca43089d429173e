import BenchFormats
import Foundation

/// `render trends`: a trends document (what `analyze trends` writes: a results document whose
/// `trends[]` carry the points, slopes and anomalies) → `trends.png`, one
/// `trend-<scenario>-<metric>.png` per metric and `trends.md`. Like the report, it reads and
/// checks everything (document, baseline, templates, output folder) before drawing anything.
public struct TrendReportPipeline {
    public struct Options: Sendable {
        public var outputPath: String
        public var templateDirectory: URL?
        public var scale: Double
        /// Baseline whose figures are drawn as each trend's baseline line; `nil` uses the
        /// document's own `metrics[].baseline` summaries (a run's results carry them).
        public var baselinePath: String?

        public init(
            outputPath: String = "artifacts", templateDirectory: URL? = nil, scale: Double = 1,
            baselinePath: String? = nil
        ) {
            self.outputPath = outputPath
            self.templateDirectory = templateDirectory
            self.scale = scale
            self.baselinePath = baselinePath
        }
    }

    public static let documentFile = "trends.md"

    /// The files a trend report owns in its folder.
    public static let family = OutputFolder.Family(name: "trends") { name in
        name == documentFile || name == TrendCharts.overviewFile || TrendCharts.isSingleTrendFile(name)
    }

    public let options: Options

    public init(options: Options) { self.options = options }

    public func run(inputPath: String) throws(ReportError) -> ReportPipeline.Written {
        let loaded = try ResultsLoader.load(path: inputPath)
        let baseline = try options.baselinePath.map { path throws(ReportError) in (path, try ConfigFiles.baseline(path))
        }
        let templates = try TemplateSet(overrideDirectory: options.templateDirectory, required: [.trends])
        let folder = try OutputFolder(path: options.outputPath, family: Self.family)
        return try write(loaded.results, baseline: baseline, templates: templates, into: folder)
    }

    /// Draws the charts and writes `trends.md` for an already-checked document.
    public func write(
        _ results: LoadedResults, baseline: (path: String, baseline: Baseline)?, templates: TemplateSet,
        into folder: OutputFolder
    ) throws(ReportError) -> ReportPipeline.Written {
        let baselines = baseline.map { TrendBaselines(baseline: $0.baseline) } ?? TrendBaselines(results: results)
        let singles = TrendCharts.singles(results.trends, baselines: baselines)
        let source = ChartSet.sourceLine(results)
        var outcomes: [ChartOutcome] = []
        for chart in [TrendsOverviewChart()] as [any ReportChart] + singles {
            outcomes.append(try ChartSet.draw(chart, results, source: source, folder: folder, scale: options.scale).0)
        }
        let baselineSource =
            baseline.map {
                "\($0.path), recorded \(DateText.display($0.baseline.recordedAt)) from run \($0.baseline.run.runID)"
            }
            ?? (results.metrics.contains { $0.baseline != nil }
                ? "the results' baseline summaries" : "none given: no baseline line is drawn")
        let model = TrendsViewModel(
            results: results, charts: outcomes, perTrendFiles: singles.map(\.file), baselineSource: baselineSource)
        folder.write(templates.render(.trends, model), to: Self.documentFile)
        try folder.commit()
        return ReportPipeline.Written(
            folder: folder.url, files: [Self.documentFile] + outcomes.filter(\.isDrawn).map(\.file), charts: outcomes)
    }

}
