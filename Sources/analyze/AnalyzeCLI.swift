import Analysis
import ArgumentParser
import CommandLineSupport
import Foundation

/// `analyze`: raw samples in, results out (docs/architecture.md §1). This file only maps the command line and
/// the README's exit codes; every decision lives in the Analysis module.
@main
struct AnalyzeCLI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract:
            "Turn MeshBench raw samples into results: percentiles with CIs, tests against the baseline, verdicts.",
        discussion: """
            Exit codes: 0 pass or warn, 1 fail (regression past FAIL, SLA missed, check or test failed; see --fail-on), \
            2 bad input or usage, 3 internal error.
            """,
        subcommands: [
            RunSubcommand.self, CompareSubcommand.self, NoiseSubcommand.self, TrendsSubcommand.self,
            PruneSubcommand.self,
        ],
        defaultSubcommand: RunSubcommand.self)

    static func main() async {
        await ToolMain.run(AnalyzeCLI.self, name: "analyze") { error in
            guard let error = error as? AnalysisError else { return nil }
            if case .output(let failure) = error, failure.readerClosed { return .quiet(code: ToolExit.success) }
            return .report(error.description, code: error.exitCode)
        }
    }
}
