import Analysis
import BenchFormats
import Foundation
import XCTest

/// `results.topology` rebuilt from bench's trace records (docs/formats.md, "Topology trace"), on
/// graphs whose kind and diameter are known by construction.
final class TopologyReconstructionTests: XCTestCase {
    func trace(
        _ scenario: String, edges: [(Int, Int)], arrivals: [(node: Int, ms: Double, hops: Int)],
        publisher: Int?, meshSize: Int? = nil
    ) -> [SampleRecord] {
        var records: [SampleRecord] = [
            .series(
                Series(
                    scenario: scenario, metric: "topology.edges", unit: "node",
                    t: edges.map { Double($0.0) }, values: edges.map { Double($0.1) })),
            .series(
                Series(
                    scenario: scenario, metric: "trace.arrival", unit: "ms",
                    t: arrivals.map { Double($0.node) }, values: arrivals.map(\.ms))),
            .series(
                Series(
                    scenario: scenario, metric: "trace.hops", unit: "hops",
                    t: arrivals.map { Double($0.node) }, values: arrivals.map { Double($0.hops) })),
        ]
        if let publisher {
            records.append(
                .counter(
                    CounterRecord(scenario: scenario, metric: "trace.publisher", unit: "node", value: Int64(publisher)))
            )
        }
        if let meshSize {
            records.append(
                .samples(
                    SamplesBlock(
                        scenario: scenario, metric: "latency", unit: "ms", better: .lower,
                        values: [1], meshSize: meshSize)))
        }
        return records
    }

    func ring(_ n: Int) -> [(Int, Int)] { (0..<n).map { ($0, ($0 + 1) % n) } }

    func testARingTraceBecomesTheResultsTopologyAndLeavesTheSeries() throws {
        // 5-node ring published from node 2: nodes 1 and 3 at one hop, 0 and 4 at two.
        let arrivals = [
            (node: 0, ms: 1.9, hops: 2), (node: 1, ms: 1.0, hops: 1), (node: 2, ms: 0.0, hops: 0),
            (node: 3, ms: 1.1, hops: 1), (node: 4, ms: 2.2, hops: 2),
        ]
        let doc = try Fixture.analyze(
            trace("tier2.propagation-5", edges: ring(5), arrivals: arrivals, publisher: 2),
            baseline: nil)
        let topology = try XCTUnwrap(doc.topology)
        XCTAssertEqual(topology.scenario, "tier2.propagation-5")
        XCTAssertEqual(topology.nodes, 5)
        XCTAssertEqual(topology.kind, "ring")
        XCTAssertEqual(topology.diameter, 2)  // ⌊5 / 2⌋ for a ring
        XCTAssertEqual(topology.publisher, 2)
        XCTAssertEqual(topology.edges, [Edge(0, 1), Edge(1, 2), Edge(2, 3), Edge(3, 4), Edge(0, 4)])
        XCTAssertEqual(topology.arrivals, arrivals.map { Arrival(node: $0.node, ms: $0.ms, hops: $0.hops) })
        XCTAssertTrue(doc.series.isEmpty, "trace series are consumed into topology, not charted as time series")
    }

    func testKindAndDiameterComeFromTheLinks() throws {
        func shape(_ edges: [(Int, Int)], nodes: Int) throws -> (String, Int) {
            let arrivals = (0..<nodes).map { (node: $0, ms: Double($0), hops: $0) }
            let topology = try XCTUnwrap(
                try Fixture.analyze(
                    trace("s", edges: edges, arrivals: arrivals, publisher: 0),
                    baseline: nil
                ).topology)
            return (topology.kind, topology.diameter)
        }
        let line = (0..<9).map { ($0, $0 + 1) }
        XCTAssertTrue(try shape(line, nodes: 10) == ("line", 9))
        XCTAssertTrue(try shape(ring(10), nodes: 10) == ("ring", 5))
        let full = (0..<4).flatMap { a in ((a + 1)..<4).map { (a, $0) } }
        XCTAssertTrue(try shape(full, nodes: 4) == ("full", 1))
        XCTAssertTrue(try shape((1..<6).map { (0, $0) }, nodes: 6) == ("star", 2))
        // The 3-cube: 3-regular, diameter 3 (opposite corners differ in three bits).
        let cube = (0..<8).flatMap { a in [1, 2, 4].compactMap { bit in a & bit == 0 ? (a, a | bit) : nil } }
        XCTAssertTrue(try shape(cube, nodes: 8) == ("3-regular", 3))
        XCTAssertTrue(try shape([(0, 1), (2, 3)], nodes: 4) == ("disconnected", 1))
    }

    func testMeshSizeCountsNodesTheTraceNeverReached() throws {
        let doc = try Fixture.analyze(
            trace("s", edges: [(0, 1)], arrivals: [(0, 0, 0), (1, 1, 1)], publisher: 0, meshSize: 4),
            baseline: nil)
        XCTAssertEqual(doc.topology?.nodes, 4)
        XCTAssertEqual(doc.topology?.kind, "disconnected")
    }

    func testTheLargestTracedMeshIsKept() throws {
        let small = trace("tier2.propagation-5", edges: ring(5), arrivals: [(0, 0, 0)], publisher: 0)
        let large = trace("tier2.propagation-10", edges: ring(10), arrivals: [(0, 0, 0)], publisher: 0)
        XCTAssertEqual(try Fixture.analyze(small + large, baseline: nil).topology?.scenario, "tier2.propagation-10")
        XCTAssertEqual(try Fixture.analyze(large + small, baseline: nil).topology?.scenario, "tier2.propagation-10")
    }

    func testPublisherFallsBackToTheNodeAtZeroHops() throws {
        let doc = try Fixture.analyze(
            trace("s", edges: ring(3), arrivals: [(0, 0.5, 1), (1, 0, 0), (2, 0.6, 1)], publisher: nil),
            baseline: nil)
        XCTAssertEqual(doc.topology?.publisher, 1)
    }

    func testUnusableTracesAreNotedNotGuessed() throws {
        let hostile = trace("huge", edges: [(0, 5_000_000_000)], arrivals: [(0, 0, 0)], publisher: 0)
        let doc = try Fixture.analyze(hostile, baseline: nil)
        XCTAssertNil(doc.topology)
        XCTAssertTrue(
            doc.notes.contains { $0.contains("topology trace of huge not used") && $0.contains("0..<10000") },
            "\(doc.notes)")
        let fractional = trace("frac", edges: [(0, 1)], arrivals: [(0, 0, 0)], publisher: 0)
            .map { record -> SampleRecord in
                guard case .series(var s) = record, s.metric == "trace.hops" else { return record }
                s.values = [0.5]
                return .series(s)
            }
        let noted = try Fixture.analyze(fractional, baseline: nil)
        XCTAssertNil(noted.topology)
        XCTAssertTrue(
            noted.notes.contains { $0.contains("node 0 has an arrival time but no whole hop count") }, "\(noted.notes)")
        XCTAssertNil(try Fixture.analyze([Fixture.latency([1, 2])], baseline: nil).topology)
    }
}
