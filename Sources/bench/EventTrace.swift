/// One event followed through a mesh: where and when it arrived, who sent it, what each hop was
/// paid and kept, and where each node spent its processing time. What `bench trace` prints
/// (as text or `--json`) and draws (`--png`).
struct EventTrace: Encodable {
    /// Processing time of the event on one node, µs (the node's `PhaseTiming` record for it).
    struct Phases: Encodable {
        let decode: Double
        let verify: Double
        let store: Double
        let match: Double
        let forward: Double
        var total: Double { decode + verify + store + match + forward }
    }

    struct Hop: Encodable {
        let node: Int
        /// Links travelled (0 at the publisher).
        let hops: Int
        /// Time of arrival after the publish call began, µs of the shared monotonic clock.
        let arrivedMicros: Double
        /// The peer the first copy came from (nil at the publisher).
        let from: Int?
        /// Publisher → … → node, along first arrivals.
        let path: [Int]
        /// Amount of the Prepare that delivered the first copy, msat (nil at the publisher).
        let paidMsat: UInt64?
        /// Amount of each Prepare this node sent on (nil when it forwarded nothing).
        let forwardedEachMsat: UInt64?
        let forwards: Int
        /// `paid − forwarded each` on a forwarding hop (its routing fee); everything paid on a
        /// node that forwarded nothing (the amount reaches its final recipient).
        let keptMsat: UInt64?
        /// Change of the node's ledgers over all its peers, msat (duplicates are paid too).
        let netMsat: Int64
        let duplicatesDropped: Int
        let phases: Phases?

        enum CodingKeys: String, CodingKey {
            case node, hops, from, path, forwards, phases
            case arrivedMicros = "arrived_us", paidMsat = "paid_msat", forwardedEachMsat = "forwarded_each_msat"
            case keptMsat = "kept_msat", netMsat = "net_msat", duplicatesDropped = "duplicates_dropped"
        }
    }

    /// A node the event did not reach, and why not.
    struct Miss: Encodable {
        let node: Int
        let distance: Int?
        let reason: String
    }

    let eventID: String
    let kind: Int
    let publisher: Int
    let topology: String
    let nodes: Int
    let links: Int
    let diameter: Int?
    let mode: String
    let seed: UInt64
    let priceMsat: UInt64
    let routingFeeMsat: UInt64
    let ttl: Int
    let publishedMsat: UInt64
    let warmupEvents: Int
    /// Sorted by arrival time.
    let arrivals: [Hop]
    let missed: [Miss]
    /// Sum of every node's ledger change: zero when the books balance.
    let ledgerSumMsat: Int64
    let edges: [[Int]]

    var lastArrivalMicros: Double { arrivals.map(\.arrivedMicros).max() ?? 0 }

    enum CodingKeys: String, CodingKey {
        case kind, publisher, topology, nodes, links, diameter, mode, seed, ttl, arrivals, missed, edges
        case eventID = "event_id", priceMsat = "price_msat", routingFeeMsat = "routing_fee_msat"
        case publishedMsat = "published_msat", warmupEvents = "warmup_events", ledgerSumMsat = "ledger_sum_msat"
    }
}
