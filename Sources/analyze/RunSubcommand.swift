import Analysis
import ArgumentParser

/// `analyze [FILE...]` — the default command.
struct RunSubcommand: ParsableCommand, ExitCodeCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Analyze raw samples (a file, several files = repetitions, or - for standard input).")

    @Argument(help: ArgumentHelp("Raw samples files (plain or gzip); - reads standard input.", valueName: "FILE"))
    var inputs: [String] = ["-"]

    @OptionGroup var common: ResultOptions

    @Option(name: .long, help: ArgumentHelp("Baseline to compare with (default .benchmarks/baseline.json, skipped when absent).", valueName: "FILE"))
    var baseline: String?

    @Flag(name: .long, help: "Do not compare with any baseline.")
    var noBaseline = false

    @Flag(name: .long, help: "Compare with a baseline recorded on another host (marked in every result).")
    var ignoreHost = false

    @Flag(name: .long, help: "Re-record the baseline from this run (atomically) after a successful analysis.")
    var updateBaseline = false

    func execute() throws -> Int32 {
        var command = AnalyzeRunCommand()
        command.inputs = inputs
        command.out = common.out
        command.thresholdsPath = common.thresholds
        if let baseline {
            command.baselinePath = baseline
            command.baselineExplicit = true
        }
        command.noBaseline = noBaseline
        command.allowPartial = common.allowPartial
        command.updateBaseline = updateBaseline
        command.failOn = common.failOn
        command.options.ignoreHost = ignoreHost
        command.options.seed = common.seed
        return try command.execute(log: common.log)
    }
}
