import BenchFormats
import ExecutableTesting
import Foundation
import NIOConcurrencyHelpers
@testable import Scenarios
import XCTest

/// Collects every record a run writes, for assertions.
final class CollectingSink: RecordSink, Sendable {
    private let stored = NIOLockedValueBox<[SampleRecord]>([])

    func write(_ record: SampleRecord) throws { stored.withLockedValue { $0.append(record) } }

    var records: [SampleRecord] { stored.withLockedValue { $0 } }

    func samples(_ metric: String) -> [SamplesBlock] {
        records.compactMap {
            if case let .samples(block) = $0, block.metric == metric { return block } else { return nil }
        }
    }

    func values(_ metric: String) -> [Double] { samples(metric).flatMap(\.values) }

    func counter(_ metric: String) -> Int64? {
        for case let .counter(counter) in records where counter.metric == metric { return counter.value }
        return nil
    }

    func series(_ metric: String) -> [Series] {
        records.compactMap {
            if case let .series(series) = $0, series.metric == metric { return series } else { return nil }
        }
    }

    var outcomes: [OutcomeRecord] {
        records.compactMap { if case let .outcome(outcome) = $0 { return outcome } else { return nil } }
    }
}

/// Runs scenarios the way `bench` does, in a fresh work folder that is removed afterwards.
func runScenarios(
    _ scenarios: [Scenario], overrides: ScenarioOverrides = ScenarioOverrides(),
    processPerNode: Bool = false
) async throws -> (sink: CollectingSink, failed: [String]) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scenarios-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let settings = BenchSettings(
        seed: 7, overrides: overrides, processPerNode: processPerNode,
        nodeExecutable: processPerNode ? try benchExecutable() : nil,
        workDirectory: folder.path)
    let sink = CollectingSink()
    let runner = ScenarioRunner(settings: settings, sink: sink, progress: ProgressReporter(quiet: true))
    let failed = try await runner.run(scenarios)
    return (sink, failed)
}

/// The built `bench` binary (`swift build` / `swift test` build it next to the tests).
func benchExecutable() throws -> String {
    do {
        return try BuiltExecutable("bench").url.path
    } catch {
        throw XCTSkip("\(error)")
    }
}

func failureMessages(_ sink: CollectingSink) -> String {
    sink.outcomes.filter { $0.status == .fail }.map { "\($0.test): \($0.message)" }.joined(separator: "\n")
}
