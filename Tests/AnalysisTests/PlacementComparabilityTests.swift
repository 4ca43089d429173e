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
}
