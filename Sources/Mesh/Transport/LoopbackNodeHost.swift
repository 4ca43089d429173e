import Logging
import NIOCore
import NIOHTTP1
import Nostr
import NIOPosix

/// Runs one `RelayNode` on the loopback WebSocket transport: its listener, its links and the node
/// itself all live on one event loop, so the node's state needs no locks. `@unchecked Sendable`
/// because other threads only pass it into closures submitted to that loop, never touch it
/// (the NIO way to say this, `NIOLoopBound`, would check the loop on every frame). Exercised from
/// several loops at once by every loopback `MeshNetwork` test (e.g. `PropagationTests`).
final class LoopbackNodeHost: WebSocketLinkDelegate, RelayTransportHost, @unchecked Sendable {
    let loop: EventLoop
    let node: RelayNode
    private let clockBase: UInt64
    private var links: [ConnectionID: WebSocketLink] = [:]
    private var dirty: [WebSocketLink] = []
    /// A `finishBatch` is queued on the loop for the frames received in this tick.
    private var batchScheduled = false
    /// A group commit of the store's open transaction is scheduled on the loop.
    private var commitScheduled = false
    private let gauge = QueueGauge()
    /// Masking keys for the frames of the links this node dialed (it is their client).
    private let maskingKeys = MaskingKeySource()
    /// Events handed over for publishing that have not left the node yet, bounded.
    let admission: PublishAdmission
    /// Events handed to the node for publishing in this batch, and its held publishes at the end
    /// of the last one: what left in between is given back to `admission`.
    private var handedOver = 0
    private var publishesHeld = 0
    private var nextLinkId: ConnectionID = 1
    private var listener: Channel?
    private(set) var port = 0
    /// The status pages of a standalone node (`/healthz`, `/readyz`, `/counters`); set before
    /// `listen`. Nodes of an in-process mesh have none.
    var statusPage: NodeStatusResponder.Page?
    /// Keeps a standalone node's links up; stopped first when the node stops.
    var dialler: PeerDialler?
    /// Transport trouble that is not a counted protocol event goes here (debug level).
    private let logger: Logger
    /// The node's NIP-01 client connections and their subscriptions.
    let clientHub = ClientHub()

    init(loop: EventLoop, node: RelayNode, clockBase: UInt64) {
        self.loop = loop
        self.node = node
        self.clockBase = clockBase
        self.logger = Logger(label: "meshbench.mesh.node\(node.id)")
        self.admission = PublishAdmission(limit: node.config.publishBacklogLimit)
        node.host = self
        node.clients = self
    }

    var networkTime: UInt64 { MonotonicClock.now() - clockBase }

    var queueDepth: (current: Int, maximum: Int) { (gauge.current, gauge.maximum) }

    /// Binds the listener (127.0.0.1 on a port the kernel chooses unless told otherwise);
    /// completes with the port it got.
    func listen(host: String = "127.0.0.1", port: Int = 0) -> EventLoopFuture<Int> {
        loop.assertInEventLoop()
        return WebSocketEndpoint.listen(on: loop, host: host, port: port, pipeline: makeListenerPipeline()).map {
            channel in
            self.listener = channel
            self.port = channel.localAddress?.port ?? 0
            return self.port
        }
    }

    /// Dials `peer`'s listener; the BTP auth starts once the WebSocket upgrade is done.
    func dial(peer: Int, port: Int) -> EventLoopFuture<Void> {
        dial(peer: peer, host: "127.0.0.1", port: port).map { _ in }
    }

    /// Dials `peer` at `host` (an address or a DNS name); completes with the TCP connection.
    func dial(peer: Int, host: String, port: Int) -> EventLoopFuture<Channel> {
        loop.assertInEventLoop()
        return WebSocketEndpoint.dial(
            host: host, port: port, on: loop, maxFrameSize: node.config.maximumFrameBytes, delegate: self
        ) { [unowned self] channel, outlet in
            makeLink(channel, outlet: outlet, role: .dialer(peer: peer), isClient: true)
        }
    }

    /// Publishes a locally signed event from this node (or holds it for link credit).
    func publish(_ event: NostrEvent, amount: UInt64) throws {
        admission.add(1)
        try publish([(event, amount)])
    }

    /// Publishes several events in order as one batch of work: one flush per link, one commit.
    /// The caller counted them in `admission` (`reserve`); events that wait for link credit stay
    /// counted there until they go. Throws the first publish failure since the last call.
    func publish(_ events: [(NostrEvent, UInt64)]) throws {
        handedOver += events.count
        try batch {
            for (event, amount) in events { try node.admitPublish(event, amount: amount, now: networkTime) }
        }
        if let failure = node.takeHeldPublishFailure() { throw failure }
    }

    /// Closes the link to `peer`, if any (a dropped link).
    func disconnect(peer: Int) -> EventLoopFuture<Void> {
        loop.assertInEventLoop()
        guard let connection = node.connectionByPeer[peer], let link = links[connection] else {
            return loop.makeSucceededVoidFuture()
        }
        link.close()
        return link.channel.closeFuture
    }

    /// Stops the node: closes the listener and every connection, then the store. Completes when
    /// every socket is closed.
    func stop() -> EventLoopFuture<Void> {
        loop.assertInEventLoop()
        dialler?.stop()
        dialler = nil
        var closed = links.values.map { link -> EventLoopFuture<Void> in
            link.close(code: .goingAway)
            return link.channel.closeFuture
        }
        closed += clientHub.closeAll()
        if let listener { closed.append(listener.close()) }
        listener = nil
        // Publishes still waiting for credit never go (delivery checks see them): free their room.
        node.held.publishes.removeAll()
        admission.release(publishesHeld)
        publishesHeld = 0
        return EventLoopFuture.andAllComplete(closed, on: loop).map { self.node.store.close() }
    }

    // MARK: RelayTransportHost

    func send(_ frame: [UInt8], on connection: ConnectionID, afterNanoseconds delay: UInt64) -> Bool {
        guard let link = links[connection], !link.isClosed else { return false }
        guard delay > 0 else {
            dirty.append(link)
            return link.send(frame)
        }
        loop.assumeIsolated().scheduleTask(in: .nanoseconds(Int64(delay))) { [weak self] in
            if link.send(frame) { link.flush() } else { self?.node.counters.sendQueueDrops += 1 }
        }
        return true
    }

    func close(_ connection: ConnectionID) {
        links[connection]?.close(code: .policyViolation)
    }

    // MARK: WebSocketLinkDelegate

    func linkOpened(_ link: WebSocketLink) {
        links[link.id] = link
        batch {
            if case let .dialer(peer) = link.role {
                node.connectionOpened(link.id, dialedPeer: peer, now: networkTime)
            } else {
                node.connectionOpened(link.id, dialedPeer: nil, now: networkTime)
            }
        }
    }

    /// A received frame's answers and forwards wait until the loop has handled this tick's socket
    /// reads: under load one tick delivers many frames on several links, and they then share one
    /// flush per link and one group commit. At light load a tick holds one frame, so nothing waits.
    func link(_ link: WebSocketLink, received frame: [UInt8]) {
        if !batchScheduled {
            batchScheduled = true
            loop.execute { self.finishBatch() }
        }
        node.frameReceived(frame, on: link.id, now: networkTime)
    }

    func linkClosed(_ link: WebSocketLink) {
        links[link.id] = nil
        node.connectionClosed(link.id)
        finishBatch()
    }

    func linkReceivedOversizeFrame(_ link: WebSocketLink) {
        node.counters.oversizeFrames += 1
    }

    func linkReceivedInvalidFrame(_ link: WebSocketLink, reason: String) {
        node.counters.malformedFrames += 1
        logger.debug("closing link \(link.id): \(reason)")
    }

    func link(_ link: WebSocketLink, failed error: Error) {
        logger.debug("link \(link.id) failed: \(error)")
    }

    func connectionRefused(status: HTTPResponseStatus) {
        node.counters.refusedConnections += 1
        logger.debug("refused an HTTP request: \(status.code) \(status.reasonPhrase)")
    }

    func authDeadlinePassed(_ link: WebSocketLink?) -> Bool {
        if let link, node.isAuthenticated(link.id) { return false }
        node.counters.authTimeouts += 1
        logger.debug(
            "closing \(link.map { "link \($0.id)" } ?? "an HTTP connection"): not authenticated by the deadline")
        return true
    }

    /// What every connection this node accepts goes through, with this node's limits.
    func makeListenerPipeline() -> ListenerPipeline {
        let admission = ListenerAdmission(
            maximumConnections: node.config.maximumInboundConnections,
            authDeadline: .milliseconds(node.config.authDeadlineMilliseconds))
        return ListenerPipeline(
            maxFrameSize: node.config.maximumFrameBytes, admission: admission, delegate: self,
            clients: self, relayInformation: RelayInformationDocument.bytes(node: node.id),
            statusPage: statusPage
        ) { [unowned self] channel, outlet in
            makeLink(channel, outlet: outlet, role: .listener, isClient: false)
        }
    }

    private func makeLink(
        _ channel: Channel, outlet: EncodedFrameOutlet, role: LinkRole, isClient: Bool
    ) -> WebSocketLink {
        defer { nextLinkId += 1 }
        return WebSocketLink(
            id: nextLinkId, role: role, channel: channel, outlet: outlet, maskingKeys: isClient ? maskingKeys : nil,
            queueLimit: node.config.sendQueueLimit, gauge: gauge)
    }

    /// Runs node work, then flushes every link it wrote to: one syscall per link per batch.
    /// The batch's store writes are committed with the next group commit (`scheduleCommit`).
    func batch<T>(_ work: () throws -> T) rethrows -> T {
        defer { finishBatch() }
        return try work()
    }

    private func finishBatch() {
        batchScheduled = false
        for link in dirty { link.flush() }
        clientHub.flush()
        dirty.removeAll(keepingCapacity: true)
        scheduleCommit()
        let held = node.held.publishes.count
        admission.release(handedOver + publishesHeld - held)
        (handedOver, publishesHeld) = (0, held)
    }

    /// Group commit, off the latency path: the writes of every batch within
    /// `storeCommitIntervalMicroseconds` of the first uncommitted one share one commit, made by a
    /// timer on this loop, so it comes without any later traffic. Every commit appends each page it
    /// touched to the WAL (the events table, its indexes): one commit per event wrote ~25 KB of
    /// WAL per event on every node, and SQLite's checkpoints of that WAL stalled the loops.
    private func scheduleCommit() {
        guard !commitScheduled, node.store.hasUncommittedWrites else { return }
        let interval = node.config.storeCommitIntervalMicroseconds
        guard interval > 0 else { return node.commitStore() }
        commitScheduled = true
        loop.assumeIsolated().scheduleTask(in: .microseconds(Int64(clamping: interval))) { [weak self] in
            guard let self else { return }
            commitScheduled = false
            node.commitStore()
        }
    }
}
