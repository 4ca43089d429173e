import ArgumentParser
import Scenarios

/// `bench node`: one relay node in this process, driven over standard input/output by a `bench`
/// running with `--process-per-node` (docs/scenarios.md, "Process per node"). Not for direct use.
struct NodeSubcommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "node",
        abstract: "Run one mesh node driven by a parent bench over stdin/stdout (used by --process-per-node).")

    func run() async throws {
        await NodeServer.run()
    }
}
