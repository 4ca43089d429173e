import Foundation
import Fuzzing
import XCTest

/// The short run of every fuzz target that CI keeps (`meshbench-fuzz` runs the 1,000,000-input
/// ones): seeded mutations end in a refusal or a decoded value, never in a trap, a hang, a broken
/// invariant or memory growth, and they reach both outcomes, so the seeds are still valid files
/// and packets and the mutations still break them.
final class FuzzTargetTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("meshbench-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(at: scratch)
    }

    func testTheTargetsAreTheIssuesList() {
        XCTAssertEqual(
            FuzzTarget.all.map(\.name),
            [
                "samples", "results", "render-results", "baseline", "thresholds", "history", "flake-history",
                "btp", "ilp-oer", "btp-nips", "nip01", "node-wire",
            ])
    }

    func testEveryDecoderAcceptsASeedOfItsOwnKind() throws {
        for target in FuzzTarget.all where target.name != "node-wire" {
            let harness = try target.start(scratch: scratch.path)
            let endings = try harness.seeds.map(harness.run)
            XCTAssertTrue(endings.contains("decoded"), "\(target.name): no seed decodes (\(endings))")
        }
    }

    func testSeededMutationsOfEveryDecoderEndInARefusalOrAValue() throws {
        for target in FuzzTarget.all where target.name != "node-wire" {
            let runs = ["btp", "ilp-oer", "btp-nips", "nip01"].contains(target.name) ? 20_000 : 1_000
            let report = try campaign(target, runs: runs, seed: 12)
            XCTAssertEqual(report.runs, runs)
            XCTAssertEqual(
                Set(report.outcomes.keys).subtracting(["decoded", "refused", "decoded, not re-encodable"]), [],
                "\(target.name): \(report.outcomes)")
            XCTAssertGreaterThan(
                report.outcomes["decoded", default: 0], 0, "\(target.name): mutations that keep a valid input")
            XCTAssertGreaterThan(
                report.outcomes["refused", default: 0], runs / 10, "\(target.name): mutations that break it")
        }
    }

    func testSeededMutationsKeepTheNodesInvariants() throws {
        let report = try campaign(FuzzTarget.named("node-wire"), runs: 3_000, seed: 12)
        XCTAssertEqual(report.runs, 3_000)
        XCTAssertGreaterThan(report.outcomes.count, 5, "the mutations reach several endings: \(report.outcomes)")
    }

    func testEveryDecodersSeedsAreTheSameOnEveryStart() throws {
        // node-wire's carry a fresh signature and an expiry on the wall clock, as its node checks them.
        for target in FuzzTarget.all where target.name != "node-wire" {
            XCTAssertEqual(
                try target.start(scratch: scratch.path).seeds, try target.start(scratch: scratch.path).seeds,
                target.name)
        }
    }

    func testTheSameSeedGivesTheSameInputs() {
        let seeds: [[UInt8]] = [Array("{\"a\":[1,2.5]}".utf8), [0x82, 0x05, 1, 2, 3, 4, 5]]
        var first = ByteMutator(seeds: seeds, maximumLength: 64, seed: 3)
        var second = ByteMutator(seeds: seeds, maximumLength: 64, seed: 3)
        var other = ByteMutator(seeds: seeds, maximumLength: 64, seed: 4)
        let a = (0..<1_000).map { _ in first.next() }
        XCTAssertEqual(a, (0..<1_000).map { _ in second.next() })
        XCTAssertNotEqual(a, (0..<1_000).map { _ in other.next() })
        XCTAssertLessThanOrEqual(a.map(\.count).max() ?? 0, 64)
    }

    private func campaign(_ target: FuzzTarget?, runs: Int, seed: UInt64) throws -> FuzzCampaign.Report {
        let harness = try XCTUnwrap(target).start(scratch: scratch.path)
        var mutator = ByteMutator(seeds: harness.seeds, maximumLength: 16_384, seed: seed)
        var campaign = FuzzCampaign(runs: runs)
        campaign.hangSeconds = 10  // of CPU time, in a debug build; the release runs keep 2 s
        return try campaign.run(harness, mutator: &mutator)
    }
}
