import Foundation

/// An open-loop rate ramp: load offered in steps of rising rate (e.g. 100, 200, 400, … events/s),
/// each step long enough to show a backlog, on a fixed schedule — event *i* of a step is due at
/// step start + *i*/rate whether or not earlier ones completed — so a system that cannot keep up
/// shows growing latency and unfinished events instead of a quietly lower rate. After each step
/// the load drains (bounded); the ramp stops at the first step that fails `KneeRule`, since
/// higher rates only pile more on. Used by `external.ingest`; the load is anything `RampLoad`.
public struct RateRamp: Sendable {
    /// Offered rates in events/s, ascending.
    public var rates: [Double]
    /// Seconds each step offers load.
    public var stepSeconds: Double
    /// Longest wait after a step for its events to complete (s).
    public var drainSeconds: Double
    /// The rule that passes or fails a step.
    public var rule: KneeRule

    public init(rates: [Double], stepSeconds: Double, drainSeconds: Double, rule: KneeRule) {
        self.rates = rates
        self.stepSeconds = stepSeconds
        self.drainSeconds = drainSeconds
        self.rule = rule
    }

    /// Rates doubling from `first` up to at most `last`: 100, 200, 400, …
    public static func doubling(from first: Double, to last: Double) -> [Double] {
        var rates: [Double] = []
        var rate = first
        while rate <= last {
            rates.append(rate)
            rate *= 2
        }
        return rates
    }

    /// Runs the steps in order until one fails or all passed; `onStep` sees each judged step.
    public func run(_ load: RampLoad, onStep: (RampStep) throws -> Void = { _ in }) async throws -> RampResult {
        var steps: [RampStep] = []
        let clock = ContinuousClock()
        for rate in rates {
            // The count is rounded to a whole event; a rate × duration beyond Int is refused.
            let planned = (rate * stepSeconds).rounded()
            guard planned >= 1, planned < Double(Int.max) else {
                throw RampError.badStep(rate: rate, seconds: stepSeconds)
            }
            let count = Int(planned)
            try await load.prepareStep(rate: rate, count: count)
            let start = clock.now
            var lagMax = Duration.zero
            var offered = 0
            while offered < count {
                let now = clock.now
                // Events due by now: i/rate ≤ elapsed, clamped to the step before converting.
                let dueNow = Int(min(Double(count), (((now - start) / .seconds(1)) * rate).rounded(.down) + 1))
                if offered < dueNow {
                    let due = start + .seconds(Double(offered) / rate)
                    lagMax = max(lagMax, now - due)
                    load.offer(offered..<dueNow)
                    offered = dueNow
                }
                if offered < count {
                    try await clock.sleep(
                        until: start + .seconds(Double(offered) / rate), tolerance: .microseconds(100))
                }
            }
            let outcome = try await load.finishStep(drainSeconds: drainSeconds)
            let step = rule.judge(rate: rate, outcome: outcome, generatorLagMS: lagMax.milliseconds)
            steps.append(step)
            try onStep(step)
            if !step.passed { break }
        }
        return RampResult(
            steps: steps, knee: KneeRule.knee(of: steps),
            reachedTop: steps.count == rates.count && steps.allSatisfy(\.passed))
    }
}

/// The system under a ramp: prepares a step's events before its clock starts, offers them when
/// due (without blocking), then reports what became of them.
public protocol RampLoad: AnyObject {
    func prepareStep(rate: Double, count: Int) async throws
    /// Offers the events with these indices of the current step, now.
    func offer(_ indices: Range<Int>)
    /// Waits up to `drainSeconds` for the step's events to complete, then reports them.
    func finishStep(drainSeconds: Double) async throws -> RampStepOutcome
}

/// What became of one step's events.
public struct RampStepOutcome: Sendable, Equatable {
    public var offered: Int
    /// Accepted by the system (e.g. `OK true`).
    public var accepted: Int
    /// Completed end to end (e.g. delivered to the subscriber).
    public var completed: Int
    /// Latency of every completed event (ms).
    public var latenciesMS: [Double]
    /// The first reason an event failed, if any did (e.g. `OK false` with the relay's message).
    public var firstFailure: String?

    public init(offered: Int, accepted: Int, completed: Int, latenciesMS: [Double], firstFailure: String? = nil) {
        self.offered = offered
        self.accepted = accepted
        self.completed = completed
        self.latenciesMS = latenciesMS
        self.firstFailure = firstFailure
    }
}

/// One judged step.
public struct RampStep: Sendable, Equatable {
    public var rate: Double
    public var outcome: RampStepOutcome
    /// p95 of the completed events' latency (ms), nil when none completed.
    public var p95MS: Double?
    /// How far the generator fell behind its schedule at worst (ms).
    public var generatorLagMS: Double
    public var passed: Bool
    /// Why the step passed or failed, in words.
    public var reason: String
}

public struct RampResult: Sendable, Equatable {
    public var steps: [RampStep]
    /// Highest rate of the unbroken run of passing steps from the first; nil when the first failed.
    public var knee: Double?
    /// Every step passed: the knee is at least the top rate, not found.
    public var reachedTop: Bool
}

public enum RampError: Error, CustomStringConvertible {
    case badStep(rate: Double, seconds: Double)

    public var description: String {
        switch self {
        case let .badStep(rate, seconds):
            return
                "a ramp step of \(rate) events/s for \(seconds) s offers no whole event or too many; choose rates ≥ 1/duration"
        }
    }
}
