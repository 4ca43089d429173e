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

    /// This log with only its `limit` most recent records, in storage of its own. Readers on other
    /// threads get this, taken on the node's event loop, rather than the log itself: a copy that
    /// shared the ring made the loop's next `append` copy the whole ring (160 KB at 4,096 records)
    /// while the reader held it, once a second per node under the resource sampler, and such a
    /// block, landing in the loop thread's malloc arena, grew the node's resident memory in steps.
    public func keepingRecent(_ limit: Int) -> PhaseTimingLog {
        var kept = PhaseTimingLog(capacity: capacity)
        kept.totals = totals
        kept.count = count
        kept.commits = commits
        kept.commitNanoseconds = commitNanoseconds
        let recent = Swift.min(Swift.max(0, limit), ring.count)
        guard recent > 0 else { return kept }
        kept.ring.reserveCapacity(recent)
        // The oldest kept record sits `recent` places before the next write, wrapping around.
        let start = (next - recent + ring.count) % ring.count
        for offset in 0..<recent { kept.ring.append(ring[(start + offset) % ring.count]) }
        return kept
    }
}
