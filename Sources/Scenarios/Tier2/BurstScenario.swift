import Foundation
import Mesh
import NIOConcurrencyHelpers

/// AC 3 burst handling on a 10-node random 4-regular mesh: a steady rate, then a burst (500
/// events/s), then the steady rate again. Records the recovery time — from the end of the burst
/// until every burst event reached every node *and* an event published after the burst reached
/// every node within twice its pre-burst median time (+2 ms) — the events dropped (must be none), latency per phase, and the
/// in-flight and queue-depth series; the burst window is in the run config (`burst_start_s`,
/// `burst_duration_s`) so charts can shade it.
public struct BurstScenario: Scenario {
    public let name: String
    public let tier: Int
    public let summary: String
    let steadyRate: Double = 20
    let burstRate: Double = 500
    let before: Double
    let burstDuration: Double
    let after: Double
    /// Story AC 3: recover to steady state within 60 s.
    static let recoveryLimit: Double = 60

    public static let short = BurstScenario(
        name: "tier2.burst-10", tier: 2, before: 5, burstDuration: 5, after: 25,
        summary:
            "10-node mesh: 20 events/s for 5 s, a 500 events/s burst for 5 s, 20 events/s for 25 s: recovery time, events dropped, latency per phase"
    )
    public static let long = BurstScenario(
        name: "tier3.burst-recovery-10", tier: 3, before: 10, burstDuration: 30, after: 60,
        summary:
            "10-node mesh: 10 s at 20 events/s, the story's 30 s burst at 500 events/s, its full 60 s recovery window: recovery time, drops, lasting degradation"
    )

    init(name: String, tier: Int, before: Double, burstDuration: Double, after: Double, summary: String) {
        self.name = name
        self.tier = tier
        self.before = before
        self.burstDuration = burstDuration
        self.after = after
        self.summary = summary
    }

    /// `--duration` sets the burst's length and `--rate` its rate.
    private func burst(_ settings: BenchSettings) -> (rate: Double, duration: Double) {
        (settings.rate(default: burstRate), settings.duration(default: burstDuration))
    }

    public func configuration(_ settings: BenchSettings) -> [String: Double] {
        let (rate, duration) = burst(settings)
        return [
            "burst_start_s": before, "burst_duration_s": duration, "burst_rate_events_per_s": rate,
            "steady_rate_events_per_s": steadyRate,
        ]
    }

    public func run(_ context: ScenarioContext) async throws {
        let settings = context.settings
        let size = settings.nodes(default: 10)
        let topology = try settings.meshTopology(nodes: size)
        let (rate, duration) = burst(settings)
        let recorder = context.recorder
        recorder.declare("latency", unit: "ms", better: .lower, meshSize: size, slaClass: "propagation")
        let log = CompletionLog()
        try await MeshSession.withLoadMesh(topology, node: settings.measurementNode(nodes: size), context: context) {
            network in
            let load = SustainedLoad(
                phases: [
                    LoadPhase(rate: steadyRate, duration: before, publishers: [0]),
                    LoadPhase(rate: rate, duration: duration, publishers: [0]),
                    LoadPhase(rate: steadyRate, duration: after, publishers: [0]),
                ],
                latencyMetrics: { _ in ["latency"] },
                drainTimeout: 30,
                // Past the story's recovery limit the answer is known: stop waiting.
                drainDeadline: max(10, Self.recoveryLimit - after + 10),
                onComplete: { log.add(publishedAt: $0, completedAt: $1) })
            let outcome = try await load.run(on: network, context: context)
            let missing = outcome.published * (size - 1) - outcome.delivered
            guard missing == 0 else {
                // Not delivered by the recovery deadline: late or lost, either way not recovered.
                try recorder.counter("events_undelivered_at_deadline", unit: "deliveries", value: Int64(missing))
                context.check(
                    "recovers within \(Int(Self.recoveryLimit)) s of the burst", false,
                    "\(missing) deliveries were still outstanding \(Int(Self.recoveryLimit) + 10) s after the burst ended"
                )
                return
            }
            try recorder.counter("events_dropped", unit: "deliveries", value: 0)

            let burstStart = outcome.origin + UInt64(before * 1e9), burstEnd = burstStart + UInt64(duration * 1e9)
            let phases = log.summary(burstStart: burstStart, burstEnd: burstEnd)
            let recovered = phases.recoveredAt != UInt64.max
            let recovery =
                recovered ? max(0, Double(Int64(bitPattern: phases.recoveredAt &- burstEnd)) / 1e9) : .infinity
            if recovered {
                try recorder.counter("burst_recovery", unit: "ms", value: Int64((recovery * 1e3).rounded()))
            }
            context.check(
                "recovers within \(Int(Self.recoveryLimit)) s of the burst", recovery <= Self.recoveryLimit,
                recovered
                    ? String(format: "steady state returned %.1f s after the burst ended", recovery)
                    : "no event published after the burst reached every node at its pre-burst speed")
            // No lasting degradation: after recovery, latency is back near its pre-burst level.
            context.check(
                "latency after the burst returns to its steady level",
                phases.afterMedianMS <= 2 * phases.beforeMedianMS + 2,
                String(
                    format: "median propagation time %.2f ms before the burst, %.2f ms after recovery",
                    phases.beforeMedianMS, phases.afterMedianMS))
        }
    }
}

/// Publish and completion times of every event of a burst run, summarised per phase.
final class CompletionLog: Sendable {
    private let events = NIOLockedValueBox<[(published: UInt64, completed: UInt64)]>([])

    func add(publishedAt: UInt64, completedAt: UInt64) {
        events.withLockedValue { $0.append((publishedAt, completedAt)) }
    }

    struct Summary {
        /// When the mesh was back to steady state: the burst's events all delivered and an event
        /// published after the burst reached every node about as fast as before it.
        var recoveredAt: UInt64
        /// Median time to reach every node, for events published before the burst and after recovery.
        var beforeMedianMS: Double
        var afterMedianMS: Double
    }

    /// "About as fast": within twice the pre-burst median plus 2 ms of scheduling noise.
    static func isSteady(_ ms: Double, beforeMedianMS: Double) -> Bool { ms <= 2 * beforeMedianMS + 2 }

    func summary(burstStart: UInt64, burstEnd: UInt64) -> Summary {
        let all = events.withLockedValue { $0 }.sorted { $0.published < $1.published }
        func ms(_ e: (published: UInt64, completed: UInt64)) -> Double { Double(e.completed &- e.published) / 1e6 }
        func median(_ list: [(published: UInt64, completed: UInt64)]) -> Double {
            let sorted = list.map(ms).sorted()
            guard !sorted.isEmpty else { return 0 }
            return sorted.count % 2 == 1
                ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        }
        let before = median(all.filter { $0.published < burstStart })
        let lastBurst =
            all.filter { $0.published >= burstStart && $0.published < burstEnd }.map(\.completed).max() ?? burstEnd
        let firstSteady = all.first { $0.published >= burstEnd && Self.isSteady(ms($0), beforeMedianMS: before) }
        let recovered = max(lastBurst, firstSteady?.completed ?? UInt64.max)
        return Summary(
            recoveredAt: recovered, beforeMedianMS: before,
            afterMedianMS: median(all.filter { $0.published > recovered }))
    }
}
