import ArgumentParser
import CommandLineSupport
import Foundation
import Scenarios

/// `bench node-server`: one relay node as a standalone server (docs/external.md, "Nodes as
/// standalone servers"). The logic is `NodeServerRunner`; this parses flags and waits for a stop.
struct NodeServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "node-server",
        abstract: "Run one relay node as a standalone server: peers over BTP-NIPs, NIP-01 clients, /healthz /readyz /counters.",
        discussion: """
            Prints `listening HOST:PORT` once bound and `ready` once every link is up; runs until
            SIGINT or SIGTERM. Examples:
              bench node-server --index 0 --listen 127.0.0.1:7000 --peer 1=127.0.0.1:7001
              bench node-server --mesh mesh.json --index-from-hostname --listen 0.0.0.0:7000 --store /data/node.sqlite
            """)

    @Option(help: "This node's index in the mesh.")
    var index: Int?

    @Flag(name: .customLong("index-from-hostname"), help: "Take the index from the host name's last -<number> (a StatefulSet pod).")
    var indexFromHostname = false

    @Option(help: ArgumentHelp("Address to bind, HOST:PORT (default 127.0.0.1:0, or the mesh file's port).", valueName: "host:port"))
    var listen: String?

    @Option(name: .customLong("peer"), help: ArgumentHelp("A peer, INDEX=HOST:PORT (repeatable); HOST may be a DNS name.", valueName: "index=host:port"))
    var peers: [String] = []

    @Option(help: "Mesh seed the link credentials derive from (default 1); the same on every node.")
    var seed: UInt64?

    @Option(help: "Hops an event travels at most (default 5; a mesh file gives its own).")
    var ttl: Int?

    @Option(help: ArgumentHelp("The whole mesh as a JSON file (seed, ttl, nodes, links) instead of --peer/--seed/--ttl.", valueName: "file"))
    var mesh: String?

    @Option(help: ArgumentHelp("SQLite store of the node (default: a temporary file removed on exit).", valueName: "path"))
    var store: String?

    @Flag(name: .customLong("stop-with-stdin"), help: "Also stop when standard input closes (so a parent that dies takes the node with it).")
    var stopWithStdin = false

    func run() async throws {
        var flags = NodeServerPlan.Flags()
        flags.index = index
        flags.hostname = indexFromHostname ? ProcessInfo.processInfo.hostName : nil
        flags.listen = listen
        flags.peers = peers
        flags.seed = seed
        flags.ttl = ttl
        flags.meshPath = mesh
        flags.storePath = store
        let plan: NodeServerPlan
        do { plan = try NodeServerPlan.resolve(flags) } catch { throw UsageError(error.description) }
        let stop = StopSignal()
        if stopWithStdin { StandardInputEnd.raiseTerminationAtEnd() }
        do {
            try await NodeServerRunner.run(plan, announce: { line in
                print(line)
                fflush(nil)  // all C streams: standard output is a global Swift 6 will not share
            }, log: { Console.error($0) }, until: { await stop.wait() })
        } catch let error as StandaloneConfigError {
            throw UsageError(error.description)
        }
    }
}

/// Turns the end of standard input into SIGTERM, which `StopSignal` handles like Ctrl-C.
enum StandardInputEnd {
    static func raiseTerminationAtEnd() {
        let thread = Thread {
            while !FileHandle.standardInput.availableData.isEmpty {}
            kill(getpid(), SIGTERM)
        }
        thread.name = "meshbench-stdin-end"
        thread.start()
    }
}
