import BenchFormats
import Foundation
@testable import Scenarios
import XCTest

/// AC 8 "proper cleanup between tests": a scenario run leaves nothing behind — no sockets, epoll
/// instances or database files open, no event-loop threads alive, no files in its work folder or
/// the temporary folder — so running it again (the retry, the next scenario) starts clean.
final class CleanupTests: XCTestCase {
    final class CollectingSink: RecordSink {
        var records: [SampleRecord] = []
        func write(_ record: SampleRecord) throws { records.append(record) }
    }

    /// A short tier-1 propagation run: 3 real loopback nodes, SQLite stores, a few events.
    private func shortScenario() -> Scenario {
        var scenario = PropagationScenario()
        scenario.events = 10
        scenario.warmup = 2
        return scenario
    }

    private func temporaryEntriesOfThisProcess() throws -> [String] {
        let pid = ProcessInfo.processInfo.processIdentifier
        return try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())
            .filter { $0.hasPrefix("meshbench-\(pid)-") || $0.hasPrefix("meshbench-run-\(pid)-") }.sorted()
    }

    /// The process's resources once its event-loop threads have exited. NIO's shutdown completes
    /// when the loops have closed; each thread then exits on its own, which on a busy machine can
    /// take a moment, so this waits up to 10 s for them (a leaked loop never exits and still fails).
    private static func resourcesOnceEventLoopThreadsExit(before: ProcessResources) async throws -> ProcessResources {
        var now = try ProcessResources.current()
        for _ in 0..<200 where !Set(now.eventLoopThreads).subtracting(before.eventLoopThreads).isEmpty {
            try await Task.sleep(nanoseconds: 50_000_000)
            now = try ProcessResources.current()
        }
        return now
    }

    func testSameScenarioTwiceInOneProcessLeavesNothingBehind() async throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent(
            "meshbench-cleanup-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let before = try ProcessResources.current()
        let temporaryBefore = try temporaryEntriesOfThisProcess()

        var afterEach: [ProcessResources] = []
        for round in 1...2 {
            let sink = CollectingSink()
            let runner = ScenarioRunner(
                settings: BenchSettings(seed: 7, workDirectory: work.path), sink: sink,
                progress: ProgressReporter(quiet: true))
            let failed = try await runner.run([shortScenario()])
            XCTAssertEqual(failed, [], "round \(round): the scenario itself failed; outcomes: \(sink.records)")
            let latencies = sink.records.compactMap { record -> Int? in
                if case let .samples(block) = record, block.metric == "latency" { return block.values.count }
                return nil
            }.reduce(0, +)
            XCTAssertEqual(
                latencies, 20, "round \(round): 10 events × 2 receiving nodes should give 20 latency samples")

            let now = try await Self.resourcesOnceEventLoopThreadsExit(before: before)
            afterEach.append(now)
            // Threads other tests left running before this one began are not this scenario's.
            XCTAssertEqual(
                Set(now.eventLoopThreads).subtracting(before.eventLoopThreads), [],
                "round \(round): event-loop threads still alive after shutdown")
            XCTAssertEqual(
                now.meshDescriptors, before.meshDescriptors,
                "round \(round): descriptors opened by the mesh are still open")
            XCTAssertEqual(
                try FileManager.default.contentsOfDirectory(atPath: work.path), [],
                "round \(round): the run left files in its work folder")
            XCTAssertEqual(
                try temporaryEntriesOfThisProcess(), temporaryBefore,
                "round \(round): the run left meshbench folders in the temporary folder")
        }
        XCTAssertEqual(
            afterEach[1].descriptors.count, afterEach[0].descriptors.count,
            "the second run ended with a different number of open descriptors: \(afterEach[0].descriptors) → \(afterEach[1].descriptors)"
        )
        // Pool threads (Dispatch, Swift concurrency) start lazily and are reused; they may grow up
        // to one per core, never by a run's worth of event loops.
        XCTAssertLessThanOrEqual(
            afterEach[1].threadNames.count,
            afterEach[0].threadNames.count + ProcessInfo.processInfo.activeProcessorCount,
            "threads grew between identical runs: \(afterEach[0].threadNames) → \(afterEach[1].threadNames)")
    }

    /// The cleanup check would be meaningless if it could not see a mesh's resources: while a
    /// mesh is up, its sockets and event-loop threads are visible.
    func testResourceProbeSeesALiveMesh() async throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent(
            "meshbench-cleanup-probe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let before = try ProcessResources.current()
        let context = ScenarioContext(
            settings: BenchSettings(seed: 7, workDirectory: work.path),
            recorder: Recorder(scenario: "probe") { _ in }, onPublish: nil)
        let during = try await MeshSession.with(try .line(nodes: 3), context: context) { _ in
            try ProcessResources.current()
        }
        XCTAssertFalse(during.eventLoopThreads.isEmpty, "no NIO threads seen while a mesh was up")
        XCTAssertGreaterThan(
            during.meshDescriptors.filter { $0.hasPrefix("socket:") }.count,
            before.meshDescriptors.filter { $0.hasPrefix("socket:") }.count,
            "no sockets seen while a mesh was up")
        XCTAssertTrue(
            during.meshDescriptors.contains { $0.hasSuffix(".sqlite") }, "no SQLite file seen while a mesh was up")
    }
}
