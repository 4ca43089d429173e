import Mesh
import Nostr

/// The control channel between `bench` and a `bench node` child: one JSON object per line on the
/// child's standard input (commands) and standard output (replies and arrival reports). Every
/// command carries a `seq` that its reply repeats; arrivals are sent unasked, as they happen.
///
/// Commands (`op`): `start` {id, peers, seed, store, ttl} → `started` {port};
/// `dial` {peer, port}; `await_links` {timeout_ms}; `publish` {event, amount?};
/// `subscribe` {count} (local subscribers matching everything); `counters` → `counters`;
/// `timings` {limit} → `timings`; `idle` → `idle` {idle}; `shutdown` (then the child exits).
/// Any failure → `error` {message}. End of standard input also shuts the child down, so a
/// dying `bench` never leaves nodes behind.
struct NodeCommand: Codable, Sendable {
    var seq: Int
    var op: String
    var id: Int?
    var peers: [Int]?
    var seed: UInt64?
    var store: String?
    var ttl: Int?
    var peer: Int?
    var port: Int?
    var timeoutMS: Int?
    var event: NostrEvent?
    var amount: UInt64?
    var count: Int?
    var limit: Int?

    init(seq: Int = 0, op: String) {
        self.seq = seq
        self.op = op
    }

    enum CodingKeys: String, CodingKey {
        case seq, op, id, peers, seed, store, ttl, peer, port, event, amount, count, limit
        case timeoutMS = "timeout_ms"
    }
}

struct NodeReply: Codable, Sendable {
    var seq: Int?
    var op: String
    var port: Int?
    var message: String?
    var idle: Bool?
    var counters: CounterWire?
    var timings: TimingWire?
    var arrival: ArrivalWire?

    init(seq: Int?, op: String) {
        self.seq = seq
        self.op = op
    }
}

struct ArrivalWire: Codable, Sendable {
    var id: String
    var node: Int
    var time: UInt64
    var hops: Int
    var from: Int?
}

/// The counters a workload reads, as they cross the process boundary.
struct CounterWire: Codable, Sendable {
    var framesIn, framesOut, bytesIn, bytesOut: Int
    var eventPreparesIn, eventPreparesOut, verifications, storeWrites, duplicatesDropped, deliveries: Int
    var ttlExhausted, sendQueueDrops, queueDepth, queueDepthMax, openConnections, prepareTimeouts: Int
    var rejectsSent: [String: Int]
    var rejectsReceived: [String: Int]

    init(_ c: NodeCounters) {
        framesIn = c.framesIn; framesOut = c.framesOut; bytesIn = c.bytesIn; bytesOut = c.bytesOut
        eventPreparesIn = c.eventPreparesIn; eventPreparesOut = c.eventPreparesOut
        verifications = c.verifications; storeWrites = c.storeWrites
        duplicatesDropped = c.duplicatesDropped; deliveries = c.deliveries; ttlExhausted = c.ttlExhausted
        sendQueueDrops = c.sendQueueDrops; queueDepth = c.queueDepth; queueDepthMax = c.queueDepthMax
        openConnections = c.openConnections; prepareTimeouts = c.prepareTimeouts
        rejectsSent = c.rejectsSent; rejectsReceived = c.rejectsReceived
    }

    var counters: NodeCounters {
        var c = NodeCounters()
        c.framesIn = framesIn; c.framesOut = framesOut; c.bytesIn = bytesIn; c.bytesOut = bytesOut
        c.eventPreparesIn = eventPreparesIn; c.eventPreparesOut = eventPreparesOut
        c.verifications = verifications; c.storeWrites = storeWrites
        c.duplicatesDropped = duplicatesDropped; c.deliveries = deliveries; c.ttlExhausted = ttlExhausted
        c.sendQueueDrops = sendQueueDrops; c.queueDepth = queueDepth; c.queueDepthMax = queueDepthMax
        c.openConnections = openConnections; c.prepareTimeouts = prepareTimeouts
        c.rejectsSent = rejectsSent; c.rejectsReceived = rejectsReceived
        return c
    }
}

/// Phase timings as parallel arrays of ns (totals first), most recent records last.
struct TimingWire: Codable, Sendable {
    var count: Int
    var totals: [UInt64]
    var records: [[UInt64]]

    init(count: Int, totals: PhaseTiming, records: [PhaseTiming]) {
        self.count = count
        self.totals = Self.fields(totals)
        self.records = records.map(Self.fields)
    }

    private static func fields(_ t: PhaseTiming) -> [UInt64] { [t.decode, t.verify, t.store, t.match, t.forward] }

    private static func timing(_ f: [UInt64]) -> PhaseTiming {
        var t = PhaseTiming()
        guard f.count == 5 else { return t }
        t.decode = f[0]; t.verify = f[1]; t.store = f[2]; t.match = f[3]; t.forward = f[4]
        return t
    }

    var summary: PhaseTimingSummary {
        PhaseTimingSummary(totals: Self.timing(totals), count: count, records: records.map(Self.timing))
    }
}
