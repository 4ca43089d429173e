import BenchFormats
import Foundation
import Logging
import Nostr

/// Runs scenarios one after another, each retried once when it fails (AC 8), and writes every
/// attempt's checks as `outcome` records so flaky tests can be tracked. Only a passing attempt's
/// measurements reach the output; a scenario that fails twice makes the run fail.
public final class ScenarioRunner {
    public let settings: BenchSettings
    private let sink: RecordSink
    private let progress: ProgressReporter
    private let onPublish: (@Sendable (NostrEvent) -> Void)?
    /// Attempts per scenario: the first run and one retry.
    public let maxAttempts = 2
    /// Adds each passing attempt's peak RSS and malloc statistics as series (`bench --profile`).
    public var recordsFootprint = false
    private let logger = Logger(label: "meshbench.scenarios")

    /// `onPublish` sees every event the scenarios publish (for `--dump-events`).
    public init(
        settings: BenchSettings, sink: RecordSink, progress: ProgressReporter,
        onPublish: (@Sendable (NostrEvent) -> Void)? = nil
    ) {
        self.settings = settings
        self.sink = sink
        self.progress = progress
        self.onPublish = onPublish
    }

    /// Runs every scenario; returns the names of those that failed every attempt.
    public func run(_ scenarios: [Scenario]) async throws -> [String] {
        var failed: [String] = []
        for (index, scenario) in scenarios.enumerated() {
            progress.begin(scenario: scenario.name, index: index, of: scenarios.count)
            var passed = false
            for attempt in 1...maxAttempts where !passed {
                passed = try await runAttempt(scenario, attempt: attempt)
                if !passed && attempt < maxAttempts { progress.note("\(scenario.name) failed; retrying once") }
            }
            if !passed { failed.append(scenario.name) }
            progress.end(scenario: scenario.name, passed: passed)
        }
        return failed
    }

    private func runAttempt(_ scenario: Scenario, attempt: Int) async throws -> Bool {
        let spool = try AttemptSpool(directory: URL(fileURLWithPath: settings.workDirectory))
        let recorder = Recorder(scenario: scenario.name) { try spool.append($0) }
        let context = ScenarioContext(settings: settings, recorder: recorder, onPublish: onPublish)
        let clock = ContinuousClock()
        let start = clock.now
        var thrown: String?
        logger.debug("attempt started", metadata: ["scenario": "\(scenario.name)", "attempt": "\(attempt)"])
        if recordsFootprint { MemoryFootprint.resetPeak() }
        do {
            try await scenario.run(context)
            if recordsFootprint, let footprint = MemoryFootprint.current() {
                try footprint.record(into: recorder, at: (clock.now - start) / .seconds(1))
            }
            try recorder.flush()
        } catch {
            thrown = String(describing: error)
        }
        let elapsed = clock.now - start
        let durationMS = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        var checks = context.checks
        if let thrown { checks.append(CheckResult(name: "completes", passed: false, detail: thrown)) }
        if checks.isEmpty { checks.append(CheckResult(name: "completes", passed: true, detail: "")) }
        let passed = checks.allSatisfy(\.passed)
        logger.debug(
            "attempt \(passed ? "passed" : "failed")",
            metadata: [
                "scenario": "\(scenario.name)", "attempt": "\(attempt)", "duration_ms": "\(Int(durationMS))",
                "failed_checks": "\(checks.filter { !$0.passed }.map(\.name))",
            ])
        if passed { try spool.forward(to: sink) } else { spool.discard() }
        for check in checks {
            try sink.write(
                .outcome(
                    OutcomeRecord(
                        test: "\(scenario.name)/\(check.name)", tier: scenario.tier, attempt: attempt,
                        status: check.passed ? .pass : .fail, durationMS: durationMS,
                        message: check.passed ? "" : check.detail)))
        }
        for check in checks where !check.passed { progress.note("\(scenario.name)/\(check.name): \(check.detail)") }
        return passed
    }
}
