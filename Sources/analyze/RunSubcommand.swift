import Analysis
import ArgumentParser
import CommandLineSupport
import BenchFormats

/// `analyze [FILE...]` — the default command.
struct RunSubcommand: ParsableCommand, StatusCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Analyze raw samples (a file, several files = repetitions, or - for standard input).")

    @Argument(help: ArgumentHelp("Raw samples files (plain or gzip); - reads standard input.", valueName: "FILE"))
    var inputs: [String] = ["-"]

    @OptionGroup var common: ResultOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Baseline to compare with (default \(BenchmarksLayout.baseline), skipped when absent).", valueName: "FILE"))
    var baseline: String?

    @Flag(name: .long, help: "Do not compare with any baseline.")
    var noBaseline = false

    @OptionGroup var comparability: ComparabilityOptions

    @Flag(name: .long, help: "Re-record the baseline from this run (atomically) after a successful analysis.")
    var updateBaseline = false

    @Flag(name: .long, help: "Record this run in the history folder and its outcomes in the flake history.")
    var record = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "When the recorded run happened (ISO 8601, e.g. 2025-01-31T12:00:00Z); default now.", valueName: "DATE"))
    var recordedAt: String?

    @Option(name: .long, help: ArgumentHelp("History folder for --record and trends.", valueName: "DIR"))
    var historyDir: String = BenchmarksLayout.history

    @Option(name: .long, help: ArgumentHelp("Flake history file.", valueName: "FILE"))
    var flakeHistory: String = BenchmarksLayout.flakeHistory

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Output: results, bencher, github-action-benchmark, github-action-benchmark-bigger or junit.",
            valueName: "FORMAT"))
    var format: OutputFormat = .results

    func validate() throws {
        if let recordedAt, ISO8601.parse(recordedAt) == nil {
            throw ValidationError("--recorded-at \(recordedAt) is not an ISO 8601 date like 2025-01-31T12:00:00Z")
        }
        if recordedAt != nil && !record {
            throw ValidationError("--recorded-at only applies with --record")
        }
    }

    func execute() throws -> Int32 {
        var command = AnalyzeRunCommand()
        command.inputs = inputs
        common.configure(&command)
        comparability.configure(&command.options)
        if let baseline {
            command.baselinePath = baseline
            command.baselineExplicit = true
        }
        command.noBaseline = noBaseline
        command.updateBaseline = updateBaseline
        command.record = record
        command.recordedAt = recordedAt.flatMap(ISO8601.parse)
        command.historyDir = historyDir
        command.flakeHistoryPath = flakeHistory
        command.format = format
        return try command.execute(log: common.log)
    }
}
