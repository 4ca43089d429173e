import ArgumentParser
import Reports

/// `render baseline-doc`: docs/performance-baseline.md from the baseline and thresholds files.
struct BaselineDocCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline-doc",
        abstract: "Regenerate docs/performance-baseline.md from .benchmarks/baseline.json and .benchmarks/thresholds.json.")

    @Option(name: .long, help: ArgumentHelp("Baseline file.", valueName: "FILE"))
    var baseline: String = ".benchmarks/baseline.json"

    @Option(name: .long, help: ArgumentHelp("Thresholds file.", valueName: "FILE"))
    var thresholds: String = ".benchmarks/thresholds.json"

    @Option(name: .long, help: ArgumentHelp("Markdown file to write (atomically).", valueName: "FILE"))
    var out: String = "docs/performance-baseline.md"

    @OptionGroup var templateOptions: TemplateOptions

    @Flag(name: .long, help: "Print nothing on success.")
    var quiet = false

    func run() throws {
        let path = try BaselineDocPipeline(options: .init(baselinePath: baseline, thresholdsPath: thresholds, outputPath: out,
                                                          templateDirectory: templateOptions.directory)).run()
        Progress(quiet: quiet).say("render baseline-doc: wrote \(path)")
    }
}
