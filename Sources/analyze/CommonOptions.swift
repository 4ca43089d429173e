import Analysis
import ArgumentParser
import BenchFormats
import CommandLineSupport
import Foundation

/// `--input-format`, for every command that reads samples files.
struct InputFormatOption: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Format of the inputs: auto (by content), meshbench, hyperfine, google-benchmark, pytest-benchmark or go.",
            valueName: "FORMAT"))
    var inputFormat: InputFormat = .auto
}

/// Options shared by the commands that produce results.
struct ResultOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp("Write the results here (atomically) instead of standard output.", valueName: "FILE"))
    var out: String = "-"

    @Option(
        name: .long,
        help: ArgumentHelp("Thresholds file (SLAs, WARN/FAIL percentages, noise floor, α).", valueName: "FILE"))
    var thresholds: String = BenchmarksLayout.thresholds

    @Flag(name: .long, help: "Accept a samples file without its `end` record (an interrupted run); the results say so.")
    var allowPartial = false

    @OptionGroup var input: InputFormatOption

    @Option(
        name: .long,
        help: ArgumentHelp("Exit 1 when the verdict reaches this level: warn, fail or never.", valueName: "LEVEL"))
    var failOn: FailPolicy = .fail

    @Flag(
        name: .long,
        help: "Fail (exit 1) when no timed metric was compared, e.g. against a baseline from another machine class.")
    var requireTimings = false

    @Option(name: .long, help: "Seed of the bootstrap confidence intervals (same seed, same intervals).")
    var seed: UInt64 = 1

    @Flag(name: .long, help: "Do not print the verdict line on standard error.")
    var quiet = false

    func log(_ message: String) {
        if !quiet { Console.error(message) }
    }

    /// Fills the settings these options stand for into `command`.
    func configure(_ command: inout some ResultProducingCommand) {
        command.out = out
        command.thresholdsPath = thresholds
        command.allowPartial = allowPartial
        command.inputFormat = input.inputFormat
        command.failOn = failOn
        command.options.seed = seed
        command.options.requireTimings = requireTimings
    }
}

/// When timings measured under different conditions may still be compared (run and compare).
struct ComparabilityOptions: ParsableArguments {
    @Flag(
        name: .long, help: "Compare timings with a baseline (or A) from another machine class; marked in every result.")
    var ignoreHost = false

    @Flag(name: .long, help: "Compare relays measured with --target against other relay software or versions.")
    var compareAnyRelay = false

    func configure(_ options: inout AnalysisOptions) {
        options.ignoreHost = ignoreHost
        options.compareAnyRelay = compareAnyRelay
    }
}

extension FailPolicy: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}
extension InputFormat: ExpressibleByArgument {}
