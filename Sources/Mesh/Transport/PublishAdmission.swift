import NIOConcurrencyHelpers

/// How many events handed to one node for publishing have not left it yet (queued on its event
/// loop, or held for link credit), with a bound: a caller handing over more waits for room. This
/// is where an overload ends up — as the load generator's lag — instead of in a send queue or
/// an event loop's task queue that nobody sees.
/// The generator's task reserves, the node's event loop releases.
final class PublishAdmission: Sendable {
    let limit: Int
    private struct State {
        var outstanding = 0
        var waiters: [CheckedContinuation<Void, Never>] = []
    }
    private let state = NIOLockedValueBox(State())

    init(limit: Int) { self.limit = max(1, limit) }

    /// Waits until fewer than `limit` events are outstanding, then counts `count` more (a batch
    /// may overshoot the limit by its own size, so a batch is never split).
    func reserve(_ count: Int) async {
        while !tryReserve(count) {
            await withCheckedContinuation { continuation in
                let mustWait = state.withLockedValue { state in
                    guard state.outstanding >= limit else { return false }
                    state.waiters.append(continuation)
                    return true
                }
                if !mustWait { continuation.resume() }
            }
        }
    }

    /// Counts `count` more without waiting (a caller already on the node's loop).
    func add(_ count: Int) {
        state.withLockedValue { $0.outstanding += count }
    }

    /// `count` events left the node (published, or failed); wakes the waiters once there is room.
    func release(_ count: Int) {
        guard count > 0 else { return }
        let woken: [CheckedContinuation<Void, Never>] = state.withLockedValue { state in
            state.outstanding -= count
            guard state.outstanding < limit else { return [] }
            defer { state.waiters.removeAll() }
            return state.waiters
        }
        for waiter in woken { waiter.resume() }
    }

    private func tryReserve(_ count: Int) -> Bool {
        state.withLockedValue { state in
            guard state.outstanding < limit else { return false }
            state.outstanding += count
            return true
        }
    }
}
