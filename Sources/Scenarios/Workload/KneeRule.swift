import Foundation
import Statistics

/// When a ramp step counts as kept up with: every offered event accepted and completed, p95
/// latency under the SLA, a bounded backlog, and the generator itself on schedule (a generator
/// more than `maximumGeneratorLagMS` behind did not offer the step's rate, so the step says
/// nothing about the system). The knee is the highest rate of the unbroken run of passing steps
/// from the first.
///
/// The backlog bound keeps a short step from flattering the knee: offered f times what it can
/// do, a system ends a step with a share 1 − 1/f of the step's events still in flight, while
/// their p95 can stay under a lenient SLA. A system that keeps up has about rate × latency in
/// flight (Little's law), at most rate × SLA; so more than that, or more than
/// `maximumBacklogFraction` of the step when that is larger, unfinished when the schedule ends
/// means the backlog grew. With 3 s steps and a 500 ms SLA this catches an overload of 20 %.
///
/// Where the system reports its send queues, a step in which any queue reached
/// `queueDepthLimit` frames fails too (story AC 3 bounds them below 1,000): the knee is then a
/// rate the mesh sustains with bounded queues, and the overload beyond it cannot fail the run.
public struct KneeRule: Sendable, Equatable {
    public var slaP95MS: Double
    public var maximumGeneratorLagMS: Double
    public var maximumBacklogFraction: Double
    public var queueDepthLimit: Int

    public init(
        slaP95MS: Double, maximumGeneratorLagMS: Double = 100, maximumBacklogFraction: Double = 0.1,
        queueDepthLimit: Int = 1_000
    ) {
        self.slaP95MS = slaP95MS
        self.maximumGeneratorLagMS = maximumGeneratorLagMS
        self.maximumBacklogFraction = maximumBacklogFraction
        self.queueDepthLimit = queueDepthLimit
    }

    public func judge(rate: Double, outcome: RampStepOutcome, generatorLagMS: Double) -> RampStep {
        let p95 = try? Quantile.of(outcome.latenciesMS, p: 0.95)
        var failures: [(condition: Condition, text: String)] = []
        if outcome.accepted < outcome.offered {
            failures.append((.notAccepted, "\(outcome.offered - outcome.accepted) of \(outcome.offered) not accepted"))
        }
        if outcome.completed < outcome.offered {
            failures.append(
                (.notDelivered, "\(outcome.offered - outcome.completed) of \(outcome.offered) not delivered"))
        }
        if let failure = outcome.firstFailure { failures.append((.failure, "first failure: \(failure)")) }
        if let p95, !(p95 < slaP95MS) {
            failures.append((.p95OverSLA, "p95 \(Self.format(p95)) ms ≥ SLA \(Self.format(slaP95MS)) ms"))
        }
        let backlogLimit = max(maximumBacklogFraction * Double(outcome.offered), rate * slaP95MS / 1_000)
        if Double(outcome.backlogAtEnd) > backlogLimit {
            failures.append(
                (
                    .backlogGrew,
                    "\(outcome.backlogAtEnd) of \(outcome.offered) still in flight when the step's schedule ended "
                        + "(more than \(Self.format(backlogLimit)): the backlog grew)"
                ))
        }
        if let deepest = outcome.deepestQueue, deepest >= queueDepthLimit {
            failures.append((.queueFull, "a send queue reached \(deepest) frames (limit < \(queueDepthLimit))"))
        }
        if generatorLagMS > maximumGeneratorLagMS {
            failures.append(
                (
                    .generatorLag,
                    "the generator fell \(Self.format(generatorLagMS)) ms behind its schedule (the driver could not offer this rate)"
                ))
        }
        let passed = failures.isEmpty
        let reason =
            passed
            ? "all \(outcome.offered) accepted and delivered, p95 \(p95.map(Self.format) ?? "–") ms < \(Self.format(slaP95MS)) ms"
            : failures.map(\.text).joined(separator: "; ")
        return RampStep(
            rate: rate, outcome: outcome, p95MS: p95, generatorLagMS: generatorLagMS, passed: passed, reason: reason,
            failed: failures.map(\.condition))
    }

    /// The conditions a step can fail, by the names the samples record (`step.r<rate>.failed.<name>`).
    public enum Condition: String, Sendable, CaseIterable {
        case notAccepted = "not_accepted"
        case notDelivered = "not_delivered"
        /// The system reported a failure (e.g. `OK false`).
        case failure
        case p95OverSLA = "p95_over_sla"
        case backlogGrew = "backlog_grew"
        case queueFull = "queue_full"
        case generatorLag = "generator_lag"
    }

    /// The highest rate such that it and every lower step passed; nil when the first step failed.
    public static func knee(of steps: [RampStep]) -> Double? {
        steps.prefix { $0.passed }.last?.rate
    }

    static func format(_ value: Double) -> String {
        value >= 100 ? String(Int(value.rounded())) : String(format: "%.1f", value)
    }
}
