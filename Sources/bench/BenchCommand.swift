import ArgumentParser
import BenchFormats
import CommandLineSupport
import Foundation
import Profiling
import Reports
import Scenarios

/// `bench`: runs mesh scenarios and writes raw samples. A thin layer: the scenarios live in the
/// Scenarios module. Exit codes: 0 ok, 1 a scenario failed twice, 2 bad usage, 3 internal error.
@main
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Run the BTP-NIPs mesh benchmark scenarios and write raw samples (meshbench.samples/1).",
        discussion: """
            Examples:
              bench --tier 1 | analyze | render --out artifacts
              bench --tier 1 --out run.jsonl.gz --repetitions 3
              bench --list
              bench --target ws://127.0.0.1:7777 --tier 1 | analyze \\
                  | render --out artifacts
              bench serve --nodes 10 --topology regular --degree 4
              bench trace --nodes 10 --topology regular --degree 4
              bench topology --nodes 25 --topology small-world --degree 4
              bench deploy kubernetes --nodes 25 --topology regular --degree 4 --out k8s
            """,
        subcommands: [
            RunCommand.self, NodeSubcommand.self, TraceCommand.self, TopologyCommand.self, ServeCommand.self,
            NodeServerCommand.self, NetnsServeCommand.self, DeployCommand.self,
        ],
        defaultSubcommand: RunCommand.self)

    static func main() async {
        await ToolMain.run(BenchCommand.self, name: "bench") { error in
            switch error {
            case let usage as UsageError: .report(usage.description, code: ToolExit.badInput)
            case let level as UnknownLogLevel: .report(level.description, code: ToolExit.badInput)
            case let setup as RunSetupError: .report(setup.description, code: ToolExit.badInput)
            case let profile as ProfileSessionError: .report(profile.description, code: ToolExit.badInput)
            // Only `bench trace --png` draws (through Reports).
            case let report as ReportError: .report(report.description, code: report.exitCode)
            // `bench | head`: the reader has all it wanted; like any Unix filter, stop quietly.
            case SamplesError.readerClosed: .quiet(code: ToolExit.success)
            default: nil
            }
        }
    }
}
