import BenchFormats
import Foundation

/// `render baseline-doc`: `.benchmarks/baseline.json` + `.benchmarks/thresholds.json` →
/// `docs/performance-baseline.md`, so the figures people read are always the ones analyze
/// compares with. Both inputs and the template are checked, and the output folder proved
/// writable, before the document is written (atomically).
public struct BaselineDocPipeline {
    public struct Options: Sendable {
        public var baselinePath: String
        public var thresholdsPath: String
        public var outputPath: String
        public var templateDirectory: URL?
        /// The hand-measured bottlenecks and ranked opportunities (docs/bottlenecks.md), included
        /// as the document's last part; nil leaves the part out.
        public var bottlenecksPath: String?

        public init(
            baselinePath: String = BenchmarksLayout.baseline, thresholdsPath: String = BenchmarksLayout.thresholds,
            outputPath: String = "docs/performance-baseline.md", templateDirectory: URL? = nil,
            bottlenecksPath: String? = nil
        ) {
            self.baselinePath = baselinePath
            self.thresholdsPath = thresholdsPath
            self.outputPath = outputPath
            self.templateDirectory = templateDirectory
            self.bottlenecksPath = bottlenecksPath
        }
    }

    public let options: Options

    public init(options: Options) { self.options = options }

    /// Returns the path written.
    public func run() throws(ReportError) -> String {
        let baseline = try ConfigFiles.baseline(options.baselinePath)
        let thresholds = try ConfigFiles.thresholds(options.thresholdsPath)
        let templates = try TemplateSet(overrideDirectory: options.templateDirectory, required: [.performanceBaseline])
        let output = URL(fileURLWithPath: options.outputPath)
        let folder = try OutputFolder(path: output.deletingLastPathComponent().path)
        let bottlenecks = try options.bottlenecksPath.map { path throws(ReportError) in try BottleneckNotes(path: path)
        }
        let model = BaselineDocViewModel(
            baseline: baseline, thresholds: thresholds,
            baselineFile: options.baselinePath, thresholdsFile: options.thresholdsPath,
            bottlenecks: bottlenecks)
        folder.write(templates.render(.performanceBaseline, model), to: output.lastPathComponent)
        try folder.commit()
        return output.path
    }
}
