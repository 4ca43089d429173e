import BenchFormats
import Foundation

extension EventTrace {
    /// The hop-by-hop table `bench trace` prints: one line per node in arrival order, then the
    /// nodes not reached and the totals.
    public func text() -> String {
        var out = ""
        out += "event     \(eventID) (kind \(kind)) published by node \(publisher)\n"
        out +=
            "mesh      \(topology): \(nodes) nodes, \(links) links, diameter \(diameter.map(String.init) ?? "∞"); \(mode == "real" ? "loopback WebSocket (real)" : mode)\n"
        out +=
            "payment   \(publishedMsat) msat published (price \(priceMsat) msat, fee \(routingFeeMsat) msat per hop, TTL \(ttl)); \(warmupEvents) warm-up event(s) before\n\n"
        let header = [
            "node", "hop", "arrived µs", "from", "paid", "fwd each", "fwds", "kept", "net", "dups",
            "decode", "verify", "store", "match", "forward", "total µs",
        ]
        let widths = [4, 3, 10, 4, 6, 8, 4, 6, 6, 4, 7, 7, 7, 7, 7, 8]
        out += zip(header, widths).map { rightAligned($0, $1) }.joined(separator: "  ") + "\n"
        for hop in arrivals {
            let from: String = hop.from.map { String($0) } ?? "—"
            let paid: String = hop.paidMsat.map { String($0) } ?? "—"
            let forwarded: String = hop.forwardedEachMsat.map { String($0) } ?? "—"
            let kept: String = hop.keptMsat.map { String($0) } ?? "—"
            var cells: [String] = [
                String(hop.node), String(hop.hops), String(format: "%.0f", hop.arrivedMicros), from, paid,
            ]
            cells += [forwarded, String(hop.forwards), kept, String(hop.netMsat), String(hop.duplicatesDropped)]
            if let p = hop.phases {
                cells += [p.decode, p.verify, p.store, p.match, p.forward, p.total].map { String(format: "%.1f", $0) }
            } else {
                cells += ["—", "—", "—", "—", "—", "—"]
            }
            out += zip(cells, widths).map { rightAligned($0, $1) }.joined(separator: "  ") + "\n"
        }
        out += "\namounts in msat; kept = paid − forwarded each (the hop's fee), or all of it where the event stops;\n"
        out += "net = the node's ledger change over all peers (duplicates are paid too); phases in µs.\n\n"
        out += "paths (first arrivals):\n"
        for hop in arrivals where hop.node != publisher {
            out +=
                "  \(rightAligned(String(hop.node), 3)): " + hop.path.map(String.init).joined(separator: " → ") + "\n"
        }
        for miss in missed {
            out += "not reached: node \(miss.node) — \(miss.reason)\n"
        }
        let duplicates = arrivals.map(\.duplicatesDropped).reduce(0, +)
        out +=
            "\nreached \(arrivals.count)/\(nodes) nodes; last arrival after \(String(format: "%.0f", lastArrivalMicros)) µs; "
        out +=
            "\(duplicates) duplicate(s) dropped; ledgers sum to \(ledgerSumMsat) msat\(ledgerSumMsat == 0 ? " (balanced)" : " (UNBALANCED)")\n"
        return out
    }
}
