import ArgumentParser
import CommandLineSupport
import Foundation
import Scenarios

/// `bench node-server`: one relay node as a standalone server (docs/external.md, "Nodes as
/// standalone servers"). The logic is `NodeServerRunner`; this parses flags and waits for a stop.
struct NodeServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "node-server",
        abstract:
            "Run one relay node as a standalone server: peers over BTP-NIPs, NIP-01 clients, /healthz /readyz /counters.",
        discussion: """
            Prints `listening HOST:PORT` once bound and `ready` once every link is up;
            runs until SIGINT or SIGTERM. Examples:
              bench node-server --index 0 --listen 127.0.0.1:7000 --peer 1=127.0.0.1:7001
              bench node-server --mesh mesh.json --index-from-hostname \\
                  --listen 0.0.0.0:7000 --store /data/node.sqlite
            """)

    @Option(help: "This node's index in the mesh.")
    var index: Int?

    @Flag(
        name: .customLong("index-from-hostname"),
        help: "Take the index from the host name's last -<number> (a StatefulSet pod).")
    var indexFromHostname = false

    @Option(
        help: ArgumentHelp(
            "Address to bind, HOST:PORT (default 127.0.0.1:0, or the mesh file's port).", valueName: "host:port"))
    var listen: String?

    @Option(
        name: .customLong("peer"),
        help: ArgumentHelp(
            "A peer, INDEX=HOST:PORT (repeatable); HOST may be a DNS name.", valueName: "index=host:port"))
    var peers: [String] = []

    @Option(help: "Mesh seed the link credentials derive from (default 1); the same on every node.")
    var seed: UInt64?

    @Option(help: "Hops an event travels at most (default 5; a mesh file gives its own).")
    var ttl: Int?

    @Option(
        help: ArgumentHelp(
            "The whole mesh as a JSON file (seed, ttl, nodes, links) instead of --peer/--seed/--ttl.", valueName: "file"
        ))
    var mesh: String?

    @Option(
        help: ArgumentHelp("SQLite store of the node (default: a temporary file removed on exit).", valueName: "path"))
    var store: String?

    @Option(
        name: .customLong("inject-delay-us"), help: "Delay the node adds before forwarding (µs): a known regression.")
    var injectDelayMicros = 0

    @Flag(
        name: .customLong("stop-with-stdin"),
        help: "Also stop when standard input closes (so a parent that dies takes the node with it).")
    var stopWithStdin = false

    func run() async throws {
        var flags = NodeServerPlan.Flags()
        flags.index = index
        flags.hostname = indexFromHostname ? Self.kernelHostName() : nil
        flags.listen = listen
        flags.peers = peers
        flags.seed = seed
        flags.ttl = ttl
        flags.meshPath = mesh
        flags.storePath = store
        flags.injectedDelayMicros = injectDelayMicros
        let plan: NodeServerPlan
        do { plan = try NodeServerPlan.resolve(flags) } catch { throw UsageError(error.description) }
        let stop = StopSignal()
        if stopWithStdin { StandardInputEnd.raiseTerminationAtEnd() }
        do {
            try await NodeServerRunner.run(
                plan,
                announce: { line in
                    print(line)
                    fflush(nil)  // all C streams: standard output is a global Swift 6 will not share
                }, log: { Console.error($0) }, until: { await stop.wait() })
        } catch let error as StandaloneConfigError {
            throw UsageError(error.description)
        }
    }

    /// The kernel's host name (a pod's name in Kubernetes). Not `ProcessInfo.hostName`: that
    /// resolves the canonical name, which in a pod is the FQDN from /etc/hosts.
    static func kernelHostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
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
