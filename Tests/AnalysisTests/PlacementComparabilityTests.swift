import BenchFormats
import XCTest
@testable import Analysis

/// A scenario's timings compare only with a baseline that placed that scenario's nodes alike,
/// judged per scenario, so a mixed run (`--tier 3` as root) compares its in-process scenarios
/// with an in-process baseline and its namespace scenario with a namespace one.
final class PlacementComparabilityTests: XCTestCase {
    private func header(_ config: [String: JSONValue]) -> RunHeader {
        RunHeader(
            runID: "r", startedAt: Date(timeIntervalSince1970: 0), tier: 3, seed: 1,
            git: GitInfo(commit: "c", branch: "b", dirty: false),
            host: HostInfo(fingerprint: "fp", cpuModel: "cpu", cpus: 2, memoryMB: 1, os: "os", swift: "6"),
            mode: .real, config: config)
    }

    func testMixedRunIsJudgedPerScenario() {
        let mixed = header([
            "placement": .string("mixed"),
            "scenario_placements": .object([
                "tier3.netns-10": .string("netns"), "tier3.scalability-25": .string("in-process"),
            ]),
        ])
        let inProcess = header(["placement": .string("in-process")])
        let netnsOnly = header([
            "placement": .string("netns"), "scenario_placements": .object(["tier3.netns-10": .string("netns")]),
        ])

        XCTAssertNil(PlacementComparability.mismatch(run: mixed, baseline: inProcess, scenario: "tier3.scalability-25"))
        XCTAssertEqual(
            PlacementComparability.mismatch(run: mixed, baseline: inProcess, scenario: "tier3.netns-10"),
            "this run placed tier3.netns-10's nodes netns, the baseline in-process (placements differ)")
        XCTAssertNil(PlacementComparability.mismatch(run: netnsOnly, baseline: mixed, scenario: "tier3.netns-10"))
    }

    func testOlderHeadersAndOtherHarnesses() {
        let old = header(["process_model": .string("process-per-node")])
        XCTAssertEqual(old.placement(ofScenario: "tier1.propagation"), "process-per-node", "read from process_model")
        XCTAssertEqual(
            PlacementComparability.mismatch(
                run: header(["placement": .string("kubernetes")]), baseline: old, scenario: "external.propagation"),
            "this run placed external.propagation's nodes kubernetes, the baseline process-per-node (placements differ)"
        )
        XCTAssertNil(
            PlacementComparability.mismatch(run: header([:]), baseline: old, scenario: "x"),
            "a side that does not say is not refused")
        XCTAssertNil(
            header(["placement": .string("mixed")]).placement(ofScenario: "unlisted"),
            "mixed says nothing about one scenario")
    }

    /// Through `RunAnalyzer`: a mixed run against an in-process baseline compares the in-process
    /// scenario's timings and refuses only the namespace scenario's, with a note naming it.
    func testAnalyzeRefusesOnlyTheScenarioPlacedDifferently() throws {
        let values = Fixture.normal(n: 40, mean: 10, cv: 0.05, seed: 11)
        let records = [
            Fixture.latency(values, scenario: "tier3.stress"), Fixture.latency(values, scenario: "tier3.netns-10"),
        ]
        let mixed = try samples(
            records,
            [
                "placement": .string("mixed"),
                "scenario_placements": .object([
                    "tier3.stress": .string("in-process"), "tier3.netns-10": .string("netns"),
                ]),
            ])
        let inProcess = try samples(records, ["placement": .string("in-process")])
        let document = try Fixture.analyze(mixed, against: try Fixture.baseline(from: inProcess))
        let verdicts = Dictionary(uniqueKeysWithValues: document.metrics.map { ($0.scenario, $0.change?.verdict) })
        XCTAssertEqual(verdicts["tier3.netns-10"], .notComparable)
        XCTAssertNotEqual(verdicts["tier3.stress"], .notComparable, "the in-process scenario's timings are compared")
        XCTAssertNotEqual(verdicts["tier3.stress"], .new)
        XCTAssertTrue(
            document.notes.contains {
                $0.hasPrefix("baseline not compared for tier3.netns-10: the baseline placed their nodes differently")
            },
            "\(document.notes)")
    }

    private func samples(_ records: [SampleRecord], _ config: [String: JSONValue]) throws -> RunSamples {
        var builder = RunSamplesBuilder()
        builder.beginFile("placement.jsonl")
        var run = Fixture.header()
        run.config = config
        try builder.add(.run(RunRecord(header: run)), record: 1)
        for (index, record) in records.enumerated() { try builder.add(record, record: index + 2) }
        return try builder.build()
    }
}
