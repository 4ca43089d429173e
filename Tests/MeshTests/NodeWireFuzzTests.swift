import Foundation
import Fuzzing
@testable import Mesh
import SeededRandom
import XCTest

/// The short CI run of the fuzz target of a node's WebSocket handling (`fuzz-node-wire` runs the
/// long ones): every seed ends as docs/protocol.md §2a says, and a few thousand seeded mutations
/// keep every invariant of `NodeWireFuzzer`.
final class NodeWireFuzzTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("meshbench-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(at: folder)
    }

    func testEverySeedEndsAsTheProtocolSays() throws {
        let fuzzer = try NodeWireFuzzer(storePath: folder.appendingPathComponent("seeds.sqlite").path)
        let endings = try fuzzer.seeds().map(fuzzer.run)
        let early = "closed before the deadline"
        XCTAssertEqual(
            endings,
            [
                "\(early): refusedConnections",  // GET /: 404
                "\(early): refusedConnections",  // upgrade of version 7: 400
                "open, authenticated: eventPreparesIn, storeWrites",  // upgrade, auth, a paid EVENT: stored
                "\(early): refusedConnections, authTimeouts",  // listener full: 503 (its occupant times out)
                "open, authenticated: eventPreparesIn",  // the same EVENT in 3-byte reads: a duplicate
                "\(early): authFailures",  // wrong token: F00, closed
                "open, authenticated: eventPreparesIn",  // the EVENT once more
                "open, authenticated",  // amount over the maximum: F08 before decoding
                "open, authenticated",  // expired: R00
                "open, authenticated: eventPreparesIn",  // ping, pong, the EVENT in two fragments
                "\(early): malformedFrames",  // text frame: 1003
                early,  // close frame: closed
                "\(early): malformedFrames",  // unmasked frame: 1002
                "\(early): oversizeFrames",  // 64-bit length: 1009
                "\(early): oversizeFrames",  // 5,000 bytes over 4,096: 1009
                "open, authenticated: malformedFrames",  // not BTP: ERROR F01, kept open
            ])
    }

    func testSeededMutationsKeepTheNodesInvariants() throws {
        let fuzzer = try NodeWireFuzzer(storePath: folder.appendingPathComponent("run.sqlite").path)
        var mutator = ByteMutator(seeds: try fuzzer.seeds(), maximumLength: 8_192, random: SplitMix64(seed: 12))
        var campaign = FuzzCampaign(runs: 3_000)
        campaign.hangSeconds = 5
        let report = try campaign.run(next: { mutator.next() }, target: fuzzer.run)
        XCTAssertEqual(report.runs, 3_000)
        XCTAssertGreaterThan(report.outcomes.count, 5, "the mutations reach several endings: \(report.outcomes)")
    }
}
