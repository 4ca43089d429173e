import Foundation

/// An open-loop rate ramp: load offered in steps of rising rate (e.g. 100, 200, 400, … events/s),
/// each step long enough to show a backlog, on a fixed schedule — event *i* of a step is due at
/// step start + *i*/rate whether or not earlier ones completed — so a system that cannot keep up
/// shows growing latency and unfinished events instead of a quietly lower rate. After each step
/// the load drains (bounded); the ramp stops at the first step that fails `KneeRule`, since
/// higher rates only pile more on. Used by `external.ingest` and `external.mesh-ingest` (relays
/// reached by address) and by the capacity scenarios on our own mesh (`CapacityRamp`); the load
/// is anything `RampLoad`.
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
        geometric(from: first, to: last, stepsPerDoubling: 1)
    }

    /// Rates rising by 2^(1/`stepsPerDoubling`) from `first` up to at most `last`, each rounded
    /// to a whole event per second: with 4 steps per doubling, 500, 595, 707, 841, 1000, … A
    /// finer ramp places the knee within 19 % instead of 100 %, for more steps.
    public static func geometric(from first: Double, to last: Double, stepsPerDoubling: Int) -> [Double] {
        guard first > 0, last.isFinite, stepsPerDoubling > 0 else { return [] }
        var rates: [Double] = []
        var exponent = 0
        while case let rate = (first * Foundation.pow(2, Double(exponent) / Double(stepsPerDoubling))).rounded(),
            rate <= last
        {
            if rate > (rates.last ?? 0) { rates.append(rate) }
            exponent += 1
        }
        return rates
    }

    /// Runs the steps in order until one fails or all passed; `onStep` sees each judged step.
    public func run(_ load: RampLoad, onStep: (RampStep) async throws -> Void = { _ in }) async throws -> RampResult {
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
                    try await load.offer(offered..<dueNow)
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
            try await onStep(step)
            if !step.passed { break }
        }
        return RampResult(
            steps: steps, knee: KneeRule.knee(of: steps),
            reachedTop: steps.count == rates.count && steps.allSatisfy(\.passed))
    }
}

/// The system under a ramp: prepares a step's events before its clock starts, offers them when
/// due (handing them over without waiting for them to complete), then reports what became of them.
public protocol RampLoad: AnyObject {
    func prepareStep(rate: Double, count: Int) async throws
    /// Offers the events with these indices of the current step, now. Time spent here delays the
    /// next events and counts in the generator's lag.
    func offer(_ indices: Range<Int>) async throws
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
    /// Events offered but not yet complete when the step's schedule ended (before the drain).
    public var backlogAtEnd: Int
    /// The deepest send queue (frames) any node reached so far, where the system reports it.
    public var deepestQueue: Int?
    /// CPU time (s) the system under test used from the step's start to the end of its drain,
    /// where its processes can be read (our own mesh); nil for a relay reached by address.
    public var cpuSeconds: Double?

    public init(
        offered: Int, accepted: Int, completed: Int, latenciesMS: [Double], firstFailure: String? = nil,
        backlogAtEnd: Int = 0, deepestQueue: Int? = nil, cpuSeconds: Double? = nil
    ) {
        self.deepestQueue = deepestQueue
        self.cpuSeconds = cpuSeconds
        self.offered = offered
        self.accepted = accepted
        self.completed = completed
        self.latenciesMS = latenciesMS
        self.firstFailure = firstFailure
        self.backlogAtEnd = backlogAtEnd
    }

    /// CPU per completed event (µs), nil without a CPU reading or a completed event.
    public var cpuMicrosecondsPerEvent: Double? {
        guard let cpuSeconds, completed > 0 else { return nil }
        return cpuSeconds * 1e6 / Double(completed)
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
    /// Every condition the step failed, in the order of `reason` (empty when it passed).
    public var failed: [KneeRule.Condition] = []
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
