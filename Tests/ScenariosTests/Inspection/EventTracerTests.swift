import BenchFormats
import Mesh
import Scenarios
import XCTest

/// The tracer on a real three-node loopback line (well under a second): the figures follow from
/// the default prices (100 msat per event, 10 msat fee per hop) and the TTL: the publisher pays
/// for every hop the TTL allows, and the last node reached keeps what is left.
final class EventTracerTests: XCTestCase {
    func testLineTraceFollowsPaymentsAndPathsHopByHop() async throws {
        var node = NodeConfig()
        node.ttl = 5
        let trace = try await EventTracer(
            topology: try .line(nodes: 3), node: node, publisher: 0, seed: 1, warmup: 1, kind: 1,
            timeoutNanoseconds: 20_000_000_000
        ).trace()
        XCTAssertEqual(trace.publishedMsat, 100 + (5 - 1) * 10, "the price plus a fee for each hop after the first")
        XCTAssertEqual(trace.arrivals.map(\.node), [0, 1, 2])
        XCTAssertEqual(trace.arrivals.map(\.hops), [0, 1, 2])
        XCTAssertEqual(trace.arrivals.map(\.from), [nil, 0, 1])
        XCTAssertEqual(trace.arrivals.map(\.paidMsat), [nil, 140, 130])
        XCTAssertEqual(trace.arrivals.map(\.forwardedEachMsat), [140, 130, nil])
        XCTAssertEqual(trace.arrivals.map(\.keptMsat), [nil, 10, 130])
        XCTAssertEqual(trace.arrivals.map(\.netMsat), [-140, 10, 130])
        XCTAssertEqual(trace.arrivals.last?.path, [0, 1, 2])
        XCTAssertEqual(trace.ledgerSumMsat, 0)
        XCTAssertNil(trace.arrivals[0].phases, "the publisher does not decode its own event")
        XCTAssertNotNil(trace.arrivals[2].phases)
        XCTAssertEqual(trace.missed, [])
        XCTAssertEqual(trace.edges, [[0, 1], [1, 2]])
    }

    func testNodesBeyondTheTTLAreMissedWithTheReason() async throws {
        var node = NodeConfig()
        node.ttl = 1
        let trace = try await EventTracer(
            topology: try .line(nodes: 3), node: node, publisher: 0, seed: 1, warmup: 0, kind: 1,
            timeoutNanoseconds: 20_000_000_000
        ).trace()
        XCTAssertEqual(trace.arrivals.map(\.node), [0, 1])
        XCTAssertEqual(
            trace.missed, [EventTrace.Miss(node: 2, distance: 2, reason: "2 hops away, beyond TTL 1 (raise --ttl)")])
        XCTAssertEqual(trace.ledgerSumMsat, 0)
    }
}
