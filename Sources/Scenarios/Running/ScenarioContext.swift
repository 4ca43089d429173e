import Foundation
import NIOConcurrencyHelpers
import Nostr

/// What a scenario attempt sees: the run settings, a recorder for its measurements, and `check`
/// for the pass/fail conditions that become `outcome` records.
public final class ScenarioContext: Sendable {
    public let settings: BenchSettings
    public let recorder: Recorder
    /// Every check made during this attempt, in order.
    public var checks: [CheckResult] { checkLog.withLockedValue { $0 } }
    private let checkLog = NIOLockedValueBox<[CheckResult]>([])

    private let onPublish: (@Sendable (NostrEvent) -> Void)?

    init(settings: BenchSettings, recorder: Recorder, onPublish: (@Sendable (NostrEvent) -> Void)?) {
        self.settings = settings
        self.recorder = recorder
        self.onPublish = onPublish
    }

    /// Reports an event the scenario published (for `bench --dump-events`).
    public func published(_ event: NostrEvent) {
        onPublish?(event)
    }

    /// Records a named condition. The scenario goes on after a failed check so one attempt
    /// reports every failure, not just the first.
    @discardableResult
    public func check(_ name: String, _ passed: Bool, _ detail: @autoclosure () -> String) -> Bool {
        let result = CheckResult(name: name, passed: passed, detail: detail())
        checkLog.withLockedValue { $0.append(result) }
        return passed
    }
}

/// One named pass/fail condition of a scenario attempt.
public struct CheckResult: Sendable, Equatable {
    public var name: String
    public var passed: Bool
    /// What was measured against what was expected, for the failure message.
    public var detail: String
}
