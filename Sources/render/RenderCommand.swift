import ArgumentParser
import CommandLineSupport
import Foundation
import Reports

/// `render`: results → charts and Markdown. A thin layer: options here, work in `Reports`.
/// Exit codes (README): 0 written, 2 bad input or usage, 3 internal error.
@main
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw the charts and write the Markdown reports for a MeshBench results file.",
        discussion: "Exit codes: 0 written, 2 bad input or usage (nothing is written), 3 internal error.",
        subcommands: [ReportCommand.self, TrendsCommand.self, FlamegraphCommand.self, BaselineDocCommand.self],
        defaultSubcommand: ReportCommand.self)

    static func main() async {
        await ToolMain.run(RenderCommand.self, name: "render") { error in
            guard let error = error as? ReportError else { return nil }
            if case .output(let failure) = error, failure.readerClosed { return .quiet(code: ToolExit.success) }
            return .report(error.description, code: error.exitCode)
        }
    }
}

/// Prints one line to standard error unless `--quiet`.
struct Progress {
    let quiet: Bool
    func say(_ line: String) {
        guard !quiet else { return }
        Console.error(line)
    }
}
