/// Where one event's processing time went on one node, in nanoseconds of the real monotonic clock
/// (also in simulation: the node logic really runs, only the links are virtual).
public struct PhaseTiming: Sendable, Equatable {
    /// BTP + ILP + BTP-NIPs + Nostr JSON decoding, condition check, pricing and dedup lookup.
    public var decode: UInt64 = 0
    /// Event id (SHA-256) and BIP-340 signature verification.
    public var verify: UInt64 = 0
    /// SQLite insert.
    public var store: UInt64 = 0
    /// Local and peer subscription matching.
    public var match: UInt64 = 0
    /// Encoding the forwarded Prepares (HMAC condition, OER, BTP) and handing them to the transport.
    public var forward: UInt64 = 0

    public init() {}

    public var total: UInt64 { decode + verify + store + match + forward }
}

/// Phase timings of the events a node processed: exact totals over all of them plus the most
/// recent `capacity` per-event records (a ring), enough for percentiles without unbounded memory.
public struct PhaseTimingLog: Sendable, Equatable {
    public private(set) var totals = PhaseTiming()
    public private(set) var count = 0
    /// Group commits of the store (one per batch of work that wrote events) and their total ns;
    /// not part of any event's phases because they run after the answers are sent.
    public private(set) var commits = 0
    public private(set) var commitNanoseconds: UInt64 = 0
    public let capacity: Int
    private var ring: [PhaseTiming] = []
    private var next = 0

    public init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    mutating func append(_ timing: PhaseTiming) {
        count += 1
        totals.decode += timing.decode
        totals.verify += timing.verify
        totals.store += timing.store
        totals.match += timing.match
        totals.forward += timing.forward
        guard capacity > 0 else { return }
        if ring.count < capacity {
            ring.append(timing)
        } else {
            ring[next] = timing
            next = (next + 1) % capacity
        }
    }

    mutating func appendCommit(nanoseconds: UInt64) {
        commits += 1
        commitNanoseconds += nanoseconds
    }

    /// The kept records, oldest first.
    public var records: [PhaseTiming] {
        Array(ring[next...]) + Array(ring[..<next])
    }
}
