import Foundation
import Mesh
import Nostr

/// One stretch of load offered at `rate` events/s for `duration` seconds, publishers taken in
/// turn (capacity is measured by a ramp of such rates: `CapacityRamp`).
struct LoadPhase: Sendable {
    var rate: Double
    var duration: Double
    var publishers: [Int]
}

/// Publishes signed events on a fixed schedule (open loop): event *i* of a phase is due at
/// phase start + i / rate, whether or not earlier events have arrived, so a slow mesh shows up as
/// growing latency and backlog instead of a quietly lower offered rate.
///
/// Events are handed to the mesh in batches (`MeshUnderTest.publish(_:waitUntilSent:)`): every
/// event that is due when the generator wakes goes out in one call, never before it is due, and
/// the generator does not wait for the nodes to send them — a busy node's events queue on its
/// event loop as a client's frames queue in a relay's socket, and that wait counts in their
/// latency (measured from the hand-over). So the generator's own round trips to the nodes do not
/// set the rate. How late the first event of each batch was handed over is the generator's lag.
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
    /// Most events in one hand-over: a generator far behind its schedule still hands events over
    /// in slices, so the first ones are not held back while the rest are signed.
    static let maximumBatch = 128

    init(network: MeshUnderTest, context: ScenarioContext, tracker: DeliveryTracker, publishers: Set<Int>) {
        self.network = network
        self.context = context
        self.tracker = tracker
        keys = Dictionary(uniqueKeysWithValues: publishers.map { ($0, network.keyPair(of: $0)) })
    }

    /// Runs the phases one after another; returns when the last event is published.
    mutating func run(_ phases: [LoadPhase]) async throws {
        for phase in phases { try await runScheduled(phase, rate: phase.rate) }
    }

    /// Open loop: sleeps until the next event is due, then sends every event due by then.
    private mutating func runScheduled(_ phase: LoadPhase, rate: Double) async throws {
        let events = Int((rate * phase.duration).rounded())
        guard events > 0 else { return }
        let start = await network.now()
        let interval = 1e9 / rate
        func due(_ index: Int) -> UInt64 { start + UInt64(Double(index) * interval) }
        var index = 0
        while index < events {
            let now = await network.now()
            guard now >= due(index) else {
                try await Task.sleep(nanoseconds: due(index) - now)
                continue
            }
            var last = index
            while last + 1 < events, last + 1 - index < Self.maximumBatch, due(last + 1) <= now { last += 1 }
            let batch = signed((index...last).map { phase.publishers[$0 % phase.publishers.count] })
            let handover = try await publish(batch)
            maximumLag = max(maximumLag, handover - due(index))
            try tracker.rethrow()
            index = last + 1
        }
    }

    /// Signs one event per entry of `publishers`. Fixed-width content keeps every event the same
    /// size, so bytes per event is an exact counter.
    mutating func signed(_ publishers: [Int]) -> [(event: NostrEvent, node: Int)] {
        let createdAt = Int64(Date().timeIntervalSince1970)
        return publishers.map { publisher in
            guard let key = keys[publisher] else { preconditionFailure("publisher \(publisher) has no key") }
            // "load", not "event": a closed-loop probe earlier in the scenario signs "event N" with the
            // same key in the same second, and an identical event would be deduplicated, never delivered.
            let content = String(format: "meshbench %@ load %08d", context.recorder.scenario, sequence)
            sequence += 1
            return (key.sign(kind: 1, content: content, tags: [], createdAt: createdAt), publisher)
        }
    }

    /// Registers and publishes a batch; returns the network time it was handed over (every event's
    /// publish time: its first deliveries may come back before `publish` returns).
    @discardableResult
    func publish(_ batch: [(event: NostrEvent, node: Int)]) async throws -> UInt64 {
        let time = await network.now()
        for entry in batch { tracker.willPublish(entry.event.id, at: time) }
        try await network.publish(batch, waitUntilSent: false)
        for entry in batch { context.published(entry.event) }
        return time
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
