/// Prices per Nostr event kind, in msat: what a node charges before it stores and forwards.
public struct KindPricing: Sendable, Equatable {
    public var defaultPrice: UInt64
    public var overrides: [Int: UInt64]

    public init(defaultPrice: UInt64 = 100, overrides: [Int: UInt64] = [:]) {
        self.defaultPrice = defaultPrice
        self.overrides = overrides
    }

    public func price(forKind kind: Int) -> UInt64 { overrides[kind] ?? defaultPrice }
}

/// How one relay node behaves; `MeshNetwork` gives every node the same config unless told otherwise.
public struct NodeConfig: Sendable, Equatable {
    /// What an incoming EVENT must pay (ILP Prepare amount ≥ price).
    public var pricing: KindPricing
    /// Kept by each hop: a forwarded Prepare carries `amount − routingFee`.
    public var routingFee: UInt64
    /// TTL a published event starts with; each hop forwards with TTL − 1 and only while that is > 0.
    public var ttl: Int
    /// What the publisher pays its first hop; `nil` means `price + (ttl − 1) × fee`, just enough
    /// for the event to pay its way across `ttl` hops when every node uses the same price and fee.
    public var publishAmount: UInt64?
    /// Largest amount a node accepts in one Prepare (F08 above it).
    public var maximumPacketAmount: UInt64
    /// Largest WebSocket frame a node accepts; a larger one closes the connection (1009).
    public var maximumFrameBytes: Int
    /// Most event ids remembered for deduplication at once, whatever the rate (oldest forgotten
    /// first, before their window ends only when this is reached; see `dedupWindowNanoseconds`).
    public var dedupCapacity: Int
    /// Frames a link may queue while the socket is not writable; beyond it frames are dropped.
    public var sendQueueLimit: Int
    /// Lifetime of the Prepares this node sends, in milliseconds.
    public var prepareExpiryMilliseconds: Int64
    /// Link credit (back-pressure): EVENT Prepares a node keeps unanswered on one link per TTL
    /// class. An event whose forwards find a link out of credit waits at this node, unanswered,
    /// so its sender runs out of credit in turn and the hold-back reaches the publisher instead of
    /// a send queue. Per TTL class so that waits only ever point to a lower class: no cycle of
    /// nodes can wait on one another (docs/protocol.md §Back-pressure).
    public var linkCreditWindow: Int
    /// Events handed to a node for publishing that may wait for it at once; a load generator
    /// handing over more waits for room (its lag), so an overload never piles up unseen.
    public var publishBacklogLimit: Int
    /// Extra delay before this node forwards an event (µs): the per-hop regression knob, or a slow node.
    public var forwardDelayMicroseconds: UInt64
    /// Longest time (µs) a stored event waits in the open transaction before the group commit
    /// (loopback transport; 0: commit after every batch of work). Each commit appends every page
    /// it touched to the WAL, so committing each event alone wrote ~25 KB of WAL per event per node;
    /// 100 ms rather than 20 writes a third less to the disk under load (docs/protocol.md).
    public var storeCommitIntervalMicroseconds: UInt64
    /// What this node asks its peers for at link setup (the filters of its REQ); default: everything.
    public var peerSubscriptionKinds: [Int]?
    /// Per-event phase records kept (most recent first forgotten); totals are kept regardless.
    public var timingRecordCapacity: Int
    /// Time an accepted connection has to finish the HTTP upgrade and the BTP auth; a connection
    /// still unauthenticated then is closed (1008 once it is a WebSocket), so idle sockets cannot
    /// pile up. Honest peers authenticate within one round trip of connecting.
    public var authDeadlineMilliseconds: Int64
    /// Connections a node's listener holds at once, authenticated or not; one more gets HTTP 503
    /// and is closed. A node's own links take one each from the peers that dial it.
    public var maximumInboundConnections: Int

    public init(
        pricing: KindPricing = KindPricing(),
        routingFee: UInt64 = 10,
        ttl: Int = 5,
        publishAmount: UInt64? = nil,
        maximumPacketAmount: UInt64 = 1_000_000_000,
        maximumFrameBytes: Int = 64 * 1024,
        dedupCapacity: Int = 100_000,
        sendQueueLimit: Int = 8_192,
        prepareExpiryMilliseconds: Int64 = 30_000,
        linkCreditWindow: Int = 16,
        publishBacklogLimit: Int = 256,
        forwardDelayMicroseconds: UInt64 = 0,
        storeCommitIntervalMicroseconds: UInt64 = 100_000,
        peerSubscriptionKinds: [Int]? = nil,
        timingRecordCapacity: Int = 4_096,
        authDeadlineMilliseconds: Int64 = 10_000,
        maximumInboundConnections: Int = 512
    ) {
        self.pricing = pricing
        self.routingFee = routingFee
        self.ttl = ttl
        self.publishAmount = publishAmount
        self.maximumPacketAmount = maximumPacketAmount
        self.maximumFrameBytes = maximumFrameBytes
        self.dedupCapacity = dedupCapacity
        self.sendQueueLimit = sendQueueLimit
        self.prepareExpiryMilliseconds = prepareExpiryMilliseconds
        self.linkCreditWindow = max(1, linkCreditWindow)
        self.publishBacklogLimit = max(1, publishBacklogLimit)
        self.forwardDelayMicroseconds = forwardDelayMicroseconds
        self.storeCommitIntervalMicroseconds = storeCommitIntervalMicroseconds
        self.peerSubscriptionKinds = peerSubscriptionKinds
        self.timingRecordCapacity = timingRecordCapacity
        self.authDeadlineMilliseconds = authDeadlineMilliseconds
        self.maximumInboundConnections = maximumInboundConnections
    }

    /// How long (network time) an accepted event's id is remembered for deduplication: `ttl` ×
    /// Prepare expiry. A copy is processed only before its Prepare expires (R00 after), and it
    /// travels at most `ttl` hops, each under a Prepare of that lifetime, so every copy that can
    /// still be processed arrives within the window (docs/protocol.md §3, Dedup window).
    /// Saturates at `UInt64.max` rather than overflow.
    public var dedupWindowNanoseconds: UInt64 {
        let hops = UInt64(max(1, ttl))
        let milliseconds = UInt64(max(0, prepareExpiryMilliseconds))
        let (perHop, overflowA) = milliseconds.multipliedReportingOverflow(by: 1_000_000)
        let (window, overflowB) = perHop.multipliedReportingOverflow(by: hops)
        return overflowA || overflowB ? .max : window
    }

    /// The amount a publisher attaches to a new event of `kind`.
    public func amountToPublish(kind: Int) -> UInt64 {
        publishAmount ?? pricing.price(forKind: kind) + UInt64(max(0, ttl - 1)) * routingFee
    }
}
