import Foundation
import NIOConcurrencyHelpers
import NIOCore

/// Collects what every node reports (first arrivals of events, links ready or down) and wakes
/// whoever waits for them. Nodes on different event loops report here, so its state is in one
/// locked box; it is called once per (node, event) and per link change, never per frame.
final class NetworkObserver: RelayNodeObserver, Sendable {
    struct Link: Hashable { let node: Int; let peer: Int }

    /// Everything the lock guards.
    private struct State {
        var arrivals: [String: [Int: Arrival]] = [:]
        var readyLinks = Set<Link>()
        var arrivalWaiters:
            [UInt64: (id: String, nodes: Set<Int>, continuation: CheckedContinuation<[Int: Arrival], Error>)] = [:]
        var readyWaiters: [UInt64: (links: Set<Link>, continuation: CheckedContinuation<Void, Error>)] = [:]
        var busyNodes = Set<Int>()
        var idleWaiters: [UInt64: CheckedContinuation<Void, Error>] = [:]
        var nextWaiter: UInt64 = 0
        /// Streams first arrivals to a long-running workload; an arrival it takes (returns true for)
        /// is not kept, so memory stays bounded whatever the run length.
        var arrivalHandler: (@Sendable (String, Arrival) -> Bool)?
    }

    private let lock = NIOLockedValueBox(State())

    // MARK: RelayNodeObserver

    func node(_ node: Int, accepted id: String, at time: UInt64, hops: Int, from: Int?) {
        let arrival = Arrival(node: node, time: time, hops: hops, from: from)
        if let handler = lock.withLockedValue({ $0.arrivalHandler }), handler(id, arrival) { return }
        let woken: [(CheckedContinuation<[Int: Arrival], Error>, [Int: Arrival])] = lock.withLockedValue { state in
            state.arrivals[id, default: [:]][node] = arrival
            let got = state.arrivals[id]!
            var done: [(CheckedContinuation<[Int: Arrival], Error>, [Int: Arrival])] = []
            for (key, waiter) in state.arrivalWaiters where waiter.id == id && waiter.nodes.isSubset(of: got.keys) {
                state.arrivalWaiters[key] = nil
                done.append((waiter.continuation, got))
            }
            return done
        }
        for (continuation, got) in woken { continuation.resume(returning: got) }
    }

    func node(_ node: Int, linkReadyTo peer: Int) {
        let woken: [CheckedContinuation<Void, Error>] = lock.withLockedValue { state in
            state.readyLinks.insert(Link(node: node, peer: peer))
            var done: [CheckedContinuation<Void, Error>] = []
            for (key, waiter) in state.readyWaiters where waiter.links.isSubset(of: state.readyLinks) {
                state.readyWaiters[key] = nil
                done.append(waiter.continuation)
            }
            return done
        }
        for continuation in woken { continuation.resume() }
    }

    func node(_ node: Int, linkDownTo peer: Int) {
        lock.withLockedValue { state in _ = state.readyLinks.remove(Link(node: node, peer: peer)) }
    }

    func node(_ node: Int, isBusy: Bool) {
        let woken: [CheckedContinuation<Void, Error>] = lock.withLockedValue { state in
            if isBusy { state.busyNodes.insert(node) } else { state.busyNodes.remove(node) }
            guard state.busyNodes.isEmpty else { return [] }
            defer { state.idleWaiters.removeAll() }
            return Array(state.idleWaiters.values)
        }
        for continuation in woken { continuation.resume() }
    }

    /// Forgets readiness of links touching `node` (or only the link to `peer`), at once: the far
    /// ends report their side going down a little later on their own loops, and a restart or
    /// restore must not mistake that stale state for a new link being ready.
    func forgetLinks(of node: Int, peer: Int? = nil) {
        lock.withLockedValue { state in
            state.readyLinks = state.readyLinks.filter { link in
                let touches =
                    (link.node == node && (peer == nil || link.peer == peer))
                    || (link.peer == node && (peer == nil || link.node == peer))
                return !touches
            }
        }
    }

    func setArrivalHandler(_ handler: (@Sendable (String, Arrival) -> Bool)?) {
        lock.withLockedValue { state in state.arrivalHandler = handler }
    }

    // MARK: Queries

    func arrivals(of id: String) -> [Int: Arrival] {
        lock.withLockedValue { state in state.arrivals[id] ?? [:] }
    }

    /// Drops the arrival records of an event (long runs forget what they have consumed).
    func forget(_ id: String) {
        lock.withLockedValue { state in _ = state.arrivals.removeValue(forKey: id) }
    }

    func missing(_ id: String, among nodes: Set<Int>) -> [Int] {
        lock.withLockedValue { state in nodes.filter { state.arrivals[id]?[$0] == nil }.sorted() }
    }

    func notReady(_ links: Set<Link>) -> Set<Link> {
        lock.withLockedValue { state in links.subtracting(state.readyLinks) }
    }

    // MARK: Waiting (real transport: event-driven, a timer on `loop` bounds the wait)

    func waitForArrivals(
        of id: String, at nodes: Set<Int>, timeout: UInt64, loop: EventLoop
    ) async throws -> [Int: Arrival] {
        try await withCheckedThrowingContinuation { continuation in
            let key: UInt64? = lock.withLockedValue { state in
                let got = state.arrivals[id] ?? [:]
                if nodes.isSubset(of: got.keys) { return nil }
                state.nextWaiter += 1
                state.arrivalWaiters[state.nextWaiter] = (id, nodes, continuation)
                return state.nextWaiter
            }
            guard let key else { return continuation.resume(returning: arrivals(of: id)) }
            loop.scheduleTask(in: .nanoseconds(Int64(timeout))) {
                guard let waiter = self.lock.withLockedValue({ $0.arrivalWaiters.removeValue(forKey: key) }) else {
                    return
                }
                waiter.continuation.resume(
                    throwing: MeshError.propagationTimeout(
                        eventId: id, missing: self.missing(id, among: nodes), waitedNanoseconds: timeout))
            }
        }
    }

    func waitForLinks(_ links: Set<Link>, timeout: UInt64, loop: EventLoop) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, Error>) in
            let key: UInt64? = lock.withLockedValue { state in
                if links.isSubset(of: state.readyLinks) { return nil }
                state.nextWaiter += 1
                state.readyWaiters[state.nextWaiter] = (links, continuation)
                return state.nextWaiter
            }
            guard let key else { return continuation.resume() }
            loop.scheduleTask(in: .nanoseconds(Int64(timeout))) {
                guard let waiter = self.lock.withLockedValue({ $0.readyWaiters.removeValue(forKey: key) }) else {
                    return
                }
                waiter.continuation.resume(
                    throwing: MeshError.linksNotReady(
                        missing: Self.edges(self.notReady(links)), waitedNanoseconds: timeout))
            }
        }
    }

    /// Waits until no node waits for an answer to a Prepare (nothing in flight anywhere).
    func waitForIdle(timeout: UInt64, loop: EventLoop) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, Error>) in
            let key: UInt64? = lock.withLockedValue { state in
                if state.busyNodes.isEmpty { return nil }
                state.nextWaiter += 1
                state.idleWaiters[state.nextWaiter] = continuation
                return state.nextWaiter
            }
            guard let key else { return continuation.resume() }
            loop.scheduleTask(in: .nanoseconds(Int64(timeout))) {
                let (waiter, busy) = self.lock.withLockedValue {
                    ($0.idleWaiters.removeValue(forKey: key), $0.busyNodes.sorted())
                }
                waiter?.resume(throwing: MeshError.notIdle(busyNodes: busy, waitedNanoseconds: timeout))
            }
        }
    }

    static func edges(_ links: Set<Link>) -> [Edge] {
        Set(links.map { Edge($0.node, $0.peer) }).sorted()
    }
}
