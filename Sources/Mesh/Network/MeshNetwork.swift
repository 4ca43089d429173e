import Foundation
import Interledger
import Nostr

/// N relay nodes joined by a topology, on the real loopback transport or the simulation: bring
/// them up, publish, wait for propagation, read counters and ledgers, inject faults, tear down.
///
/// An actor: calls are serialized, while the nodes themselves run on their own event loops.
public actor MeshNetwork {
    public let config: MeshConfig
    public nonisolated var topology: Topology { config.topology }
    /// "real" (loopback sockets) or "simulated" (virtual clock): label every figure with it.
    public nonisolated var mode: String { config.transport.mode }
    public nonisolated var nodeCount: Int { config.topology.nodeCount }

    private enum Backend {
        case loopback(LoopbackBackend)
        case simulated(SimulatedBackend)
    }

    private let backend: Backend
    private let observer = NetworkObserver()
    private let folder: URL
    private let epoch: Date
    private var nodeConfigs: [NodeConfig]
    private var droppedLinks = Set<Edge>()
    private var publishSequence = 0
    private var isShutDown = false

    /// How long `start`, `restoreLink` and `restartNode` wait for links (ns of network time).
    public var linkTimeoutNanoseconds: UInt64 = 10_000_000_000

    /// Creates the nodes, forms the topology and returns once every link is authenticated and
    /// both REQs on it are exchanged.
    public static func start(_ config: MeshConfig) async throws -> MeshNetwork {
        let network = try MeshNetwork(config: config)
        do {
            try await network.formMesh()
        } catch {
            try? await network.shutdown()  // best effort: the error that stopped us is the one reported
            throw error
        }
        return network
    }

    /// Starts a network, runs `body` on it and shuts it down afterwards, also when `body` throws
    /// (the error of `body` wins over one from the shut-down).
    public static func withRunning<T>(_ config: MeshConfig, _ body: (MeshNetwork) async throws -> T) async throws -> T {
        let network = try await start(config)
        let result: T
        do {
            result = try await body(network)
        } catch {
            try? await network.shutdown()  // best effort: the error that stopped us is the one reported
            throw error
        }
        try await network.shutdown()
        return result
    }

    private init(config: MeshConfig) throws {
        self.config = config
        let parent = config.storageDirectory ?? FileManager.default.temporaryDirectory
        folder = parent.appendingPathComponent(
            "meshbench-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw MeshError.storage(path: folder.path, reason: "cannot create it (\(error.localizedDescription))")
        }
        nodeConfigs = Array(repeating: config.node, count: config.topology.nodeCount)
        switch config.transport {
        case .loopback:
            let base = MonotonicClock.now()
            epoch = Date()
            let threads = config.threads ?? ProcessInfo.processInfo.activeProcessorCount
            backend = .loopback(
                LoopbackBackend(nodeCount: config.topology.nodeCount, threads: threads, clockBase: base))
        case let .simulated(model):
            epoch = Date(timeIntervalSince1970: 1_700_000_000)
            backend = .simulated(SimulatedBackend(nodeCount: config.topology.nodeCount, model: model))
        }
    }

    private func formMesh() async throws {
        for index in 0..<nodeCount { try await attach(makeNode(index)) }
        for edge in topology.edges { try await connect(dialer: edge.a, listener: edge.b) }
        try await waitForLinks(topology.edges)
        if case let .simulated(sim) = backend { sim.lossEnabled = true }
    }

    // MARK: Nodes

    /// The SQLite file of a node (kept across stop/restart, removed at shutdown).
    public nonisolated func storePath(of node: Int) -> String {
        folder.appendingPathComponent("node-\(node).sqlite").path
    }

    /// The folder holding every node's database; removed by `shutdown()`.
    public nonisolated var storageFolder: URL { folder }

    private func makeNode(_ index: Int) throws -> sending RelayNode {
        let store = try EventStore(path: storePath(of: index))
        let node = RelayNode(id: index, config: nodeConfigs[index], store: store, epoch: epoch)
        for peer in topology.neighbors[index] {
            node.addLink(peer: peer, credentials: LinkCredentials.derive(seed: config.seed, edge: Edge(index, peer)))
        }
        node.observer = observer
        return node
    }

    private func attach(_ node: sending RelayNode) async throws {
        switch backend {
        case let .loopback(real): try await real.attach(node)
        case let .simulated(sim): sim.attach(node)
        }
    }

    private func connect(dialer: Int, listener: Int) async throws {
        switch backend {
        case let .loopback(real): try await real.connect(dialer: dialer, listener: listener)
        case let .simulated(sim): sim.connect(dialer: dialer, listener: listener)
        }
    }

    private func isRunning(_ node: Int) -> Bool {
        switch backend {
        case let .loopback(real): return real.isRunning(node)
        case let .simulated(sim): return sim.isRunning(node)
        }
    }

    /// Network time now, in ns (shared monotonic clock, or the virtual clock).
    public func now() -> UInt64 {
        switch backend {
        case let .loopback(real): return real.now
        case let .simulated(sim): return sim.now
        }
    }

    /// Runs `body` with the node, on the node's own thread.
    private func withNode<T: Sendable>(
        _ index: Int, _ body: @escaping @Sendable (RelayNode) throws -> T
    ) async throws -> T {
        guard !isShutDown else { throw MeshError.shutDown }
        guard (0..<nodeCount).contains(index) else { throw MeshError.noSuchNode(index, nodeCount: nodeCount) }
        switch backend {
        case let .loopback(real): return try await real.withNode(index) { node, _ in try body(node) }
        case let .simulated(sim): return try body(try sim.node(index))
        }
    }

    // MARK: Publishing and propagation

    /// The deterministic signing key of a node's local publisher.
    public nonisolated func keyPair(of node: Int) -> NostrKeyPair {
        NostrKeyPair.deterministic(seed: config.seed, index: node)
    }

    /// Signs an event with the node's key and publishes it from that node. `content` defaults to a
    /// per-network sequence number so every call makes a distinct event id.
    @discardableResult
    public func publish(
        from node: Int, kind: Int = 1, content: String? = nil, tags: [[String]] = [], amount: UInt64? = nil
    ) async throws -> NostrEvent {
        publishSequence += 1
        let createdAt = Int64(epoch.timeIntervalSince1970) + Int64(now() / 1_000_000_000)
        let event = keyPair(of: node).sign(
            kind: kind, content: content ?? "meshbench event #\(publishSequence)", tags: tags, createdAt: createdAt)
        try await publish(event, from: node, amount: amount)
        return event
    }

    /// Publishes an already signed event from `node`, paying `amount` (default: the node config's).
    public func publish(_ event: NostrEvent, from node: Int, amount: UInt64? = nil) async throws {
        let paid = amount ?? nodeConfigs[node].amountToPublish(kind: event.kind)
        switch backend {
        case let .loopback(real):
            guard real.isRunning(node) else { throw MeshError.nodeStopped(node) }
            try await real.withNode(node) { _, host in try host.publish(event, amount: paid) }
        case .simulated:
            let time = now()
            try await withNode(node) { relay in
                defer { relay.commitStore() }
                try relay.admitPublish(event, amount: paid, now: time)
                if let failure = relay.takeHeldPublishFailure() { throw failure }
            }
        }
    }

    /// Publishes already signed events, each from its node, each paying the node config's amount,
    /// with one hand-over per publishing node instead of one round trip per event: a load
    /// generator offering thousands of events per second is then not limited by its own waits.
    /// A node publishes its share in the given order, as one batch of work (one flush per link,
    /// one group commit); nodes publish in parallel.
    ///
    /// `waitUntilSent` false (loopback only) returns as soon as the events are queued on the
    /// nodes' event loops, the way a client's frames wait in a busy relay's socket: an open-loop
    /// generator then keeps its schedule, and a node that falls behind shows as latency, which
    /// is measured from the publish call. An event that then fails to publish (its store write)
    /// is reported by the next `publish(_:)` call; it is never delivered, so delivery checks see it.
    public func publish(_ batch: [(event: NostrEvent, node: Int)], waitUntilSent: Bool = true) async throws {
        var shares: [Int: [(NostrEvent, UInt64)]] = [:]
        for (event, node) in batch {
            guard (0..<nodeCount).contains(node) else { throw MeshError.noSuchNode(node, nodeCount: nodeCount) }
            shares[node, default: []].append((event, nodeConfigs[node].amountToPublish(kind: event.kind)))
        }
        guard !isShutDown else { throw MeshError.shutDown }
        switch backend {
        case let .loopback(real):
            try await real.publish(shares, wait: waitUntilSent)
        case .simulated:
            let time = now()
            for (node, events) in shares.sorted(by: { $0.key < $1.key }) {
                try await withNode(node) { relay in
                    defer { relay.commitStore() }
                    for (event, amount) in events { try relay.admitPublish(event, amount: amount, now: time) }
                    if let failure = relay.takeHeldPublishFailure() { throw failure }
                }
            }
        }
    }

    /// Waits until every node in `nodes` (default: every running node) holds the event, and
    /// returns each node's arrival; the error names the nodes it did not reach in time.
    /// Simulated: runs the virtual clock until then (timeout in virtual ns).
    public func awaitPropagation(
        of id: String, to nodes: [Int]? = nil, timeoutNanoseconds: UInt64 = 5_000_000_000
    ) async throws -> [Int: Arrival] {
        let targets = Set(nodes ?? (0..<nodeCount).filter { isRunning($0) })
        switch backend {
        case let .loopback(real):
            return try await observer.waitForArrivals(
                of: id, at: targets, timeout: timeoutNanoseconds, loop: real.timerLoop)
        case let .simulated(sim):
            let reached = sim.scheduler.run(until: sim.now + timeoutNanoseconds) {
                observer.missing(id, among: targets).isEmpty
            }
            guard reached else {
                throw MeshError.propagationTimeout(
                    eventId: id, missing: observer.missing(id, among: targets), waitedNanoseconds: timeoutNanoseconds)
            }
            return observer.arrivals(of: id)
        }
    }

    /// Waits until nothing is in flight: every Prepare any node sent has been answered (or its
    /// connection closed). Counters read after this are final for the work published so far.
    /// Simulated: runs the virtual clock until no action is left.
    public func awaitIdle(timeoutNanoseconds: UInt64 = 10_000_000_000) async throws {
        switch backend {
        case let .loopback(real):
            try await observer.waitForIdle(timeout: timeoutNanoseconds, loop: real.timerLoop)
        case let .simulated(sim):
            _ = sim.scheduler.run(until: sim.now + timeoutNanoseconds) { sim.scheduler.isIdle }
            guard sim.scheduler.isIdle else {
                throw MeshError.notIdle(busyNodes: [], waitedNanoseconds: timeoutNanoseconds)
            }
        }
    }

    /// The listener port of a running node on the loopback transport (nil in simulation).
    public func listenerPort(of node: Int) async throws -> Int? {
        switch backend {
        case let .loopback(real): return try await real.withNode(node) { _, host in host.port }
        case .simulated: return nil
        }
    }

    /// Arrivals recorded so far for an event (any node).
    public func arrivals(of id: String) -> [Int: Arrival] { observer.arrivals(of: id) }

    /// Hands every first arrival to `handler` as it happens, on the accepting node's thread (keep
    /// it short). An arrival the handler returns true for is not recorded for `awaitPropagation`
    /// or `arrivals(of:)`: sustained-load workloads stream their deliveries with bounded memory.
    /// `nil` removes the handler.
    public nonisolated func setArrivalHandler(_ handler: (@Sendable (_ id: String, _ arrival: Arrival) -> Bool)?) {
        observer.setArrivalHandler(handler)
    }

    /// Forgets an event's arrival records (long runs call it once they have read them).
    public func forgetArrivals(of id: String) { observer.forget(id) }

    /// Simulated only: advances the virtual clock by `nanoseconds` (or until nothing is left),
    /// to act in the middle of a propagation. Loopback nodes run by themselves: no effect.
    public func advanceSimulation(byNanoseconds nanoseconds: UInt64) {
        if case let .simulated(sim) = backend { _ = sim.scheduler.run(until: sim.now + nanoseconds) { false } }
    }

    // MARK: Observation

    public func counters(of node: Int) async throws -> NodeCounters {
        switch backend {
        case let .loopback(real):
            return try await real.withNode(node) { node, host in node.counterSnapshot(queue: host.queueDepth) }
        case .simulated:
            return try await withNode(node) { $0.counterSnapshot(queue: (0, 0)) }
        }
    }

    /// Ledgers of a node, keyed by peer node.
    public func ledgers(of node: Int) async throws -> [Int: BilateralLedger] {
        try await withNode(node) { $0.ledgers }
    }

    public func timings(of node: Int, recordLimit: Int = .max) async throws -> PhaseTimingLog {
        try await withNode(node) { $0.timings.keepingRecent(recordLimit) }
    }

    /// Events stored by a node that match any of the filters (NIP-01), newest first.
    public func query(node: Int, filters: [NostrFilter]) async throws -> [NostrEvent] {
        try await withNode(node) { try $0.store.events(matching: filters) }
    }

    public func storedEventCount(node: Int) async throws -> Int {
        try await withNode(node) { try $0.store.count() }
    }

    /// Adds local subscriptions to a node (each delivery is counted in `deliveries`).
    public func addLocalSubscriptions(node: Int, _ subscriptions: [(id: Int, filters: [NostrFilter])]) async throws {
        try await withNode(node) { relay in
            for subscription in subscriptions {
                relay.localSubscriptions.add(subscription.id, filters: subscription.filters)
            }
        }
    }

    // MARK: Faults

    /// Delay (µs) before forwarding, on one node (a slow node) or on every node (`nil`): the
    /// knob that creates a known per-hop regression.
    public func setForwardDelay(microseconds: UInt64, node: Int? = nil) async throws {
        for index in node.map({ [$0] }) ?? Array(0..<nodeCount) {
            nodeConfigs[index].forwardDelayMicroseconds = microseconds
            if isRunning(index) { try await withNode(index) { $0.setForwardDelay(microseconds: microseconds) } }
        }
    }

    /// Stops a node: all its connections close, its database is closed (the file stays).
    public func stopNode(_ node: Int) async throws {
        guard (0..<nodeCount).contains(node) else { throw MeshError.noSuchNode(node, nodeCount: nodeCount) }
        guard isRunning(node) else { throw MeshError.nodeStopped(node) }
        switch backend {
        case let .loopback(real): try await real.stop(node)
        case let .simulated(sim): sim.stop(node)
        }
        observer.forgetLinks(of: node)
    }

    /// Restarts a stopped node on its existing database (fresh counters and dedup cache, as a
    /// restarted process would have), redials its running neighbours and waits for those links.
    public func restartNode(_ node: Int) async throws {
        guard (0..<nodeCount).contains(node) else { throw MeshError.noSuchNode(node, nodeCount: nodeCount) }
        guard !isRunning(node) else { throw MeshError.nodeRunning(node) }
        try await attach(makeNode(node))
        let peers = topology.neighbors[node].filter { isRunning($0) && !droppedLinks.contains(Edge(node, $0)) }
        for peer in peers { try await connect(dialer: node, listener: peer) }
        try await waitForLinks(peers.map { Edge(node, $0) })
    }

    /// Closes the connection of a link; it stays down until `restoreLink`.
    public func dropLink(_ a: Int, _ b: Int) async throws {
        let edge = Edge(a, b)
        guard topology.contains(edge) else { throw MeshError.noSuchLink(edge) }
        droppedLinks.insert(edge)
        switch backend {
        case let .loopback(real): try await real.disconnect(edge)
        case let .simulated(sim): sim.disconnect(edge)
        }
        observer.forgetLinks(of: edge.a, peer: edge.b)
    }

    /// Reconnects a dropped link and waits for its auth and REQ exchange.
    public func restoreLink(_ a: Int, _ b: Int) async throws {
        let edge = Edge(a, b)
        guard topology.contains(edge) else { throw MeshError.noSuchLink(edge) }
        droppedLinks.remove(edge)
        try await connect(dialer: edge.a, listener: edge.b)
        try await waitForLinks([edge])
    }

    /// Stops every node, closes every socket and database, joins the event-loop threads and
    /// removes the storage folder.
    public func shutdown() async throws {
        guard !isShutDown else { return }
        isShutDown = true
        switch backend {
        case let .loopback(real): try await real.shutdown()
        case let .simulated(sim): sim.shutdown()
        }
        // The stores' folder under the temporary directory: a leftover costs disk, not results.
        try? FileManager.default.removeItem(at: folder)
    }

    /// Simulated transport only: data frames lost by the link model so far.
    public func simulatedFramesLost() -> Int {
        if case let .simulated(sim) = backend { return sim.framesLost }
        return 0
    }

    private func waitForLinks(_ edges: [Edge]) async throws {
        let links = Set(
            edges.flatMap {
                [NetworkObserver.Link(node: $0.a, peer: $0.b), NetworkObserver.Link(node: $0.b, peer: $0.a)]
            })
        switch backend {
        case let .loopback(real):
            try await observer.waitForLinks(links, timeout: linkTimeoutNanoseconds, loop: real.timerLoop)
        case let .simulated(sim):
            let ready = sim.scheduler.run(until: sim.now + linkTimeoutNanoseconds) { observer.notReady(links).isEmpty }
            guard ready else {
                throw MeshError.linksNotReady(
                    missing: NetworkObserver.edges(observer.notReady(links)), waitedNanoseconds: linkTimeoutNanoseconds)
            }
        }
    }
}
