import BenchFormats
import Scenarios
import XCTest

/// `bench trace`'s table, compared whole: a three-node line where node 1 forwards and keeps its
/// 10 msat fee, node 2 keeps the rest, and node 3 is beyond the TTL.
final class EventTraceTextTests: XCTestCase {
    static let phases = EventTrace.Phases(decode: 1.25, verify: 40, store: 12.5, match: 0.5, forward: 2)

    static let trace = EventTrace(
        eventID: "ab12", kind: 1, publisher: 0, topology: "line(n=4)", nodes: 4, links: 3, diameter: 3,
        mode: "real", seed: 1, priceMsat: 100, routingFeeMsat: 10, ttl: 2, publishedMsat: 120, warmupEvents: 1,
        arrivals: [
            .init(
                node: 0, hops: 0, arrivedMicros: 3.4, from: nil, path: [0], paidMsat: nil, forwardedEachMsat: 120,
                forwards: 1, keptMsat: nil, netMsat: -120, duplicatesDropped: 0, phases: nil),
            .init(
                node: 1, hops: 1, arrivedMicros: 250.6, from: 0, path: [0, 1], paidMsat: 120, forwardedEachMsat: 110,
                forwards: 1, keptMsat: 10, netMsat: 10, duplicatesDropped: 0, phases: phases),
            .init(
                node: 2, hops: 2, arrivedMicros: 1_000, from: 1, path: [0, 1, 2], paidMsat: 110,
                forwardedEachMsat: nil, forwards: 0, keptMsat: 110, netMsat: 110, duplicatesDropped: 2,
                phases: phases),
        ],
        missed: [.init(node: 3, distance: 3, reason: "3 hops away, beyond TTL 2 (raise --ttl)")],
        ledgerSumMsat: 0, edges: [[0, 1], [1, 2], [2, 3]])

    func testTableListsEveryHopThenMissesAndTotals() {
        let expected = """
            event     ab12 (kind 1) published by node 0
            mesh      line(n=4): 4 nodes, 3 links, diameter 3; loopback WebSocket (real)
            payment   120 msat published (price 100 msat, fee 10 msat per hop, TTL 2); 1 warm-up event(s) before

            node  hop  arrived µs  from    paid  fwd each  fwds    kept     net  dups   decode   verify    store    match  forward  total µs
               0    0           3     —       —       120     1       —    -120     0        —        —        —        —        —         —
               1    1         251     0     120       110     1      10      10     0      1.2     40.0     12.5      0.5      2.0      56.2
               2    2        1000     1     110         —     0     110     110     2      1.2     40.0     12.5      0.5      2.0      56.2

            amounts in msat; kept = paid − forwarded each (the hop's fee), or all of it where the event stops;
            net = the node's ledger change over all peers (duplicates are paid too); phases in µs.

            paths (first arrivals):
                1: 0 → 1
                2: 0 → 1 → 2
            not reached: node 3 — 3 hops away, beyond TTL 2 (raise --ttl)

            reached 3/4 nodes; last arrival after 1000 µs; 2 duplicate(s) dropped; ledgers sum to 0 msat (balanced)

            """
        XCTAssertEqual(Self.trace.text(), expected)
    }

    func testUnbalancedLedgersAndUnknownDiameterAreSaid() throws {
        var json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(Self.trace)) as? [String: Any] ?? [:]
        json["ledger_sum_msat"] = 7
        json["diameter"] = nil
        json["mode"] = "simulated"
        let trace = try JSONDecoder().decode(EventTrace.self, from: JSONSerialization.data(withJSONObject: json))
        let text = trace.text()
        XCTAssertTrue(text.contains("mesh      line(n=4): 4 nodes, 3 links, diameter ∞; simulated\n"), text)
        XCTAssertTrue(text.hasSuffix("ledgers sum to 7 msat (UNBALANCED)\n"), text)
    }
}
