import ArgumentParser
import BenchFormats
import Foundation
import Reports

/// `render [report] [FILE]`: the report, the PR comment, the results JSON and the chart set.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write benchmark-report.md, pr-comment.md, benchmark-results.json and the PNG charts.")

    @Argument(help: "Results file written by analyze, or - for standard input.")
    var input: String = "-"

    @Option(name: .long, help: ArgumentHelp("Output folder (created if missing).", valueName: "DIR"))
    var out: String = "artifacts"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Thresholds for results that do not record their noise floor and WARN/FAIL limits (default \(BenchmarksLayout.thresholds) when present).",
            valueName: "FILE"))
    var thresholds: String?

    @OptionGroup var templateOptions: TemplateOptions
    @OptionGroup var drawing: DrawingOptions

    func run() throws {
        let pipeline = ReportPipeline(
            options: .init(
                outputPath: out, templateDirectory: templateOptions.directory, scale: drawing.scale,
                thresholdsPath: DefaultFile.resolve(thresholds, default: BenchmarksLayout.thresholds)))
        let written = try pipeline.run(inputPath: input)
        drawing.progress.say(
            "render: wrote \(written.files.count) files to \(written.folder.path): \(written.files.joined(separator: ", "))"
        )
        drawing.sayMissing(written.charts, command: "render")
    }
}
