import Foundation
import Hashing
import Interledger
import Nostr

/// One BTP-NIPs relay node: a transport-agnostic state machine. A transport hands it connection
/// events and frames with a clock reading; it answers by asking the transport to send or close.
/// All its state is touched from one thread (the node's event loop, or the simulation's
/// scheduler), so the hot path takes no locks.
final class RelayNode {
    let id: Int
    let address: String
    private(set) var config: NodeConfig
    let store: EventStore
    weak var host: RelayTransportHost?
    weak var observer: RelayNodeObserver?
    /// The node's NIP-01 client subscriptions (loopback transport only).
    weak var clients: ClientDelivery?
    /// Wall-clock date of network time 0, for ILP expiries (network time is monotonic ns).
    let epoch: Date

    var counters = NodeCounters()
    var timings: PhaseTimingLog
    var dedup: DedupCache
    /// Authors' parsed public keys: a key is parsed once, not at every verification.
    var publicKeys = PublicKeyCache()
    var ledgers: [Int: BilateralLedger] = [:]
    /// Local subscribers (what this node delivers to its own clients).
    var localSubscriptions = SubscriptionMatcher<Int>()
    /// What each authenticated peer asked for in its REQ.
    var peerSubscriptions = SubscriptionMatcher<Int>()

    var credentials: [Int: LinkCredentials] = [:]
    /// Each link partner's ILP address, formatted once: every Prepare to it names it.
    var peerAddresses: [Int: String] = [:]
    /// Each link's secret keyed for HMAC once (`credentials[peer].sharedSecret`), for every Prepare.
    var fulfillmentKeys: [Int: ILPFulfillmentKey] = [:]
    var peerByToken: [String: Int] = [:]
    var connections: [ConnectionID: ConnectionState] = [:]
    var connectionByPeer: [Int: ConnectionID] = [:]
    var nextRequestId: UInt32 = 1
    /// Our Prepares not yet answered, over all connections; 0 means this node waits on nobody.
    private(set) var pendingTotal = 0
    /// Events and publishes waiting for link credit (back-pressure, RelayNode+Credit.swift).
    var held: HeldWork
    /// Network time of the last sweep for expired Prepares made because work was held.
    var lastCreditSweep: UInt64 = 0
    /// The first error of a held publish (its store write), for the transport to report.
    var heldPublishFailure: Error?

    struct PendingPrepare {
        let amount: UInt64
        /// The fulfillment this node derived for the Prepare (the condition's preimage): an answer
        /// is checked by comparing with it, one SHA-256 less per answer than hashing the answer.
        let fulfillment: SHA256Digest
        let expiresAt: UInt64
        let isSubscription: Bool
        /// The TTL class whose link credit this EVENT Prepare holds until it is answered.
        let creditClass: Int
    }

    struct ConnectionState {
        enum Phase { case awaitingAuth, authenticating(requestId: UInt32), open }
        var phase: Phase
        var peer: Int?
        var sentREQFulfilled = false
        var receivedREQ = false
        var pending: [UInt32: PendingPrepare] = [:]
        var credit: LinkCredit
        var isReady: Bool { sentREQFulfilled && receivedREQ }
    }

    init(id: Int, config: NodeConfig, store: EventStore, epoch: Date) {
        self.id = id
        self.address = RelayNode.address(of: id)
        self.config = config
        self.store = store
        self.epoch = epoch
        self.timings = PhaseTimingLog(capacity: config.timingRecordCapacity)
        self.dedup = DedupCache(capacity: config.dedupCapacity, window: config.dedupWindowNanoseconds)
        self.held = HeldWork(classes: config.ttl + 1)
    }

    static func address(of node: Int) -> String { "test.meshbench.n\(node)" }

    /// Makes `peer` a known link partner (before any connection to or from it).
    func addLink(peer: Int, credentials link: LinkCredentials) {
        credentials[peer] = link
        peerAddresses[peer] = RelayNode.address(of: peer)
        fulfillmentKeys[peer] = ILPFulfillmentKey(sharedSecret: link.sharedSecret)
        peerByToken[link.authToken] = peer
        if ledgers[peer] == nil { ledgers[peer] = BilateralLedger(peer: RelayNode.address(of: peer)) }
    }

    func setForwardDelay(microseconds: UInt64) {
        config.forwardDelayMicroseconds = microseconds
    }

    func wallDate(_ time: UInt64) -> Date {
        epoch.addingTimeInterval(Double(time) / 1e9)
    }

    func counterSnapshot(queue: (current: Int, maximum: Int)) -> NodeCounters {
        var snapshot = counters
        snapshot.queueDepth = queue.current
        snapshot.queueDepthMax = queue.maximum
        snapshot.openConnections = connections.count
        snapshot.dedupIds = dedup.count
        snapshot.dedupForgottenEarly = dedup.forgottenEarly
        return snapshot
    }

    /// Commits this batch's store writes (the transport calls it after sending the batch's
    /// frames); a failed commit loses the batch's events on this node and is counted.
    func commitStore() {
        guard store.hasUncommittedWrites else { return }
        let start = MonotonicClock.now()
        do {
            try store.commit()
        } catch {
            counters.storeCommitFailures += 1
        }
        timings.appendCommit(nanoseconds: MonotonicClock.now() - start)
    }

    // MARK: Connections

    /// A transport connection opened; a dialer authenticates at once (RFC 23: auth first).
    func connectionOpened(_ connection: ConnectionID, dialedPeer: Int?, now: UInt64) {
        guard let peer = dialedPeer else {
            connections[connection] = ConnectionState(
                phase: .awaitingAuth, peer: nil, credit: LinkCredit(classes: config.ttl + 1))
            return
        }
        guard let link = credentials[peer] else { host?.close(connection); return }
        let requestId = takeRequestId()
        connections[connection] = ConnectionState(
            phase: .authenticating(requestId: requestId), peer: peer,
            credit: LinkCredit(classes: config.ttl + 1))
        send(BTPAuth.request(requestId: requestId, token: link.authToken).serialize(), on: connection)
    }

    func connectionClosed(_ connection: ConnectionID) {
        guard let state = connections.removeValue(forKey: connection) else { return }
        adjustPending(by: -state.pending.count)
        guard let peer = state.peer, connectionByPeer[peer] == connection else { return }
        connectionByPeer[peer] = nil
        peerSubscriptions.remove(peer)
        observer?.node(id, linkDownTo: peer)
        // Work held for this link's credit may go now that the link is gone.
        resumeHeldWork(now: host?.networkTime ?? 0)
    }

    /// Whether the connection finished BTP auth (its peer is known and it carries Prepares).
    func isAuthenticated(_ connection: ConnectionID) -> Bool {
        guard case .open? = connections[connection]?.phase else { return false }
        return true
    }

    /// Closes every connection (node stop); the transport reports each close back.
    func closeAll() {
        for connection in Array(connections.keys) { host?.close(connection) }
    }

    // MARK: Sending

    func takeRequestId() -> UInt32 {
        defer { nextRequestId = nextRequestId == UInt32.max ? 1 : nextRequestId + 1 }
        return nextRequestId
    }

    func send(_ frame: [UInt8], on connection: ConnectionID, afterNanoseconds delay: UInt64 = 0) {
        guard let host, host.send(frame, on: connection, afterNanoseconds: delay) else {
            counters.sendQueueDrops += 1
            return
        }
        counters.framesOut += 1
        counters.bytesOut += frame.count
    }

    /// Sends a BTP ERROR and closes: the answer to a peer that broke the auth rules.
    func refuse(_ connection: ConnectionID, requestId: UInt32, code: BTPErrorInfo.Code, now: UInt64) {
        let error = BTPPacket.error(requestId: requestId, BTPErrorInfo(code, triggeredAt: wallDate(now)))
        send(error.serialize(), on: connection)
        host?.close(connection)
    }

    /// Sends an ILP Prepare carrying `data` to `peer` as a BTP MESSAGE; the condition is
    /// SHA-256(HMAC-SHA256(link secret, data)), so the peer can derive the fulfillment. An EVENT
    /// Prepare holds one credit of `creditClass` (its TTL) on the link until it is answered.
    func sendPrepare(
        data: [UInt8], amount: UInt64, to peer: Int, isSubscription: Bool, creditClass: Int = 0,
        now: UInt64, afterNanoseconds delay: UInt64 = 0
    ) {
        guard let connection = connectionByPeer[peer], let key = fulfillmentKeys[peer],
            let destination = peerAddresses[peer]
        else { return }
        let fulfillment = key.fulfillmentDigest(data: data)
        let condition = ILPCondition.condition(for: fulfillment)
        let expiry = now + UInt64(config.prepareExpiryMilliseconds) * 1_000_000
        let prepare = ILPPrepare(
            amount: amount, expiresAt: wallDate(expiry), executionCondition: condition,
            destination: destination, data: data)
        let requestId = takeRequestId()
        if requestId % 4_096 == 0 { sweepExpiredPrepares(now: now) }
        addPending(
            PendingPrepare(
                amount: amount, fulfillment: fulfillment, expiresAt: expiry + delay,
                isSubscription: isSubscription, creditClass: creditClass),
            requestId: requestId, on: connection)
        let frame = BTPPacket.ilpMessage(requestId: requestId, .prepare(prepare))
        if !isSubscription { counters.eventPreparesOut += 1 }
        send(frame, on: connection, afterNanoseconds: delay)
    }

    /// Answers a Prepare with a BTP RESPONSE carrying an ILP Fulfill or Reject, and books it in
    /// the peer's ledger (subscription control traffic, REQ/CLOSE at amount 0, is not booked).
    func answer(
        _ requestId: UInt32, on connection: ConnectionID, peer: Int, amount: UInt64, result: PrepareAnswer,
        book: Bool = true
    ) {
        let ilp: ILPPacket
        switch result {
        case let .fulfill(fulfillment):
            ilp = .fulfill(ILPFulfill(fulfillment: fulfillment, data: []))
            if book {
                updateLedger(with: peer) { ledger throws(BilateralLedgerError) in
                    try ledger.recordReceived(amount: amount, outcome: .fulfilled)
                }
            }
        case let .reject(reject):
            ilp = .reject(reject)
            counters.rejectsSent[reject.code.code, default: 0] += 1
            if book {
                updateLedger(with: peer) { ledger throws(BilateralLedgerError) in
                    try ledger.recordReceived(amount: amount, outcome: .rejected(reject.code))
                }
            }
        }
        send(BTPPacket.ilpResponse(requestId: requestId, ilp), on: connection)
    }

    /// Books an answered Prepare in the ledger with `peer` (`entry` records it as sent or
    /// received); an entry the ledger cannot hold without overflowing is counted, not booked.
    func updateLedger(with peer: Int, _ entry: (inout BilateralLedger) throws(BilateralLedgerError) -> Void) {
        do { try ledgers.modifyValue(forKey: peer, entry) } catch { counters.ledgerOverflows += 1 }
    }

    func reject(_ code: ILPErrorCode, _ message: String) -> ILPReject {
        ILPReject(code: code, triggeredBy: address, message: message)
    }

    /// Forgets our Prepares that outlived their expiry unanswered (lost frames), counting them;
    /// returns how many (each gave its link credit back).
    @discardableResult
    func sweepExpiredPrepares(now: UInt64) -> Int {
        var swept = 0
        for (connection, state) in connections {
            let expired = state.pending.filter { $0.value.expiresAt < now }
            guard !expired.isEmpty else { continue }
            counters.prepareTimeouts += expired.count
            swept += expired.count
            for requestId in expired.keys { _ = takePending(requestId, on: connection) }
        }
        return swept
    }

    // MARK: Pending Prepares (the network's quiescence signal)

    func addPending(_ pending: PendingPrepare, requestId: UInt32, on connection: ConnectionID) {
        let added: Void? = connections.modifyValue(forKey: connection) { state in
            state.pending[requestId] = pending
            if !pending.isSubscription { state.credit.take(pending.creditClass) }
        }
        guard added != nil else { return }
        adjustPending(by: 1)
    }

    func takePending(_ requestId: UInt32, on connection: ConnectionID) -> PendingPrepare? {
        let taken = connections.modifyValue(forKey: connection) { state -> PendingPrepare? in
            guard let pending = state.pending.removeValue(forKey: requestId) else { return nil }
            if !pending.isSubscription { state.credit.give(pending.creditClass) }
            return pending
        }
        guard let pending = taken ?? nil else { return nil }
        adjustPending(by: -1)
        return pending
    }

    /// Tells the observer when this node starts or stops waiting on answers: when no node waits,
    /// no Prepare and no answer is in flight anywhere, so the network is idle.
    private func adjustPending(by delta: Int) {
        guard delta != 0 else { return }
        let wasIdle = pendingTotal == 0
        pendingTotal += delta
        if wasIdle != (pendingTotal == 0) { observer?.node(id, isBusy: pendingTotal > 0) }
    }
}

/// How a node answers a Prepare: the fulfillment, or a Reject.
enum PrepareAnswer {
    case fulfill([UInt8])
    case reject(ILPReject)
}
