import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import Nostr

/// The real transport for a whole network: one shared event-loop group (a thread per core), each
/// node pinned to one loop, every node operation submitted to its loop. Thread safety: the host
/// table and the pending publish failure are in locked boxes; a host's insides only on its loop.
final class LoopbackBackend: Sendable {
    let group: MultiThreadedEventLoopGroup
    private let loops: [EventLoop]
    /// The running nodes' hosts by node id (nil: not started or stopped).
    private let hosts: NIOLockedValueBox<[LoopbackNodeHost?]>
    let clockBase: UInt64
    /// Publishes handed over without waiting fail on a node's loop; the error waits here.
    private let publishFailure = NIOLockedValueBox<(any Error)?>(nil)

    init(nodeCount: Int, threads: Int, clockBase: UInt64) {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: max(1, threads))
        self.group = group
        loops = (0..<nodeCount).map { _ in group.next() }
        hosts = NIOLockedValueBox(Array(repeating: nil, count: nodeCount))
        self.clockBase = clockBase
    }

    var now: UInt64 { MonotonicClock.now() - clockBase }
    var timerLoop: EventLoop { loops[0] }

    func isRunning(_ node: Int) -> Bool { runningHost(node) != nil }

    private func runningHost(_ node: Int) -> LoopbackNodeHost? { hosts.withLockedValue { $0[node] } }

    /// Starts `node`'s listener on its loop.
    func attach(_ node: RelayNode) async throws {
        let loop = loops[node.id]
        let host = LoopbackNodeHost(loop: loop, node: node, clockBase: clockBase)
        _ = try await loop.flatSubmit { host.listen() }.get()
        hosts.withLockedValue { $0[node.id] = host }
    }

    func connect(dialer: Int, listener: Int) async throws {
        guard let host = runningHost(dialer), let port = runningHost(listener)?.port else { return }
        try await host.loop.flatSubmit { host.dial(peer: listener, port: port) }.get()
    }

    func disconnect(_ edge: Edge) async throws {
        guard let host = runningHost(edge.a) else { return }
        try await host.loop.flatSubmit { host.disconnect(peer: edge.b) }.get()
    }

    func stop(_ node: Int) async throws {
        guard
            let host = hosts.withLockedValue({ hosts in
                defer { hosts[node] = nil }
                return hosts[node]
            })
        else { return }
        try await host.loop.flatSubmit { host.stop() }.get()
    }

    /// Runs `body` on the node's loop (the only place its state may be read).
    func withNode<T: Sendable>(
        _ node: Int, _ body: @escaping @Sendable (RelayNode, LoopbackNodeHost) throws -> T
    ) async throws -> T {
        guard let host = runningHost(node) else { throw MeshError.nodeStopped(node) }
        return try await host.loop.submit { try body(host.node, host) }.get()
    }

    /// Hands each node its share of a publish batch on its own loop, all nodes at once. `wait`:
    /// return once every share is sent; otherwise return at once, and a share that fails to
    /// publish is reported by the next call (`takePublishFailure`).
    func publish(_ shares: [Int: [(NostrEvent, UInt64)]], wait: Bool) async throws {
        if let failure = takePublishFailure() { throw failure }
        var sent: [EventLoopFuture<Void>] = []
        for (node, events) in shares {
            guard let host = runningHost(node) else { throw MeshError.nodeStopped(node) }
            guard wait else {
                host.loop.execute {
                    do { try host.publish(events) } catch { self.recordPublishFailure(error) }
                }
                continue
            }
            sent.append(host.loop.submit { try host.publish(events) })
        }
        for future in sent { try await future.get() }
    }

    /// The first error of a publish nobody waited for, once.
    func takePublishFailure() -> Error? {
        publishFailure.withLockedValue { failure in
            defer { failure = nil }
            return failure
        }
    }

    private func recordPublishFailure(_ error: Error) {
        publishFailure.withLockedValue { if $0 == nil { $0 = error } }
    }

    func shutdown() async throws {
        for node in 0..<loops.count { try await stop(node) }
        try await group.shutdownGracefully()
    }
}
