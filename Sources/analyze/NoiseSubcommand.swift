import Analysis
import ArgumentParser
import BenchFormats
import CommandLineSupport

/// `analyze noise FILE...` — A/A calibration of the noise floor.
struct NoiseSubcommand: ParsableCommand, StatusCommand {
    static let configuration = CommandConfiguration(
        commandName: "noise",
        abstract: "Measure run-to-run noise (CV) and the minimum detectable effect from A/A runs of one build.")

    @Argument(
        help: ArgumentHelp(
            "Samples files of repeated runs of the same build (or one file with repetitions).", valueName: "FILE"))
    var inputs: [String] = []

    @Option(
        name: .long, help: ArgumentHelp("Write the noise report here instead of standard output.", valueName: "FILE"))
    var out: String = "-"

    @Option(name: .long, help: ArgumentHelp("Baseline to store the noise floors in.", valueName: "FILE"))
    var baseline: String = BenchmarksLayout.baseline

    @Option(name: .long, help: ArgumentHelp("Thresholds file (for α).", valueName: "FILE"))
    var thresholds: String = BenchmarksLayout.thresholds

    @Flag(name: .long, help: "Store each metric's noise floor in the baseline (atomically).")
    var updateBaseline = false

    @Flag(name: .long, help: "Accept samples files without their `end` record.")
    var allowPartial = false

    @OptionGroup var input: InputFormatOption

    @Flag(name: .long, help: "Do not print the summary on standard error.")
    var quiet = false

    func execute() throws -> Int32 {
        var command = AnalyzeNoiseCommand()
        command.inputs = inputs
        command.out = out
        command.baselinePath = baseline
        command.thresholdsPath = thresholds
        command.updateBaseline = updateBaseline
        command.allowPartial = allowPartial
        command.inputFormat = input.inputFormat
        return try command.execute(log: { if !quiet { Console.error($0) } })
    }
}
