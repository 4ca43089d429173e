import BenchFormats
import Foundation
import Nostr
@testable import Scenarios
import XCTest

/// A run put together as `bench` does it: the header's configuration, and a real tier 1
/// scenario written to a samples file with every published event dumped.
final class BenchRunTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: folder) }

    private func run(
        _ scenarios: [Scenario], overrides: ScenarioOverrides = ScenarioOverrides(), samples: String
    )
        -> BenchRun
    {
        BenchRun(
            scenarios: scenarios, tier: nil,
            settings: BenchSettings(
                seed: 9, repetitions: 2, injectedDelayMicros: 150, overrides: overrides,
                workDirectory: folder.appendingPathComponent("work").path),
            relayConfiguration: ["relays": .array([])], samplesPath: samples,
            dumpEventsPath: folder.appendingPathComponent("events.jsonl").path, recordsFootprint: false)
    }

    func testConfigurationSaysWhatWasAskedAndTheScenarioParameters() throws {
        let burst = try XCTUnwrap(ScenarioCatalog.scenario(named: "tier2.burst-10"))
        let payment = try XCTUnwrap(ScenarioCatalog.scenario(named: "tier1.payment-3"))
        let bench = run(
            [payment, burst], overrides: ScenarioOverrides(nodes: 6, rate: 300, topology: .ring), samples: "-")
        XCTAssertEqual(
            bench.configuration,
            [
                "process_model": .string("in-process"), "placement": .string("in-process"),
                "scenario_placements": .object([
                    "tier1.payment-3": .string("in-process"), "tier2.burst-10": .string("in-process"),
                ]),
                "sample_interval_s": .number(1),
                "scenarios": .array([.string("tier1.payment-3"), .string("tier2.burst-10")]),
                "repetitions": .number(2), "inject_delay_us": .number(150), "timeout_multiplier": .number(1),
                "transport": .string("loopback WebSocket, in-process nodes"),
                "nodes": .number(6), "rate_events_per_s": .number(300), "topology": .string("ring"),
                // The burst's window: 5 s before, its length (default 5 s) and rate (--rate), the steady rate.
                "burst_start_s": .number(5), "burst_duration_s": .number(5), "burst_rate_events_per_s": .number(300),
                "steady_rate_events_per_s": .number(20),
            ])
        let header = bench.header()
        XCTAssertEqual(header.tier, 2, "without --tier, the highest tier among the scenarios")
        XCTAssertEqual(header.seed, 9)
        XCTAssertEqual(header.config["relays"], .array([]))
    }

    func testScenarioRunWritesSamplesDumpsEventsAndRemovesItsWorkFolder() async throws {
        let payment = try XCTUnwrap(ScenarioCatalog.scenario(named: "tier1.payment-3"))
        let samples = folder.appendingPathComponent("run.jsonl").path
        let failed = try await run([payment], samples: samples).run(progress: ProgressReporter(quiet: true))
        XCTAssertEqual(failed, [])
        let reader = try SamplesReader(path: samples)
        XCTAssertEqual(reader.run.header.config["scenarios"], .array([.string("tier1.payment-3")]))
        XCTAssertEqual(reader.run.header.tier, 1)
        while try reader.next() != nil {}
        XCTAssertNotNil(reader.end, "the samples file is finished")
        let dumped = try String(contentsOfFile: folder.appendingPathComponent("events.jsonl").path, encoding: .utf8)
            .split(separator: "\n")
        XCTAssertFalse(dumped.isEmpty)
        for line in dumped { try NostrEvent(json: Array(line.utf8)).verify() }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("work").path))
    }

    func testUnwritableSamplesFileIsASetupErrorAndLeavesNoWorkFolder() async throws {
        let payment = try XCTUnwrap(ScenarioCatalog.scenario(named: "tier1.payment-3"))
        let samples = folder.appendingPathComponent("missing/run.jsonl").path
        do {
            _ = try await run([payment], samples: samples).run(progress: ProgressReporter(quiet: true))
            XCTFail("an unwritable samples path must fail")
        } catch let error as RunSetupError {
            guard case .samplesNotWritable(let reason) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(reason.contains(samples), reason)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("work").path))
    }
}
