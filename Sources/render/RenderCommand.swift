import ArgumentParser
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

    /// Runs the command with MeshBench's exit codes instead of ArgumentParser's (64 for usage).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as ReportError {
            FileHandle.standardError.write(Data("render: \(error)\n".utf8))
            Foundation.exit(error.exitCode)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            let isUsage = code == .validationFailure || error is ValidationError
            Foundation.exit(isUsage ? 2 : 3)
        }
    }
}

/// Prints one line to standard error unless `--quiet`.
struct Progress {
    let quiet: Bool
    func say(_ line: String) {
        guard !quiet else { return }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
