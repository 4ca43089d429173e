import Analysis
import ArgumentParser
import Foundation

/// `analyze`: raw samples in, results out (DESIGN §1). This file only maps the command line and
/// the README's exit codes; every decision lives in the Analysis module.
@main
struct AnalyzeCLI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Turn MeshBench raw samples into results: percentiles with CIs, tests against the baseline, verdicts.",
        discussion: """
            Exit codes: 0 pass or warn, 1 fail (regression past FAIL, SLA missed, check or test failed; see --fail-on), \
            2 bad input or usage, 3 internal error.
            """,
        subcommands: [RunSubcommand.self, CompareSubcommand.self, NoiseSubcommand.self, TrendsSubcommand.self, PruneSubcommand.self],
        defaultSubcommand: RunSubcommand.self)

    /// Parses, runs and exits with the documented code: usage errors exit 2 (not
    /// ArgumentParser's 64), `AnalysisError`s with their own code, anything unexpected 3.
    static func main() {
        let command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            if exitCode(for: error) == .success { exit(withError: error) }
            Console.error(fullMessage(for: error))
            Foundation.exit(2)
        }
        guard let coded = command as? ExitCodeCommand else {
            // ArgumentParser's own commands (help) run as usual.
            var other = command
            do {
                try other.run()
                Foundation.exit(0)
            } catch {
                exit(withError: error)
            }
        }
        do {
            Foundation.exit(try coded.execute())
        } catch let error as AnalysisError {
            Console.error("analyze: " + error.description)
            Foundation.exit(error.exitCode)
        } catch {
            Console.error("analyze: internal error: \(error). This is a bug in MeshBench: please report it with the command line")
            Foundation.exit(3)
        }
    }
}

/// A subcommand that reports its result as an exit code rather than by throwing.
protocol ExitCodeCommand {
    func execute() throws -> Int32
}
