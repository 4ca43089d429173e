import Foundation
import NIOCore
import NIOPosix
import Nostr

/// One relay node on the loopback WebSocket transport, alone in its process: what each child of
/// a process-per-node benchmark runs, so its memory and CPU are its own. Its peers are other
/// processes, reached by port. Times are raw CLOCK_MONOTONIC ns — one clock for every process on
/// the machine — so arrival times reported by different processes are comparable.
public final class StandaloneNode: Sendable {
    public let id: Int
    private let group: MultiThreadedEventLoopGroup
    let host: LoopbackNodeHost
    private let observer = NetworkObserver()
    let peers: [Int]

    /// Opens the node's store at `storePath` and prepares its links to `peers` (credentials derived
    /// from `seed` as `MeshNetwork` does, so any two processes agree on each link's secret).
    public init(id: Int, peers: [Int], config: NodeConfig, seed: UInt64, storePath: String) throws {
        let store = try EventStore(path: storePath)
        // Network time is the raw monotonic reading (clock base 0), so the wall-clock epoch is
        // the date of reading 0, not now: otherwise every expiry it sets or checks is off by the uptime.
        let node = RelayNode(id: id, config: config, store: store, epoch: MonotonicClock.wallClockDateOfZero())
        for peer in peers {
            node.addLink(peer: peer, credentials: LinkCredentials.derive(seed: seed, edge: Edge(id, peer)))
        }
        node.observer = observer
        self.id = id
        self.peers = peers
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        host = LoopbackNodeHost(loop: group.next(), node: node, clockBase: 0)
    }

    /// Network time: CLOCK_MONOTONIC in ns.
    public static func now() -> UInt64 { MonotonicClock.now() }

    /// Binds 127.0.0.1 on a kernel-chosen port and returns it.
    public func listen() async throws -> Int {
        let host = host
        return try await host.loop.flatSubmit { host.listen() }.get()
    }

    /// Dials a peer's listener; the link is ready once `waitForLinks` returns.
    public func dial(peer: Int, port: Int) async throws {
        let host = host
        try await host.loop.flatSubmit { host.dial(peer: peer, port: port) }.get()
    }

    /// Waits until the links to every peer are authenticated and both REQs exchanged.
    public func waitForLinks(timeoutNanoseconds: UInt64) async throws {
        let links = Set(peers.map { NetworkObserver.Link(node: id, peer: $0) })
        try await observer.waitForLinks(links, timeout: timeoutNanoseconds, loop: host.loop)
    }

    public func publish(_ event: NostrEvent, amount: UInt64? = nil) async throws {
        let host = host
        try await host.loop.submit {
            try host.publish(event, amount: amount ?? host.node.config.amountToPublish(kind: event.kind))
        }.get()
    }

    /// Every first arrival at this node, as it happens (on the node's thread); see
    /// `MeshNetwork.setArrivalHandler`.
    public func setArrivalHandler(_ handler: (@Sendable (_ id: String, _ arrival: Arrival) -> Bool)?) {
        observer.setArrivalHandler(handler)
    }

    public func counters() async throws -> NodeCounters {
        let host = host
        return try await host.loop.submit { host.node.counterSnapshot(queue: host.queueDepth) }.get()
    }

    /// Phase timings with the `recordLimit` most recent records, taken on the node's event loop.
    public func timings(recordLimit: Int) async throws -> PhaseTimingLog {
        let host = host
        return try await host.loop.submit { host.node.timings.keepingRecent(recordLimit) }.get()
    }

    /// True when this node waits for no answer to any Prepare it sent.
    public func isIdle() async throws -> Bool {
        let host = host
        return try await host.loop.submit { host.node.pendingTotal == 0 }.get()
    }

    public func storedEventCount() async throws -> Int {
        let host = host
        return try await host.loop.submit { try host.node.store.count() }.get()
    }

    /// Bytes the node's store holds in SQLite (`EventStore.memoryInUse`); nil once it is closed.
    public func storeMemoryInUse() async throws -> Int? {
        let host = host
        return try await host.loop.submit { host.node.store.memoryInUse }.get()
    }

    public func addLocalSubscriptions(_ subscriptions: [(id: Int, filters: [NostrFilter])]) async throws {
        let host = host
        try await host.loop.submit {
            for subscription in subscriptions {
                host.node.localSubscriptions.add(subscription.id, filters: subscription.filters)
            }
        }.get()
    }

    /// Closes every socket and the store, then joins the event-loop thread.
    public func shutdown() async throws {
        let host = host
        try await host.loop.flatSubmit { host.stop() }.get()
        try await group.shutdownGracefully()
    }
}
