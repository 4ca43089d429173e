import Foundation
import Mesh
import Nostr

/// One stretch of load for `duration` seconds, publishers taken in turn: either offered at a
/// fixed `rate` (open loop), or — `rate` nil — as fast as the mesh completes events with at most
/// `window` in flight (closed loop: the mesh's capacity, in bounded time whatever the machine).
struct LoadPhase: Sendable {
    var rate: Double?
    var duration: Double
    var publishers: [Int]
    var window: Int = 64

    init(rate: Double?, duration: Double, publishers: [Int], window: Int = 64) {
        self.rate = rate
        self.duration = duration
        self.publishers = publishers
        self.window = window
    }
}

/// Publishes signed events on a fixed schedule (open loop): event *i* of a phase is due at
/// phase start + i / rate, whether or not earlier events have arrived, so a slow mesh shows up as
/// growing latency and backlog instead of a quietly lower offered rate.
struct LoadGenerator {
    let network: MeshUnderTest
    let context: ScenarioContext
    let tracker: DeliveryTracker
    /// Signing keys per publisher, derived once (deriving a public key costs as much as a signature).
    private let keys: [Int: NostrKeyPair]
    private(set) var sequence = 0
    /// How far behind schedule the generator fell at worst (ns): a figure above a few ms means
    /// the bench process itself, not the mesh, limited the offered rate.
    private(set) var maximumLag: UInt64 = 0

    init(network: MeshUnderTest, context: ScenarioContext, tracker: DeliveryTracker, publishers: Set<Int>) {
        self.network = network
        self.context = context
        self.tracker = tracker
        keys = Dictionary(uniqueKeysWithValues: publishers.map { ($0, network.keyPair(of: $0)) })
    }

    /// Runs the phases one after another; returns when the last event is published.
    mutating func run(_ phases: [LoadPhase]) async throws {
        for phase in phases {
            if let rate = phase.rate {
                try await runScheduled(phase, rate: rate)
            } else {
                try await runWindowed(phase)
            }
        }
    }

    /// Closed loop: publish whenever fewer than `window` events are in flight, until `duration` ends.
    private mutating func runWindowed(_ phase: LoadPhase) async throws {
        let end = await network.now() + UInt64(phase.duration * 1e9)
        var index = 0
        while await network.now() < end {
            if tracker.inFlightCount >= phase.window {
                try await Task.sleep(nanoseconds: 200_000)
                continue
            }
            try await publish(from: phase.publishers[index % phase.publishers.count])
            try tracker.rethrow()
            index += 1
        }
    }

    private mutating func runScheduled(_ phase: LoadPhase, rate: Double) async throws {
        let events = Int((rate * phase.duration).rounded())
        guard events > 0 else { return }
        let start = await network.now()
        let interval = 1e9 / rate
        for index in 0..<events {
            let due = start + UInt64(Double(index) * interval)
            let now = await network.now()
            if now < due {
                try await Task.sleep(nanoseconds: due - now)
            } else {
                maximumLag = max(maximumLag, now - due)
            }
            try await publish(from: phase.publishers[index % phase.publishers.count])
            try tracker.rethrow()
        }
    }

    /// Signs, registers and publishes one event. Fixed-width content keeps every event the same
    /// size, so bytes per event is an exact counter.
    mutating func publish(from publisher: Int) async throws {
        guard let key = keys[publisher] else { preconditionFailure("publisher \(publisher) has no key") }
        // "load", not "event": a closed-loop probe earlier in the scenario signs "event N" with the
        // same key in the same second, and an identical event would be deduplicated, never delivered.
        let content = String(format: "meshbench %@ load %08d", context.recorder.scenario, sequence)
        sequence += 1
        let event = key.sign(kind: 1, content: content, tags: [], createdAt: Int64(Date().timeIntervalSince1970))
        let time = await network.now()
        tracker.willPublish(event.id, at: time)
        try await network.publish(event, from: publisher, amount: nil)
        context.published(event)
    }

    /// Waits until every published event reached every target, or `timeout` seconds passed with
    /// no progress; returns false then (the caller reports what is missing).
    /// `deadline`: seconds after which to give up even while deliveries still arrive.
    func drain(timeout: Double, deadline: Double? = nil) async throws -> Bool {
        var lastDelivered = -1
        var stalledSince = Date()
        let giveUp = deadline.map { Date().addingTimeInterval($0) }
        while tracker.inFlightCount > 0 {
            if let giveUp, Date() > giveUp { return false }
            let delivered = tracker.delivered
            if delivered != lastDelivered {
                lastDelivered = delivered
                stalledSince = Date()
            } else if Date().timeIntervalSince(stalledSince) > timeout {
                return false
            }
            try await Task.sleep(nanoseconds: 5_000_000)
        }
        return true
    }
}
