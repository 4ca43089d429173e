import ArgumentParser
import BenchFormats
import Foundation
import Reports

/// `render baseline-doc`: docs/performance-baseline.md from the baseline and thresholds files.
struct BaselineDocCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline-doc",
        abstract:
            "Regenerate docs/performance-baseline.md from \(BenchmarksLayout.baseline) and \(BenchmarksLayout.thresholds)."
    )

    @Option(name: .long, help: ArgumentHelp("Baseline file.", valueName: "FILE"))
    var baseline: String = BenchmarksLayout.baseline

    @Option(name: .long, help: ArgumentHelp("Thresholds file.", valueName: "FILE"))
    var thresholds: String = BenchmarksLayout.thresholds

    @Option(name: .long, help: ArgumentHelp("Markdown file to write (atomically).", valueName: "FILE"))
    var out: String = "docs/performance-baseline.md"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Measured bottlenecks and optimisation opportunities to include at the end (default docs/bottlenecks.md when it exists).",
            valueName: "FILE"))
    var bottlenecks: String?

    @Flag(name: .long, help: "Leave the bottleneck notes out.")
    var noBottlenecks = false

    @OptionGroup var templateOptions: TemplateOptions

    @Flag(name: .long, help: "Print nothing on success.")
    var quiet = false

    func run() throws {
        let path = try BaselineDocPipeline(
            options: .init(
                baselinePath: baseline, thresholdsPath: thresholds, outputPath: out,
                templateDirectory: templateOptions.directory,
                bottlenecksPath: bottlenecksToInclude)
        ).run()
        Progress(quiet: quiet).say("render baseline-doc: wrote \(path)")
    }

    /// A file named on the command line must exist; the default is included only when present.
    private var bottlenecksToInclude: String? {
        if noBottlenecks { return nil }
        if let bottlenecks { return bottlenecks }
        let standard = "docs/bottlenecks.md"
        return FileManager.default.fileExists(atPath: standard) ? standard : nil
    }
}
