import Foundation
@testable import Scenarios
import XCTest

/// Running a scenario a second time in the same process leaves nothing behind: no file
/// descriptors, threads or temporary files beyond what the first run (which also warms lazy
/// globals) left.
final class ResourceLeakTests: XCTestCase {
    private func openDescriptors() -> Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? -1
    }

    private func threads() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
        for line in status.split(separator: "\n") where line.hasPrefix("Threads:") {
            return Int(line.split(separator: "\t").last ?? "") ?? -1
        }
        return -1
    }

    /// Entries this process could have left (other processes on the machine make their own).
    private func temporaryEntries() -> Set<String> {
        Set((try? FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path)) ?? [])
            .filter {
                $0.hasPrefix("meshbench-\(getpid())-") || $0.hasPrefix("scenarios-test") || $0.hasPrefix("attempt-")
            }
    }

    func testASecondRunLeaksNothing() async throws {
        let overrides = ScenarioOverrides(nodes: 4, duration: 0.5, rate: 20, events: 10)
        let scenarios: [Scenario] = [PropagationSuiteScenario.five, ThroughputScenario.single]
        _ = try await runScenarios(scenarios, overrides: overrides)
        let fds = openDescriptors(), threadCount = threads(), temporary = temporaryEntries()
        let (sink, failed) = try await runScenarios(scenarios, overrides: overrides)
        XCTAssertEqual(failed, [], failureMessages(sink))
        XCTAssertEqual(openDescriptors(), fds, "file descriptors leaked by the second run")
        XCTAssertLessThanOrEqual(threads(), threadCount, "threads leaked by the second run")
        XCTAssertEqual(temporaryEntries(), temporary, "temporary files left by the second run")
    }
}
