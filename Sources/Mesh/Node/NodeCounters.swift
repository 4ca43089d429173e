/// Exact work counts of one node (a snapshot). Deterministic for a given topology and workload, so
/// a CI gate can compare them without noise. Meanings are listed in docs/protocol.md §Counters.
public struct NodeCounters: Sendable, Equatable, Codable {
    /// BTP frames received / sent (binary WebSocket messages; pings and closes are not counted).
    public var framesIn = 0
    public var framesOut = 0
    /// Bytes of those frames (BTP bytes, without WebSocket headers).
    public var bytesIn = 0
    public var bytesOut = 0
    /// Prepares carrying an EVENT received / sent (the latter is forwards plus first-hop publishes).
    public var eventPreparesIn = 0
    public var eventPreparesOut = 0
    /// BIP-340 + id checks run, and how many failed.
    public var verifications = 0
    public var verificationFailures = 0
    /// Events written to the store.
    public var storeWrites = 0
    /// Group commits that failed (their events are lost on this node).
    public var storeCommitFailures = 0
    /// EVENT Prepares whose event id was already seen (fulfilled, not stored or forwarded).
    public var duplicatesDropped = 0
    /// Events handed to local subscribers (one per matching subscription).
    public var deliveries = 0
    /// Events that arrived with TTL too small to forward any further.
    public var ttlExhausted = 0
    /// Accepted events whose forward could not be serialised, so no peer got them and their
    /// upstream Prepare was rejected (F99) (0 unless a packet outgrows the ILP data limit).
    public var forwardsUnserializable = 0
    /// Fulfilled or rejected Prepares left out of a peer's ledger because the balance would
    /// overflow (0 unless more than 9.2 × 10¹⁸ msat move over one link).
    public var ledgerOverflows = 0
    /// Links closed as they opened because this node's own REQ could not be serialised (0 unless
    /// `peerSubscriptionKinds` outgrows the ILP data limit).
    public var requestsUnserializable = 0
    /// ILP Rejects this node sent, by RFC 27 code ("F04", "F99", …).
    public var rejectsSent: [String: Int] = [:]
    /// ILP Rejects this node received for its own Prepares, by code.
    public var rejectsReceived: [String: Int] = [:]
    /// Fulfills received whose fulfillment did not hash to our condition.
    public var invalidFulfillments = 0
    /// Connections refused at BTP auth (wrong first frame or unknown token).
    public var authFailures = 0
    /// Connections closed because they were not authenticated by the auth deadline.
    public var authTimeouts = 0
    /// Connections answered with an HTTP error and closed: a path other than the node's (404), a
    /// request that is not a valid WebSocket upgrade (400), or one over the listener's limit (503).
    public var refusedConnections = 0
    /// Frames over the size limit (each closes its connection).
    public var oversizeFrames = 0
    /// Frames that were not valid BTP (or not binary), answered with a BTP ERROR or a close.
    public var malformedFrames = 0
    /// Frames dropped because a send queue was full.
    public var sendQueueDrops = 0
    /// Frames waiting in send queues now, and the most ever.
    public var queueDepth = 0
    public var queueDepthMax = 0
    /// Transport connections open now (authenticated or not).
    public var openConnections = 0
    /// Our Prepares that expired without an answer (e.g. lost by the simulated link model).
    public var prepareTimeouts = 0
    /// Back-pressure: received events held (unanswered) because a link they would be forwarded
    /// on was out of credit, the most held at once, and those refused (T05) beyond the bound.
    public var eventsHeld = 0
    public var eventsHeldMax = 0
    public var eventsRefusedBusy = 0
    /// Event ids the dedup cache remembers now (a gauge: it rises to the events accepted within
    /// the dedup window and stays there).
    public var dedupIds = 0
    /// Ids forgotten before their dedup window ended because the dedup capacity was reached: a
    /// copy of such an event arriving later would be taken for a new event.
    public var dedupForgottenEarly = 0

    public init() {}

    /// All rejects sent, any code.
    public var totalRejectsSent: Int { rejectsSent.values.reduce(0, +) }
}
