import Analysis
import ArgumentParser
import BenchFormats
import CommandLineSupport
import Foundation

/// `analyze prune --keep-days N`.
struct PruneSubcommand: ParsableCommand, StatusCommand {
    static let configuration = CommandConfiguration(
        commandName: "prune",
        abstract: "Delete history entries older than the retention (default: thresholds' retention_days, 90).")

    @Option(name: .long, help: "Keep entries recorded in the last N days.")
    var keepDays: Int?

    @Option(name: .long, help: ArgumentHelp("History folder.", valueName: "DIR"))
    var historyDir: String = BenchmarksLayout.history

    @Option(name: .long, help: ArgumentHelp("Thresholds file (for the default retention).", valueName: "FILE"))
    var thresholds: String = BenchmarksLayout.thresholds

    func execute() throws -> Int32 {
        var command = AnalyzePruneCommand()
        command.keepDays = keepDays
        command.historyDir = historyDir
        command.thresholdsPath = thresholds
        return try command.execute(log: Console.error)
    }
}

/// `analyze trends --days N`.
struct TrendsSubcommand: ParsableCommand, StatusCommand {
    static let configuration = CommandConfiguration(
        commandName: "trends",
        abstract: "Trends of the recorded history (slope/day with CI, anomalies, change points) as results for render.")

    @Option(name: .long, help: "Window in days (default: thresholds' trend_window_days, 30).")
    var days: Int?

    @Option(name: .long, help: ArgumentHelp("History folder.", valueName: "DIR"))
    var historyDir: String = BenchmarksLayout.history

    @Option(name: .long, help: ArgumentHelp("Thresholds file (α, default window).", valueName: "FILE"))
    var thresholds: String = BenchmarksLayout.thresholds

    @Option(name: .long, help: ArgumentHelp("Write the results here instead of standard output.", valueName: "FILE"))
    var out: String = "-"

    @Option(name: .long, help: "Seed of the change-point permutation test.")
    var seed: UInt64 = 1

    func execute() throws -> Int32 {
        var command = AnalyzeTrendsCommand()
        command.days = days
        command.historyDir = historyDir
        command.thresholdsPath = thresholds
        command.out = out
        command.seed = seed
        return try command.execute(log: Console.error)
    }
}
