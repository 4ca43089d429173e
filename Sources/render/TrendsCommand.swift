import ArgumentParser
import BenchFormats
import Foundation
import Reports

/// `render trends [FILE]`: trends.png, one PNG per metric and trends.md from the document
/// `analyze trends` writes: `analyze trends --days 30 | render trends --out artifacts`.
struct TrendsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trends",
        abstract: "Write trends.md, trends.png and one trend-<scenario>-<metric>.png per metric from analyze's trends.",
        discussion: """
            The trends (slope per day with its CI, R², p, direction, anomalies, change points) are computed by \
            analyze from the history folder; render draws them. One line does both:

              analyze trends --days 30 | render trends --out artifacts
            """)

    @Argument(
        help: "Trends document written by `analyze trends` (a results file with trends[]), or - for standard input.")
    var input: String = "-"

    @Option(name: .long, help: ArgumentHelp("Output folder (created if missing).", valueName: "DIR"))
    var out: String = "artifacts"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Baseline drawn as each metric's baseline line (default \(BenchmarksLayout.baseline) when present).",
            valueName: "FILE"))
    var baseline: String?

    @OptionGroup var templateOptions: TemplateOptions
    @OptionGroup var drawing: DrawingOptions

    func run() throws {
        let pipeline = TrendReportPipeline(
            options: .init(
                outputPath: out, templateDirectory: templateOptions.directory, scale: drawing.scale,
                baselinePath: DefaultFile.resolve(baseline, default: BenchmarksLayout.baseline)))
        let written = try pipeline.run(inputPath: input)
        drawing.progress.say("render trends: wrote \(written.files.count) files to \(written.folder.path)")
        drawing.sayMissing(written.charts, command: "render trends")
    }
}
