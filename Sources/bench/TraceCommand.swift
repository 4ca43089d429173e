import ArgumentParser
import BenchFormats
import CommandLineSupport
import Foundation
import Mesh
import Reports
import Scenarios

/// `bench trace`: publishes one event on a fresh mesh and prints its way through it hop by hop.
struct TraceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "Publish one event on a mesh and print its path hop by hop: times, senders, payments, fees, phases.",
        discussion: """
            Examples:
              bench trace --nodes 10 --topology regular --degree 4 --seed 1
              bench trace --nodes 6 --topology line --ttl 5 --json
              bench trace --nodes 25 --topology small-world --png artifacts/trace.png
            """)

    @OptionGroup var shape: MeshShapeOptions

    @Option(help: "Node that publishes the traced event.")
    var publisher = 0

    @Option(help: "TTL the event starts with (nodes farther than this many hops are not reached).")
    var ttl = 5

    @Option(help: "Events published (and waited for) before the traced one, so it meets warm caches.")
    var warmup = 1

    @Option(help: "Nostr kind of the traced event.")
    var kind = 1

    @Option(help: "Seconds to wait for the event to reach every node within the TTL (doubled under CI=true).")
    var timeout = 10.0

    @Flag(help: "Print JSON instead of the table.")
    var json = false

    @Option(help: ArgumentHelp("Also draw the mesh coloured by arrival time into this PNG.", valueName: "file"))
    var png: String?

    @Flag(help: "Debug logs on standard error (also MESHBENCH_LOG=debug).")
    var verbose = false

    func validate() throws {
        guard publisher >= 0, publisher < shape.nodes else {
            throw ValidationError("--publisher \(publisher) is not a node; nodes are 0…\(shape.nodes - 1)")
        }
        guard ttl >= 1 else { throw ValidationError("--ttl must be at least 1 (got \(ttl))") }
        guard warmup >= 0 else { throw ValidationError("--warmup must be 0 or more (got \(warmup))") }
        guard kind >= 0 else { throw ValidationError("--kind must be 0 or more (got \(kind))") }
        // Whole nanoseconds (doubled under CI) must fit UInt64: an hour is far inside.
        guard timeout > 0, timeout <= 3_600 else {
            throw ValidationError("--timeout must be a positive number of seconds, at most 3600 (got \(timeout))")
        }
    }

    func run() async throws {
        try DiagnosticLogging.bootstrap(verbose: verbose)
        let topology = try shape.build()
        // Checked before the mesh runs: a bad --png fails at once.
        let picture = try png.map(TracePicture.init(path:))
        var node = NodeConfig()
        node.ttl = ttl
        let multiplier = ProcessInfo.processInfo.environment["CI"] == "true" ? 2.0 : 1.0
        let tracer = EventTracer(
            topology: topology, node: node, publisher: publisher, seed: shape.seed, warmup: warmup,
            kind: kind, timeoutNanoseconds: UInt64(timeout * multiplier * 1e9))
        let trace = try await tracer.trace()
        try picture?.write(
            trace,
            sourceLine:
                "commit \(GitProbe.current().commit.prefix(7)) · \(ISO8601.day(Date())) · host \(HostProbe.current().fingerprint.prefix(12)) · mode \(trace.mode) · bench trace"
        )
        if json {
            try Console.output(
                String(decoding: try FormatsJSON.encoder(pretty: true).encode(trace), as: UTF8.self) + "\n")
        } else {
            try Console.output(trace.text())
        }
    }
}
