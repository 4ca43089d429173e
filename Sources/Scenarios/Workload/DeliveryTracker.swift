import Foundation
import Mesh
import NIOConcurrencyHelpers

/// Follows every event a sustained workload publishes to every node it must reach, as the nodes
/// accept it (the mesh's arrival handler, on the nodes' own threads). Each delivery becomes one
/// latency sample at once and the event is forgotten when its last delivery arrives, so memory
/// holds only the events in flight, whatever the run length.
final class DeliveryTracker: Sendable {
    /// What one delivery is recorded as: the metrics it belongs to (by hop count).
    typealias MetricChoice = @Sendable (_ hops: Int) -> [String]

    private struct InFlight {
        let publishedAt: UInt64
        var remaining: Int
    }

    private let recorder: Recorder
    private let metrics: MetricChoice
    private let targetsPerEvent: Int
    private let origin: UInt64
    /// Sees every completed event (publish time, last delivery time), e.g. to time a burst's backlog.
    private let onComplete: (@Sendable (_ publishedAt: UInt64, _ completedAt: UInt64) -> Void)?
    /// Everything the lock guards.
    private struct State {
        var inFlight: [String: InFlight] = [:]
        var completedPerSecond: [Int] = []
        var firstError: (any Error)?
        var publishedCount = 0
        var deliveredCount = 0
        var completedCount = 0
        var lastCompletionTime: UInt64 = 0
        /// A closed-loop generator waiting for fewer than `limit` events in flight.
        var roomWaiter: (key: UInt64, limit: Int, continuation: CheckedContinuation<Void, Never>)?
        /// Bounds the wait of `roomWaiter`; cancelled when a delivery opens room first.
        var roomTimer: Task<Void, Never>?
        var nextWaiterKey: UInt64 = 0
    }
    private let lock = NIOLockedValueBox(State())

    /// Events registered, deliveries seen (publisher excluded), events at every target.
    var published: Int { lock.withLockedValue { state in state.publishedCount } }
    var delivered: Int { lock.withLockedValue { state in state.deliveredCount } }
    var completed: Int { lock.withLockedValue { state in state.completedCount } }
    /// Network time of the last delivery that completed an event.
    var lastCompletion: UInt64 { lock.withLockedValue { state in state.lastCompletionTime } }

    /// `origin`: network time of t = 0 for the `t` of samples. `targetsPerEvent`: nodes each event
    /// must reach besides its publisher.
    init(
        recorder: Recorder, targetsPerEvent: Int, origin: UInt64, metrics: @escaping MetricChoice,
        onComplete: (@Sendable (_ publishedAt: UInt64, _ completedAt: UInt64) -> Void)? = nil
    ) {
        self.onComplete = onComplete
        self.recorder = recorder
        self.targetsPerEvent = targetsPerEvent
        self.origin = origin
        self.metrics = metrics
    }

    /// Starts streaming the network's arrivals into this tracker.
    func attach(to network: MeshUnderTest) {
        network.setArrivalHandler { [self] id, arrival in self.arrived(id, arrival) }
    }

    func detach(from network: MeshUnderTest) {
        network.setArrivalHandler(nil)
    }

    /// Registers an event just before it is published (its first deliveries may come back
    /// before `publish` returns).
    func willPublish(_ id: String, at time: UInt64) {
        lock.withLockedValue { state in
            state.inFlight[id] = InFlight(publishedAt: time, remaining: targetsPerEvent)
            state.publishedCount += 1
        }
    }

    /// Events published but not yet at every target.
    var inFlightCount: Int { lock.withLockedValue { state in state.inFlight.count } }

    /// Returns once fewer than `limit` events are in flight, or after `timeoutNanoseconds`:
    /// woken by the completing delivery itself, so a closed-loop generator neither polls nor
    /// lags behind the room that opens.
    func waitForRoom(below limit: Int, timeoutNanoseconds: UInt64) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let key: UInt64? = lock.withLockedValue { state in
                guard state.inFlight.count >= limit else { return nil }
                state.nextWaiterKey += 1
                state.roomWaiter = (state.nextWaiterKey, limit, continuation)
                return state.nextWaiterKey
            }
            guard let key else { return continuation.resume() }
            let timer = Task {
                try? await Task.sleep(nanoseconds: timeoutNanoseconds)
                guard !Task.isCancelled else { return }
                self.takeRoomWaiter(key)?.resume()
            }
            // The room may have opened while the timer was being made: then cancel it at once.
            let stale: Task<Void, Never>? = lock.withLockedValue { state in
                guard state.roomWaiter?.key == key else { return timer }
                state.roomTimer = timer
                return nil
            }
            stale?.cancel()
        }
    }

    private func takeRoomWaiter(_ key: UInt64) -> CheckedContinuation<Void, Never>? {
        lock.withLockedValue { state in
            guard let waiter = state.roomWaiter, waiter.key == key else { return nil }
            state.roomWaiter = nil
            state.roomTimer = nil
            return waiter.continuation
        }
    }

    /// Events whose last delivery landed in each whole second since `origin`.
    func completionsPerSecond() -> [Int] { lock.withLockedValue { state in state.completedPerSecond } }

    /// Ids of events still missing deliveries (for the failure message), at most `limit`.
    func missing(limit: Int = 5) -> [String] {
        lock.withLockedValue { state in Array(state.inFlight.keys.prefix(limit)).map { String($0.prefix(16)) } }
    }

    /// Throws the first error a recording raised on a node thread.
    func rethrow() throws {
        if let error = lock.withLockedValue({ $0.firstError }) { throw error }
    }

    /// Consumes the arrivals of tracked events (true); others are left to `awaitPropagation`.
    private func arrived(_ id: String, _ arrival: Arrival) -> Bool {
        var roomOpened: CheckedContinuation<Void, Never>?
        var roomTimerToCancel: Task<Void, Never>?
        defer {
            roomTimerToCancel?.cancel()
            roomOpened?.resume()
        }
        let (entry, completes): (InFlight?, Bool) = lock.withLockedValue { state in
            guard var entry = state.inFlight[id] else { return (nil, false) }
            guard arrival.hops > 0 else { return (entry, false) }
            entry.remaining -= 1
            state.deliveredCount += 1
            if entry.remaining == 0 {
                state.inFlight[id] = nil
                if let waiter = state.roomWaiter, state.inFlight.count < waiter.limit {
                    state.roomWaiter = nil
                    roomOpened = waiter.continuation
                    roomTimerToCancel = state.roomTimer
                    state.roomTimer = nil
                }
                state.completedCount += 1
                state.lastCompletionTime = max(state.lastCompletionTime, arrival.time)
                let second = Int((arrival.time &- origin) / 1_000_000_000)
                if second >= 0 {
                    if state.completedPerSecond.count <= second {
                        state.completedPerSecond.append(
                            contentsOf: repeatElement(0, count: second + 1 - state.completedPerSecond.count))
                    }
                    state.completedPerSecond[second] += 1
                }
            } else {
                state.inFlight[id] = entry
            }
            return (entry, entry.remaining == 0)
        }
        guard let entry else { return false }
        guard arrival.hops > 0 else { return true }
        let latency = Double(arrival.time &- entry.publishedAt) / 1e6
        let t = Double(entry.publishedAt &- origin) / 1e9
        do {
            for metric in metrics(arrival.hops) {
                try recorder.sample(metric, latency, hops: arrival.hops, node: arrival.node, t: t)
            }
        } catch {
            lock.withLockedValue { state in if state.firstError == nil { state.firstError = error } }
        }
        if completes { onComplete?(entry.publishedAt, arrival.time) }
        return true
    }
}
