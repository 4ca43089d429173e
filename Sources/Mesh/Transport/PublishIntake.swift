import Synchronization

/// Back-pressure from the nodes to whoever hands them events to publish (the load generator),
/// the way a relay stops reading its client's socket when its peers do not keep up: while any
/// node's send queues hold `closeAt` frames or more, or `maximumWaitingEvents` handed-over events
/// still wait for their node's event loop, a new hand-over waits. A full node opens again once
/// its queues are down to `reopenAt`. So an overload shows as the publisher's lag behind its
/// schedule, and every send queue stays bounded without dropping a frame.
///
/// Thread safety: `admit` runs on the publisher's task, everything else on the nodes' event
/// loops; the state is behind one `Mutex`. The loops only take it when a node's queues cross a
/// limit (`QueueGauge`) and once per hand-over they run.
final class PublishIntake: Sendable {
    struct Limits: Sendable, Equatable {
        /// Queued frames at one node that stop new hand-overs.
        var closeAt: Int
        /// Queued frames at that node at which hand-overs resume.
        var reopenAt: Int
        /// Events handed over but not yet run by their node, over all nodes.
        var maximumWaitingEvents: Int

        /// Well below the story's 1,000-frame queue limit: a hand-over admitted just before the
        /// queues filled (at most `maximumWaitingEvents` events, each up to 4 frames in a 4-regular
        /// mesh) still fits under it.
        static let standard = Limits(closeAt: 256, reopenAt: 64, maximumWaitingEvents: 128)
    }

    private struct State {
        var fullNodes = 0
        var waitingEvents = 0
        var stopped = false
        var waiters: [CheckedContinuation<Void, Never>] = []

        func isOpen(_ limits: Limits) -> Bool {
            stopped || (fullNodes == 0 && waitingEvents < limits.maximumWaitingEvents)
        }
    }

    let limits: Limits
    private let state = Mutex(State())

    init(limits: Limits = .standard) {
        self.limits = limits
    }

    /// Whether a hand-over would go through now (for tests and progress reports).
    var isOpen: Bool { state.withLock { $0.isOpen(limits) } }

    /// Waits until the nodes take hand-overs, then counts `events` as waiting for their loops.
    func admit(_ events: Int) async {
        while true {
            let admitted = state.withLock { state -> Bool in
                guard state.isOpen(limits) else { return false }
                state.waitingEvents += events
                return true
            }
            if admitted { return }
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let waits = state.withLock { state -> Bool in
                    guard !state.isOpen(limits) else { return false }
                    state.waiters.append(continuation)
                    return true
                }
                if !waits { continuation.resume() }
            }
        }
    }

    /// A node ran `events` of the admitted events (on its loop).
    func ran(_ events: Int) {
        update { $0.waitingEvents -= events }
    }

    /// A node's queues crossed `closeAt` (`true`) or fell back to `reopenAt` (`false`).
    func nodeQueues(full: Bool) {
        update { $0.fullNodes += full ? 1 : -1 }
    }

    /// The mesh is stopping: nobody waits on it any more.
    func stop() {
        update { $0.stopped = true }
    }

    private func update(_ change: (inout State) -> Void) {
        let woken = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            change(&state)
            guard state.isOpen(limits), !state.waiters.isEmpty else { return [] }
            defer { state.waiters.removeAll() }
            return state.waiters
        }
        for waiter in woken { waiter.resume() }
    }
}
