import BenchFormats
import ExecutableTesting
import Foundation
import XCTest

/// `bench --target` end to end against relays nobody here wrote (`nostr-relay` from PyPI) and
/// against a mesh of our nodes started with `bench serve`: the literal pipe into a report that
/// names the relay software, failures reported with the relay's reason in a complete samples
/// file, and every process started here stopped.
final class ExternalRelayEndToEndTests: XCTestCase {
    /// analyze reads `.benchmarks/thresholds.json` (and the baseline) from where it runs: the pipes
    /// run from the repository root, as a user does, and write into the test's scratch folder.
    private let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    func testTierOneAgainstNostrRelayLiterallyThroughAnalyzeAndRender() throws {
        let scratch = try ScratchFolder("external-nostr-relay")
        defer { scratch.remove() }
        let relay = try NostrRelayProcess(in: scratch)
        defer { relay.stop() }
        let bin = try BuiltExecutable("bench").url.deletingLastPathComponent().path
        let pipe = try runShell(
            "\(bin)/bench --target \(relay.url) --tier 1 | \(bin)/analyze | \(bin)/render --out \(scratch.path("artifacts"))",
            in: repository)
        XCTAssertEqual(pipe.status, 0, pipe.stderr)
        let report = try String(contentsOfFile: scratch.path("artifacts/benchmark-report.md"), encoding: .utf8)
        XCTAssertTrue(
            report.contains(
                "| Relays measured | https:\\/\\/code.pobblelabs.org/fossil/nostr\\_relay version 1.14: relay-0 (\(Self.shown(relay.url))) |"
            ), report)
        let results = try ResultsDocument.read(from: scratch.path("artifacts/benchmark-results.json"))
        let measured = Set(results.metrics.map { "\($0.scenario)/\($0.metric)" })
        for key in [
            "external.publish/publish_ok_latency", "external.publish/publish_delivery_latency",
            "external.fanout/time_to_all.k100", "external.fanout/spread.k100", "external.query-1k/query_latency.tag",
        ] {
            XCTAssertTrue(measured.contains(key), "\(key) missing from \(measured.sorted())")
        }
        XCTAssertTrue(
            results.outcomes.allSatisfy { $0.status == .pass }, "\(results.outcomes.filter { $0.status != .pass })")
        XCTAssertEqual(results.run.placement, "external", "a relay given by address, placement not stated")
    }

    func testRefusedEventsFailTheScenarioWithTheRelaysReasonAndTheSamplesStillEnd() throws {
        let scratch = try ScratchFolder("external-refused")
        defer { scratch.remove() }
        // This relay takes kind 0 only, so it answers every kind-1 event with OK false.
        let relay = try NostrRelayProcess(
            in: scratch, storage: ["validators:", "  - nostr_relay.validators.is_certain_kind"],
            topLevel: ["valid_kinds: [0]"])
        defer { relay.stop() }
        let run = try BuiltExecutable("bench").run([
            "--target", relay.url, "--scenario", "external.publish",
            "--out", scratch.path("run.jsonl"), "--quiet",
        ])
        XCTAssertEqual(run.status, 1, run.stderr)
        let reader = try SamplesReader(path: scratch.path("run.jsonl"), allowPartial: false)
        var failures: [String] = []
        while let record = try reader.next() {
            if case let .outcome(outcome) = record, outcome.status == .fail { failures.append(outcome.message) }
        }
        XCTAssertNotNil(reader.end, "the samples file ends with its end record")
        XCTAssertEqual(failures.count, 2, "both attempts fail: \(failures)")
        // nostr-relay 1.14 answers a validator's refusal with an empty event id (["OK","",false,…]),
        // which is not NIP-01: the outcome says so and carries the relay's own words.
        XCTAssertTrue(
            failures.allSatisfy { $0.hasPrefix(relay.url) && $0.contains("invalid: kind=1 not allowed") }, "\(failures)"
        )
    }

    func testServedMeshOfOurNodesThroughThePipeAndStoppedCleanly() throws {
        let scratch = try ScratchFolder("external-served-mesh")
        defer { scratch.remove() }
        let bench = try BuiltExecutable("bench")
        let serve = try ServeProcess(
            bench: bench, arguments: ["--nodes", "4", "--topology", "ring"], targetsFile: scratch.path("mesh.json"))
        let ports = serve.urls.compactMap { URL(string: $0)?.port }
        XCTAssertEqual(ports.count, 4, "\(serve.urls)")
        let bin = bench.url.deletingLastPathComponent().path
        let pipe = try runShell(
            "\(bin)/bench --targets \(scratch.path("mesh.json")) --tier 1 --events 20 --quiet | \(bin)/analyze --no-baseline"
                + " | \(bin)/render --out \(scratch.path("artifacts")) --quiet", in: repository)
        let status = serve.stop()
        XCTAssertEqual(pipe.status, 0, pipe.stderr)
        XCTAssertEqual(status, 0, "bench serve stops cleanly on SIGTERM")
        XCTAssertEqual(ports.filter(isListening(port:)), [], "every node process stopped with bench serve")
        let report = try String(contentsOfFile: scratch.path("artifacts/benchmark-report.md"), encoding: .utf8)
        XCTAssertTrue(
            report.contains(
                "| Relays measured | MeshBench BTP-NIPs relay node version 1: node-0 (\(Self.shown(serve.urls[0]))), node-1"
            ), report)
        let results = try ResultsDocument.read(from: scratch.path("artifacts/benchmark-results.json"))
        let hops = results.metrics.first { $0.scenario == "external.propagation" && $0.metric == "relay_latency" }?
            .byHops?.map(\.hops)
        XCTAssertEqual(hops, [1, 2], "per-hop latency from the targets file's links (a 4-ring: 1 and 2 hops)")
        XCTAssertTrue(
            results.outcomes.allSatisfy { $0.status == .pass }, "\(results.outcomes.filter { $0.status != .pass })")
        XCTAssertEqual(results.run.placement, "process-per-node", "bench serve's targets file says where its nodes ran")
    }

    func testUnreachableRelayIsExitTwoNamingTheAddressAndNothingIsWritten() throws {
        let port = try freeLoopbackPort()
        let run = try BuiltExecutable("bench").run(["--target", "ws://127.0.0.1:\(port)", "--tier", "1"])
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertTrue(
            run.stderr.contains(
                "cannot benchmark ws://127.0.0.1:\(port): TCP connect to 127.0.0.1:\(port), then HTTP GET / with Upgrade: websocket: could not connect"
            ),
            run.stderr)
        XCTAssertTrue(run.stdout.isEmpty, "nothing written for an unreachable relay")
    }

    func testExternalUsageErrorsExitTwo() throws {
        let bench = try BuiltExecutable("bench")
        let cases: [([String], String)] = [
            (
                ["--scenario", "external.publish"],
                "external.publish measures relays from outside: give them with --target"
            ),
            (["--target", "ws://127.0.0.1:1", "--scenario", "tier1.dedup-3"], "tier1.dedup-3 builds its own mesh"),
            (
                ["--target", "ws://127.0.0.1:1", "--scenario", "external.propagation"],
                "external.propagation needs at least 2 relays; 1 given"
            ),
            (["--target", "wss://relay.example", "--tier", "1"], "TLS (wss://) is not supported"),
            (["--target", "ws://127.0.0.1:1", "--targets", "t.json", "--tier", "1"], "either with --target"),
            (["--targets", "/nonexistent/t.json", "--tier", "1"], "/nonexistent/t.json: cannot read"),
            (
                ["--target", "ws://127.0.0.1:1", "--tier", "1", "--inject-delay-us", "300"],
                "--inject-delay-us is a delay inside the nodes bench starts"
            ),
        ]
        for (arguments, expected) in cases {
            let run = try bench.run(arguments)
            XCTAssertEqual(run.status, 2, "bench \(arguments): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains(expected), "bench \(arguments) said:\n\(run.stderr)")
            XCTAssertTrue(run.stdout.isEmpty)
        }
    }

    /// A URL as the report shows it: `://` escaped so GitHub does not autolink it.
    private static func shown(_ url: String) -> String {
        url.replacingOccurrences(of: "://", with: ":\\/\\/")
    }
}
