import BenchFormats
import ExecutableTesting
import Foundation
import XCTest

/// `bench`'s command line: listing, usage errors (exit 2 naming the valid choices), and a real
/// tier 1 run whose samples file is complete and whose published events verify elsewhere.
final class BenchCommandLineTests: XCTestCase {
    func testListNamesEveryTierOneScenario() throws {
        let run = try BuiltExecutable("bench").run(["--list"])
        XCTAssertEqual(run.status, 0, run.stderr)
        for name in ["tier1.propagation-3", "tier1.payment-3", "tier1.dedup-3"] {
            XCTAssertTrue(run.stdoutText.contains(name), "--list lacks \(name):\n\(run.stdoutText)")
        }
    }

    func testUsageErrorsExitTwoAndNameTheValidChoices() throws {
        let bench = try BuiltExecutable("bench")
        let cases: [([String], String)] = [
            (["--tier", "9"], "valid tiers: 1"),
            (["--scenario", "tier1.nope"], "valid scenarios: tier1.propagation-3"),
            (["--tier", "1", "--repetitions", "0"], "--repetitions must be at least 1"),
            (["--tier", "1", "--inject-delay-us=-5"], "--inject-delay-us must be 0 to 60,000,000"),
            ([], "--tier N or --scenario NAME"),
            (["--tier", "1", "--bogus"], "--bogus"),
        ]
        for (arguments, expected) in cases {
            let run = try bench.run(arguments)
            XCTAssertEqual(run.status, 2, "bench \(arguments) exited \(run.status): \(run.stderr)")
            XCTAssertTrue(
                run.stderr.contains(expected),
                "bench \(arguments) said:\n\(run.stderr)\nexpected to contain: \(expected)")
            XCTAssertTrue(run.stdout.isEmpty, "bench \(arguments) wrote data on a usage error")
        }
    }

    func testOutputFileInAMissingFolderIsAUsageError() throws {
        let run = try BuiltExecutable("bench").run(["--tier", "1", "--out", "/nonexistent-folder/run.jsonl", "--quiet"])
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertTrue(run.stderr.contains("/nonexistent-folder/run.jsonl"), run.stderr)
    }

    /// `bench | head`: the reader leaves early; bench must stop quietly (exit 0, no "internal
    /// error"), as Unix filters do, not report a bug.
    func testAReaderThatClosesThePipeEarlyEndsBenchQuietly() throws {
        let scratch = try ScratchFolder("bench-epipe")
        defer { scratch.remove() }
        let bench = try BuiltExecutable("bench").url.path
        let run = try runShell(
            "'\(bench)' --scenario tier1.propagation-3 --quiet | head -c 100 > head.txt", in: scratch.url)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertFalse(run.stderr.contains("internal error"), run.stderr)
        let head = try String(contentsOfFile: scratch.path("head.txt"), encoding: .utf8)
        XCTAssertTrue(head.hasPrefix("{"), "head got the start of the samples stream: \(head)")
    }

    func testTierOneWritesACompleteSamplesFileWithPassingOutcomes() throws {
        let scratch = try ScratchFolder("bench-tier1")
        defer { scratch.remove() }
        let samples = scratch.path("run.jsonl.gz"), events = scratch.path("events.jsonl")
        let run = try BuiltExecutable("bench").run([
            "--tier", "1", "--out", samples, "--dump-events", events, "--quiet", "--seed", "7",
        ])
        XCTAssertEqual(run.status, 0, run.stderr)

        let reader = try SamplesReader(path: samples)
        XCTAssertTrue(reader.isGzip)
        XCTAssertEqual(reader.run.header.seed, 7)
        XCTAssertEqual(reader.run.header.mode, .real)
        var latencyHops: [Int: Int] = [:]
        var outcomes: [OutcomeRecord] = []
        var counters: [String: Int64] = [:]
        while let record = try reader.next() {
            switch record {
            case .samples(let block) where block.scenario == "tier1.propagation-3" && block.metric == "latency":
                XCTAssertEqual(block.unit, "ms")
                XCTAssertTrue(block.values.allSatisfy { $0 > 0 }, "a delivery took no time")
                for hops in block.hops ?? [] { latencyHops[hops, default: 0] += 1 }
            case .outcome(let outcome): outcomes.append(outcome)
            case .counter(let counter) where counter.scenario == "tier1.propagation-3":
                counters[counter.metric] = counter.value
            default: break
            }
        }
        XCTAssertNotNil(reader.end, "the samples file has no end record")
        // 300 measured events on a 3-node line: one delivery at 1 hop and one at 2 hops each.
        XCTAssertEqual(latencyHops, [1: 300, 2: 300])
        XCTAssertFalse(outcomes.isEmpty)
        XCTAssertTrue(
            outcomes.allSatisfy { $0.status == .pass && $0.attempt == 1 }, "\(outcomes.filter { $0.status == .fail })")
        // Every event crosses two links and is verified and stored by both non-publishers; the
        // publisher stores its own without verifying a peer's copy.
        XCTAssertEqual(counters["verifications_per_event"], 2)
        XCTAssertEqual(counters["store_writes_per_event"], 3)

        let dumped = try String(contentsOfFile: events, encoding: .utf8).split(separator: "\n")
        XCTAssertGreaterThan(dumped.count, 600)
        try verifyElsewhere(events)
    }

    /// The dumped events must verify in an implementation that shares no code with MeshBench
    /// (scripts/verify_nostr_events.py: Python's json + hashlib and BIP-340 arithmetic).
    private func verifyElsewhere(_ events: String) throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/verify_nostr_events.py")
        let run = try BuiltExecutable(program: "/usr/bin/env").run(["python3", script.path, events])
        if run.status == 127 {
            throw XCTSkip("python3 is not installed: the independent BIP-340 check needs it")
        }
        XCTAssertEqual(run.status, 0, run.stdoutText + run.stderr)
    }
}
