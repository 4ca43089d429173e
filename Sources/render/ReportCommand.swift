import ArgumentParser
import Foundation
import Reports

/// `render [FILE]`: the report, the PR comment, the results JSON and the chart set.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write benchmark-report.md, pr-comment.md, benchmark-results.json and the PNG charts.")

    @Argument(help: "Results file written by analyze, or - for standard input.")
    var input: String = "-"

    @Option(name: .long, help: "Output folder (created if missing).")
    var out: String = "artifacts"

    @Option(name: .long, help: "Folder of *.mustache files that replace the default templates of the same name.")
    var templates: String?

    @Option(name: .long, help: "Pixel density of the PNGs (2 for HiDPI screens).")
    var scale: Double = 1

    @Flag(name: .long, help: "Print nothing on success.")
    var quiet = false

    func validate() throws {
        guard scale.isFinite, scale >= 0.5, scale <= 4 else {
            throw ValidationError("--scale must be between 0.5 and 4 (got \(scale))")
        }
    }

    func run() throws {
        let pipeline = ReportPipeline(options: .init(
            outputPath: out, templateDirectory: templates.map { URL(fileURLWithPath: $0, isDirectory: true) }, scale: scale))
        let written = try pipeline.run(inputPath: input)
        let progress = Progress(quiet: quiet)
        progress.say("render: wrote \(written.files.count) files to \(written.folder.path): \(written.files.joined(separator: ", "))")
        for chart in written.charts where !chart.isDrawn {
            progress.say("render: no \(chart.file): \(chart.missingReason ?? "")")
        }
    }
}
