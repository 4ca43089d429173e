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

    @Option(
        name: .customLong("a"), parsing: .upToNextOption,
        help: ArgumentHelp("Reference side: one or more samples files (repetitions).", valueName: "FILE"))
    var a: [String] = []

    @Option(
        name: .customLong("b"), parsing: .upToNextOption,
        help: ArgumentHelp("Candidate side: one or more samples files (repetitions).", valueName: "FILE"))
    var b: [String] = []

    @Option(
        name: .customLong("noise-floors"),
        help: ArgumentHelp(
            "Baseline whose A/A noise floors judge one run per side (used when recorded on A's host).",
            valueName: "FILE"))
    var noiseFloors = BenchmarksLayout.baseline

    @OptionGroup var comparability: ComparabilityOptions

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
        command.noiseFloorsPath = noiseFloors
        common.configure(&command)
        comparability.configure(&command.options)
        return try command.execute(log: common.log)
    }
}
