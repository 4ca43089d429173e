import ArgumentParser
import BenchFormats
import CommandLineSupport
import Foundation
import Scenarios

/// `bench serve`: starts a mesh of our nodes as separate processes and prints their NIP-01
/// client addresses, then runs until SIGINT or SIGTERM, so `bench --target` (or any Nostr
/// client) can measure the mesh as a black box (docs/external.md).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run a mesh of relay nodes (one process each) for outside NIP-01 clients until stopped.",
        discussion: """
            Prints one line per node, `node-<i><TAB>ws://127.0.0.1:PORT/nostr`,
            then `ready`.
            Example:
              bench serve --nodes 10 --topology regular --degree 4 \\
                  --targets-out mesh.json &
              bench --targets mesh.json --tier 1 | analyze | render --out artifacts
            """)

    @OptionGroup var shape: MeshShapeOptions

    @Option(
        name: .customLong("targets-out"),
        help: ArgumentHelp("Also write a targets file (nodes and links) for bench --targets.", valueName: "file"))
    var targetsOut: String?

    func run() async throws {
        let topology = try shape.build()
        let storage = try NodeStoreFolder(purpose: "serve")
        defer { storage.remove() }
        let stop = StopSignal()
        let mesh = try await ServedMesh.start(
            topology: topology, seed: shape.seed, executable: Bundle.main.executablePath,
            storage: storage.url, linkTimeout: 30)
        do {
            if let targetsOut {
                do {
                    let commit = FileCommit()
                    try commit.add([UInt8](try mesh.targetsFile()), to: targetsOut)
                    try commit.commit()
                } catch {
                    throw UsageError("cannot write the targets file \(targetsOut): \(error)")
                }
            }
            try Console.output(
                mesh.clientURLs.enumerated().map { "node-\($0.offset)\t\($0.element)\n" }.joined() + "ready\n")
            await stop.wait()
        } catch {
            await mesh.stop()
            throw error
        }
        await mesh.stop()
    }
}
