import Foundation
import Statistics

/// When a ramp step counts as kept up with: every offered event accepted and completed, p95
/// latency under the SLA, and the generator itself on schedule (a generator more than
/// `maximumGeneratorLagMS` behind did not offer the step's rate, so the step says nothing about
/// the system). The knee is the highest rate of the unbroken run of passing steps from the first.
public struct KneeRule: Sendable, Equatable {
    public var slaP95MS: Double
    public var maximumGeneratorLagMS: Double

    public init(slaP95MS: Double, maximumGeneratorLagMS: Double = 100) {
        self.slaP95MS = slaP95MS
        self.maximumGeneratorLagMS = maximumGeneratorLagMS
    }

    public func judge(rate: Double, outcome: RampStepOutcome, generatorLagMS: Double) -> RampStep {
        let p95 = try? Quantile.of(outcome.latenciesMS, p: 0.95)
        var failures: [String] = []
        if outcome.accepted < outcome.offered {
            failures.append("\(outcome.offered - outcome.accepted) of \(outcome.offered) not accepted")
        }
        if outcome.completed < outcome.offered {
            failures.append("\(outcome.offered - outcome.completed) of \(outcome.offered) not delivered")
        }
        if let failure = outcome.firstFailure { failures.append("first failure: \(failure)") }
        if let p95, !(p95 < slaP95MS) {
            failures.append("p95 \(Self.format(p95)) ms ≥ SLA \(Self.format(slaP95MS)) ms")
        }
        if generatorLagMS > maximumGeneratorLagMS {
            failures.append(
                "the generator fell \(Self.format(generatorLagMS)) ms behind its schedule (the driver could not offer this rate)"
            )
        }
        let passed = failures.isEmpty
        let reason =
            passed
            ? "all \(outcome.offered) accepted and delivered, p95 \(p95.map(Self.format) ?? "–") ms < \(Self.format(slaP95MS)) ms"
            : failures.joined(separator: "; ")
        return RampStep(
            rate: rate, outcome: outcome, p95MS: p95, generatorLagMS: generatorLagMS, passed: passed, reason: reason)
    }

    /// The highest rate such that it and every lower step passed; nil when the first step failed.
    public static func knee(of steps: [RampStep]) -> Double? {
        steps.prefix { $0.passed }.last?.rate
    }

    static func format(_ value: Double) -> String {
        value >= 100 ? String(Int(value.rounded())) : String(format: "%.1f", value)
    }
}
