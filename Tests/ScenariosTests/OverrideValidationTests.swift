import ExecutableTesting
import Foundation
@testable import Scenarios
import XCTest

/// Bad sizes and names are usage errors (exit 2) that name the valid choices, found before any
/// node starts.
final class OverrideValidationTests: XCTestCase {
    private func message(_ overrides: ScenarioOverrides) -> String? {
        do {
            try overrides.validate()
            return nil
        } catch {
            return error.description
        }
    }

    func testRejectsImpossibleSizes() {
        XCTAssertEqual(message(ScenarioOverrides(nodes: 1)), "--nodes must be at least 2 (got 1)")
        XCTAssertNotNil(message(ScenarioOverrides(duration: 0))?.range(of: "--duration must be positive"))
        XCTAssertNotNil(message(ScenarioOverrides(duration: -5))?.range(of: "--duration must be positive"))
        XCTAssertNotNil(message(ScenarioOverrides(rate: 0))?.range(of: "--rate"))
        XCTAssertNotNil(message(ScenarioOverrides(events: 0))?.range(of: "--events"))
        XCTAssertNotNil(message(ScenarioOverrides(nodes: 10, degree: 10))?.range(of: "smaller than --nodes 10"))
    }

    func testRejectsTopologiesThatCannotBeBuilt() {
        // n·k odd: no 3-regular graph on 5 nodes.
        XCTAssertNotNil(message(ScenarioOverrides(nodes: 5, degree: 3))?.range(of: "odd"))
        // Small-world needs an even degree.
        XCTAssertNotNil(
            message(ScenarioOverrides(nodes: 10, degree: 3, topology: .smallWorld))?.range(of: "must be even"))
        XCTAssertNotNil(message(ScenarioOverrides(nodes: 2, topology: .ring))?.range(of: "too few"))
    }

    func testAcceptsBuildableCombinations() {
        XCTAssertNil(message(ScenarioOverrides(nodes: 25, duration: 30, rate: 100, events: 10, degree: 4)))
        XCTAssertNil(message(ScenarioOverrides(nodes: 50, topology: .smallWorld)))
        XCTAssertNil(message(ScenarioOverrides(nodes: 2)))
    }

    func testDefaultDegreesBuildForEverySize() throws {
        for family in TopologyFamily.allCases {
            for nodes in [3, 4, 5, 10, 25] {
                XCTAssertNoThrow(
                    try family.build(nodes: nodes, degree: family.defaultDegree(nodes: nodes), seed: 3),
                    "\(family.rawValue) n=\(nodes)")
            }
        }
    }

    func testCommandLineExitsTwoNamingTheChoices() throws {
        let bench = try BuiltExecutable("bench")
        let cases: [([String], String)] = [
            (["--tier", "9"], "valid tiers: 1, 2, 3"),
            (["--scenario", "tier2.nope"], "valid scenarios:"),
            (["--tier", "2", "--nodes", "1"], "--nodes must be at least 2"),
            (["--tier", "2", "--duration", "0"], "--duration must be positive"),
            (["--tier", "2", "--duration", "soon"], "duration"),
            (["--tier", "2", "--topology", "hexagon"], "valid topologies: random-regular, small-world"),
            (["--tier", "2", "--nodes", "10", "--degree", "10"], "smaller than --nodes 10"),
        ]
        for (arguments, expected) in cases {
            let run = try bench.run(arguments)
            XCTAssertEqual(run.status, 2, "\(arguments): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains(expected), "\(arguments): \(run.stderr)")
        }
    }

    func testListNamesEveryScenarioWithItsTier() throws {
        let run = try BuiltExecutable("bench").run(["--list"])
        XCTAssertEqual(run.status, 0)
        for scenario in ScenarioCatalog.all {
            XCTAssertTrue(run.stdoutText.contains("\(scenario.name)\ttier \(scenario.tier)\t"), scenario.name)
        }
    }
}
