import BenchFormats
import Foundation

/// What `render` (the report command) does, in an order that writes nothing on bad input:
/// read and check the results, parse every template, prove the output folder writable, and only
/// then draw the charts and write the documents.
public struct ReportPipeline {
    public struct Options: Sendable {
        public var outputPath: String
        public var templateDirectory: URL?
        public var scale: Double
        /// Thresholds file for results that do not record their noise floor and limits.
        public var thresholdsPath: String?

        public init(
            outputPath: String = "artifacts", templateDirectory: URL? = nil, scale: Double = 1,
            thresholdsPath: String? = nil
        ) {
            self.outputPath = outputPath
            self.templateDirectory = templateDirectory
            self.scale = scale
            self.thresholdsPath = thresholdsPath
        }
    }

    /// What was written, for the command's summary line and for tests.
    public struct Written: Sendable {
        public let folder: URL
        public let files: [String]
        public let charts: [ChartOutcome]
    }

    public static let reportFile = "benchmark-report.md"
    public static let commentFile = "pr-comment.md"
    public static let resultsFile = "benchmark-results.json"

    /// The files a report owns in its folder: the documents, the standard charts and the per-trend charts.
    public static let family = OutputFolder.Family(name: "report") { name in
        [reportFile, commentFile, resultsFile, ChartSet.compositeFile].contains(name)
            || ChartSet.standard.charts.contains { $0.file == name } || TrendCharts.isSingleTrendFile(name)
    }

    public let options: Options

    public init(options: Options) { self.options = options }

    public func run(inputPath: String) throws(ReportError) -> Written {
        let loaded = try ResultsLoader.load(path: inputPath)
        let thresholds = try options.thresholdsPath.map { path throws(ReportError) in try ConfigFiles.thresholds(path) }
        let templates = try TemplateSet(overrideDirectory: options.templateDirectory)
        let folder = try OutputFolder(path: options.outputPath, family: Self.family)
        return try write(loaded, templates: templates, into: folder, thresholds: thresholds)
    }

    /// Draws and writes everything for already-checked input. `thresholds` only fills in the
    /// limits that older results do not record; benchmark-results.json stays what analyze wrote.
    public func write(
        _ loaded: ResultsLoader.Loaded, templates: TemplateSet, into folder: OutputFolder,
        thresholds: Thresholds? = nil
    ) throws(ReportError) -> Written {
        let results = loaded.results
        let charts = try ChartSet.standard.draw(
            ComparisonLimits.filled(results, from: thresholds), into: folder, scale: options.scale)
        let report = templates.render(.report, ReportViewModel(results: results, charts: charts))
        let comment = templates.render(.prComment, PRCommentViewModel(results: results, charts: charts))
        folder.write(report, to: Self.reportFile)
        folder.write(comment, to: Self.commentFile)
        folder.write(PrettyJSON.format(loaded.bytes, results: results), to: Self.resultsFile)
        try folder.commit()
        let files = [Self.reportFile, Self.commentFile, Self.resultsFile] + charts.filter(\.isDrawn).map(\.file)
        return Written(folder: folder.url, files: files, charts: charts)
    }
}
