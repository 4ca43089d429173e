import ArgumentParser
import CommandLineSupport
import Foundation
import Scenarios

/// `bench netns-serve`: a mesh of node servers, each in its own network namespace on a bridge
/// made for the run, left running for outside NIP-01 clients until SIGINT or SIGTERM; then (or
/// on any failure) every namespace, link, process and store is removed. Needs root.
struct NetnsServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "netns-serve",
        abstract:
            "Run a mesh of node servers, each in its own network namespace (root), for outside NIP-01 clients until stopped.",
        discussion: """
            Prints one line per node, `node-<i><TAB>ws://198.18.X.Y:7000/nostr`,
            then `ready`.
            Example:
              bench netns-serve --nodes 10 --topology regular --degree 4 \\
                  --targets-out mesh.json &
              bench --targets mesh.json --scenario external.propagation | analyze \\
                  | render --out artifacts
            """)

    @OptionGroup var shape: MeshShapeOptions

    @Option(
        name: .customLong("targets-out"),
        help: ArgumentHelp(
            "Also write a targets file (nodes, links, placement) for bench --targets.", valueName: "file"))
    var targetsOut: String?

    func run() async throws {
        let topology = try shape.build()
        do { try NamespaceMesh.checkPrivileges() } catch { throw UsageError("\(error)") }
        let storage = try NodeStoreFolder(purpose: "netns")
        defer { storage.remove() }
        let mesh = try await NamespaceMesh.start(
            topology: topology, seed: shape.seed, executable: Bundle.main.executablePath,
            storage: storage.url, readyTimeout: 60)
        do {
            if let targetsOut {
                do {
                    try mesh.mesh.targetsJSON(placement: "netns").write(
                        to: URL(fileURLWithPath: targetsOut), options: .atomic)
                } catch {
                    throw UsageError("cannot write the targets file \(targetsOut): \(error.localizedDescription)")
                }
            }
            for (index, address) in mesh.mesh.nodes.enumerated() { print("node-\(index)\tws://\(address)/nostr") }
            print("ready")
            fflush(nil)  // all C streams: standard output is a global Swift 6 will not share
            // The mesh's own SIGINT/SIGTERM handler tears it down and ends the process; a second
            // handler (StopSignal) would re-ignore the signals after the mesh installed its own.
            while true { try await Task.sleep(nanoseconds: 3_600_000_000_000) }
        } catch {
            mesh.tearDown()
            throw error
        }
        mesh.tearDown()
    }
}
