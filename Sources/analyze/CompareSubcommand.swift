import Analysis
import ArgumentParser
import BenchFormats
import CommandLineSupport

/// `analyze compare A B` or `analyze compare --a F... --b F...`.
struct CompareSubcommand: ParsableCommand, StatusCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two sets of raw samples directly: A is the reference, B the candidate.")

    @Argument(help: ArgumentHelp("A then B, one samples file each.", valueName: "FILE"))
    var files: [String] = []

    @Option(name: .customLong("a"), parsing: .upToNextOption, help: ArgumentHelp("Reference side: one or more samples files (repetitions).", valueName: "FILE"))
    var a: [String] = []

    @Option(name: .customLong("b"), parsing: .upToNextOption, help: ArgumentHelp("Candidate side: one or more samples files (repetitions).", valueName: "FILE"))
    var b: [String] = []

    @Option(name: .customLong("noise-floors"), help: ArgumentHelp("Baseline whose A/A noise floors judge one run per side (used when recorded on A's host).", valueName: "FILE"))
    var noiseFloors = BenchmarksLayout.baseline

    @Flag(name: .long, help: "Compare timings of files recorded on different machine classes (marked in every result).")
    var ignoreHost = false

    @Flag(name: .long, help: "Compare relays measured with --target even when A and B served other software or versions.")
    var compareAnyRelay = false

    @OptionGroup var common: ResultOptions

    func validate() throws {
        if !files.isEmpty && (!a.isEmpty || !b.isEmpty) {
            throw ValidationError("give either two files (A B) or --a/--b, not both")
        }
        if a.isEmpty && b.isEmpty && files.count != 2 {
            throw ValidationError("compare takes exactly two files, A and B (or --a F... --b F...); got \(files.count)")
        }
    }

    func execute() throws -> Int32 {
        var command = AnalyzeCompareCommand()
        command.a = files.isEmpty ? a : [files[0]]
        command.b = files.isEmpty ? b : [files[1]]
        command.out = common.out
        command.thresholdsPath = common.thresholds
        command.noiseFloorsPath = noiseFloors
        command.allowPartial = common.allowPartial
        command.inputFormat = common.inputFormat
        command.failOn = common.failOn
        command.options.ignoreHost = ignoreHost
        command.options.compareAnyRelay = compareAnyRelay
        command.options.seed = common.seed
        command.options.requireTimings = common.requireTimings
        return try command.execute(log: common.log)
    }
}
