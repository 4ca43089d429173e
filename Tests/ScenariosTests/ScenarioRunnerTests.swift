import BenchFormats
import Foundation
import NIOConcurrencyHelpers
@testable import Scenarios
import XCTest

/// Retry once, record every attempt's checks as outcomes, forward only a passing attempt's
/// measurements, and report a scenario that fails twice.
final class ScenarioRunnerTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("runner-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(at: folder)
    }

    func testAFlakyScenarioIsRetriedOnceAndOnlyThePassingAttemptsSamplesAreKept() async throws {
        let sink = CollectingSink()
        let runner = ScenarioRunner(
            settings: BenchSettings(workDirectory: folder.path), sink: sink,
            progress: ProgressReporter(quiet: true))
        let failed = try await runner.run([FailsOnce()])
        XCTAssertEqual(failed, [])
        XCTAssertEqual(sink.outcomes.map(\.attempt), [1, 2])
        XCTAssertEqual(sink.outcomes.map(\.status), [.fail, .pass])
        XCTAssertEqual(sink.outcomes[0].message, "attempt 1 measured 1 ms")
        XCTAssertEqual(sink.outcomes[0].test, "tier1.flaky/value is even")
        XCTAssertEqual(sink.blocks.flatMap(\.values), [2], "the failed attempt's sample must not reach the output")
        let spools = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        XCTAssertEqual(spools, [], "attempt spools are removed")
    }

    func testAScenarioThatThrowsTwiceIsReportedAsFailedWithTheErrorAsMessage() async throws {
        let sink = CollectingSink()
        let runner = ScenarioRunner(
            settings: BenchSettings(workDirectory: folder.path), sink: sink,
            progress: ProgressReporter(quiet: true))
        let failed = try await runner.run([AlwaysThrows()])
        XCTAssertEqual(failed, ["tier1.broken"])
        XCTAssertEqual(sink.outcomes.map(\.status), [.fail, .fail])
        XCTAssertEqual(sink.outcomes.map(\.test), ["tier1.broken/completes", "tier1.broken/completes"])
        XCTAssertTrue(sink.outcomes.allSatisfy { $0.message.contains("node 2 never started") })
        XCTAssertTrue(sink.blocks.isEmpty)
    }
}

/// Records its attempt number; the check passes only on the second attempt.
private final class FailsOnce: Scenario {
    let name = "tier1.flaky"
    let tier = 1
    let summary = "fails on its first attempt"
    private let attemptCount = NIOLockedValueBox(0)

    func run(_ context: ScenarioContext) async throws {
        let attempts = attemptCount.withLockedValue { count in
            count += 1
            return count
        }
        context.recorder.declare("latency", unit: "ms", better: .lower)
        try context.recorder.sample("latency", Double(attempts))
        context.check("value is even", attempts % 2 == 0, "attempt \(attempts) measured \(attempts) ms")
    }
}

private struct AlwaysThrows: Scenario {
    let name = "tier1.broken"
    let tier = 1
    let summary = "cannot start its mesh"

    struct StartFailure: Error, CustomStringConvertible {
        var description: String { "node 2 never started" }
    }

    func run(_ context: ScenarioContext) async throws {
        throw StartFailure()
    }
}
