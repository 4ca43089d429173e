/// One event followed through a mesh: where and when it arrived, who sent it, what each hop was
/// paid and kept, and where each node spent its processing time. What `bench trace` prints (as
/// text or `--json`) and draws (`--png`); it lives here, at the meeting point of the pipeline,
/// so the tracer (Scenarios) fills it and the picture (Reports) draws it without either side
/// depending on the other.
public struct EventTrace: Codable, Equatable, Sendable {
    /// Processing time of the event on one node, µs (the node's `PhaseTiming` record for it).
    public struct Phases: Codable, Equatable, Sendable {
        public let decode: Double
        public let verify: Double
        public let store: Double
        public let match: Double
        public let forward: Double
        public var total: Double { decode + verify + store + match + forward }

        public init(decode: Double, verify: Double, store: Double, match: Double, forward: Double) {
            self.decode = decode
            self.verify = verify
            self.store = store
            self.match = match
            self.forward = forward
        }
    }

    public struct Hop: Codable, Equatable, Sendable {
        public let node: Int
        /// Links travelled (0 at the publisher).
        public let hops: Int
        /// Time of arrival after the publish call began, µs of the shared monotonic clock.
        public let arrivedMicros: Double
        /// The peer the first copy came from (nil at the publisher).
        public let from: Int?
        /// Publisher → … → node, along first arrivals.
        public let path: [Int]
        /// Amount of the Prepare that delivered the first copy, msat (nil at the publisher).
        public let paidMsat: UInt64?
        /// Amount of each Prepare this node sent on (nil when it forwarded nothing).
        public let forwardedEachMsat: UInt64?
        public let forwards: Int
        /// `paid − forwarded each` on a forwarding hop (its routing fee); everything paid on a
        /// node that forwarded nothing (the amount reaches its final recipient).
        public let keptMsat: UInt64?
        /// Change of the node's ledgers over all its peers, msat (duplicates are paid too).
        public let netMsat: Int64
        public let duplicatesDropped: Int
        public let phases: Phases?

        public init(
            node: Int, hops: Int, arrivedMicros: Double, from: Int?, path: [Int], paidMsat: UInt64?,
            forwardedEachMsat: UInt64?, forwards: Int, keptMsat: UInt64?, netMsat: Int64, duplicatesDropped: Int,
            phases: Phases?
        ) {
            self.node = node
            self.hops = hops
            self.arrivedMicros = arrivedMicros
            self.from = from
            self.path = path
            self.paidMsat = paidMsat
            self.forwardedEachMsat = forwardedEachMsat
            self.forwards = forwards
            self.keptMsat = keptMsat
            self.netMsat = netMsat
            self.duplicatesDropped = duplicatesDropped
            self.phases = phases
        }

        enum CodingKeys: String, CodingKey {
            case node, hops, from, path, forwards, phases
            case arrivedMicros = "arrived_us", paidMsat = "paid_msat", forwardedEachMsat = "forwarded_each_msat"
            case keptMsat = "kept_msat", netMsat = "net_msat", duplicatesDropped = "duplicates_dropped"
        }
    }

    /// A node the event did not reach, and why not.
    public struct Miss: Codable, Equatable, Sendable {
        public let node: Int
        public let distance: Int?
        public let reason: String

        public init(node: Int, distance: Int?, reason: String) {
            self.node = node
            self.distance = distance
            self.reason = reason
        }
    }

    public let eventID: String
    public let kind: Int
    public let publisher: Int
    /// The topology's name with its parameters, e.g. `ring(n=6)`.
    public let topology: String
    public let nodes: Int
    public let links: Int
    public let diameter: Int?
    /// `real` for loopback WebSockets, else the simulated transport's description.
    public let mode: String
    public let seed: UInt64
    public let priceMsat: UInt64
    public let routingFeeMsat: UInt64
    public let ttl: Int
    public let publishedMsat: UInt64
    public let warmupEvents: Int
    /// Sorted by arrival time.
    public let arrivals: [Hop]
    public let missed: [Miss]
    /// Sum of every node's ledger change: zero when the books balance.
    public let ledgerSumMsat: Int64
    /// Links as `[a, b]` pairs.
    public let edges: [[Int]]

    public init(
        eventID: String, kind: Int, publisher: Int, topology: String, nodes: Int, links: Int, diameter: Int?,
        mode: String, seed: UInt64, priceMsat: UInt64, routingFeeMsat: UInt64, ttl: Int, publishedMsat: UInt64,
        warmupEvents: Int, arrivals: [Hop], missed: [Miss], ledgerSumMsat: Int64, edges: [[Int]]
    ) {
        self.eventID = eventID
        self.kind = kind
        self.publisher = publisher
        self.topology = topology
        self.nodes = nodes
        self.links = links
        self.diameter = diameter
        self.mode = mode
        self.seed = seed
        self.priceMsat = priceMsat
        self.routingFeeMsat = routingFeeMsat
        self.ttl = ttl
        self.publishedMsat = publishedMsat
        self.warmupEvents = warmupEvents
        self.arrivals = arrivals
        self.missed = missed
        self.ledgerSumMsat = ledgerSumMsat
        self.edges = edges
    }

    public var lastArrivalMicros: Double { arrivals.map(\.arrivedMicros).max() ?? 0 }

    enum CodingKeys: String, CodingKey {
        case kind, publisher, topology, nodes, links, diameter, mode, seed, ttl, arrivals, missed, edges
        case eventID = "event_id", priceMsat = "price_msat", routingFeeMsat = "routing_fee_msat"
        case publishedMsat = "published_msat", warmupEvents = "warmup_events", ledgerSumMsat = "ledger_sum_msat"
    }
}
