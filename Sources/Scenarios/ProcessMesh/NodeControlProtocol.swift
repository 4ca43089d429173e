import Mesh
import Nostr

/// The control channel between `bench` and a `bench node` child: one JSON object per line on the
/// child's standard input (commands) and standard output (replies and arrival reports). Every
/// command carries a `seq` that its reply repeats; arrivals are sent unasked, as they happen.
///
/// Commands (`op`): `start` {id, peers, seed, store, ttl} → `started` {port};
/// `dial` {peer, port}; `await_links` {timeout_ms}; `publish` {event, amount?};
/// `subscribe` {count} (local subscribers matching everything); `counters` → `counters`;
/// `memory` → `heap_in_use`, `sqlite_in_use`;
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
    /// Every counter the node keeps, as `NodeCounters` encodes itself: a counter added to the node
    /// crosses the process boundary without a second list to keep in step.
    var counters: NodeCounters?
    /// Bytes the child's allocator has handed out and not freed (`memory`), over every arena.
    var heapInUse: Int?
    /// Of those, bytes SQLite holds (`memory`; `sqlite3_status64`).
    var sqliteInUse: Int?
    var timings: TimingWire?
    var arrival: ArrivalWire?

    init(seq: Int?, op: String) {
        self.seq = seq
        self.op = op
    }

    enum CodingKeys: String, CodingKey {
        case seq, op, port, message, idle, counters, timings, arrival
        case heapInUse = "heap_in_use"
        case sqliteInUse = "sqlite_in_use"
    }
}

struct ArrivalWire: Codable, Sendable {
    var id: String
    var node: Int
    var time: UInt64
    var hops: Int
    var from: Int?
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
