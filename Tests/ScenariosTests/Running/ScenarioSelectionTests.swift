import NostrClient
@testable import Scenarios
import XCTest

/// Which scenarios a run executes, given a tier, names and relays.
final class ScenarioSelectionTests: XCTestCase {
    private struct NoNamespaces: Error, CustomStringConvertible {
        var description: String { "network namespaces need root" }
    }

    func testTierThenNamedScenariosInOrderWithoutRepeats() throws {
        let tierOne = ScenarioCatalog.scenarios(inTier: 1).map(\.name)
        XCTAssertEqual(
            try ScenarioSelection.scenarios(tier: 1, names: ["tier1.payment-3", "tier2.burst-10"], targets: nil)
                .map(\.name),
            tierOne + ["tier2.burst-10"])
        XCTAssertEqual(
            try ScenarioSelection.scenarios(tier: nil, names: ["tier1.dedup-3", "tier1.payment-3"], targets: nil)
                .map(\.name),
            ["tier1.dedup-3", "tier1.payment-3"])
    }

    func testExternalScenariosFollowTheNumberOfRelays() throws {
        let one = try RelayTargets(urls: ["ws://127.0.0.1:7777"])
        let chosen = try ScenarioSelection.scenarios(tier: 1, names: [], targets: one).map(\.name)
        XCTAssertFalse(chosen.isEmpty)
        XCTAssertFalse(chosen.contains("external.propagation"), "propagation between relays needs two")
        XCTAssertThrowsError(try ScenarioSelection.scenarios(tier: nil, names: ["external.propagation"], targets: one))
        { error in
            XCTAssertEqual(
                "\(error)",
                "external.propagation needs at least 2 relays; 1 given (repeat --target or use --targets FILE)")
        }
        XCTAssertThrowsError(try ScenarioSelection.scenarios(tier: 3, names: [], targets: one)) { error in
            XCTAssertEqual("\(error)", "tier 3 has no external scenario; external tiers: 1, 2 (bench --list)")
        }
    }

    func testNamespaceScenariosAreLeftOutWithANoteUnlessNamed() throws {
        let tierThree = ScenarioCatalog.scenarios(inTier: 3)
        let namespaced = try XCTUnwrap(tierThree.first { $0 is NamespaceMeshScenario }).name
        var notes: [String] = []
        let admitted = try ScenarioSelection.admitNamespaceScenarios(
            tierThree, named: [], note: { notes.append($0) }, privileges: { throw NoNamespaces() })
        XCTAssertEqual(admitted.map(\.name), tierThree.map(\.name).filter { $0 != namespaced })
        XCTAssertEqual(notes, ["left out \(namespaced): network namespaces need root"])
        XCTAssertThrowsError(
            try ScenarioSelection.admitNamespaceScenarios(
                tierThree, named: [namespaced], note: { _ in }, privileges: { throw NoNamespaces() })
        ) { error in
            XCTAssertEqual(
                error as? RunSetupError, .needsPrivileges(scenario: namespaced, reason: "network namespaces need root"))
        }
        XCTAssertEqual(
            try ScenarioSelection.admitNamespaceScenarios(tierThree, named: [], note: { _ in }, privileges: {})
                .map(\.name),
            tierThree.map(\.name))
    }
}
