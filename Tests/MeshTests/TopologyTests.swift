import XCTest
@testable import Mesh

final class TopologyTests: XCTestCase {
    func testFullMeshHasDiameterOneAndEveryPair() throws {
        let t = try Topology.fullMesh(nodes: 6)
        XCTAssertEqual(t.edges.count, 15)  // C(6,2)
        XCTAssertEqual(t.diameter, 1)
        XCTAssertTrue((0..<6).allSatisfy { t.degree(of: $0) == 5 })
    }

    func testLineDiameterAndHopDistances() throws {
        let t = try Topology.line(nodes: 8)
        XCTAssertEqual(t.diameter, 7)
        XCTAssertEqual(t.distances(from: 0), [0, 1, 2, 3, 4, 5, 6, 7])
        XCTAssertEqual(t.distances(from: 3), [3, 2, 1, 0, 1, 2, 3, 4])
    }

    func testRingDiameterIsFloorHalf() throws {
        XCTAssertEqual(try Topology.ring(nodes: 9).diameter, 4)
        XCTAssertEqual(try Topology.ring(nodes: 10).diameter, 5)
    }

    func testStarDiameterTwo() throws {
        let t = try Topology.star(nodes: 7)
        XCTAssertEqual(t.diameter, 2)
        XCTAssertEqual(t.degree(of: 0), 6)
        XCTAssertTrue((1..<7).allSatisfy { t.degree(of: $0) == 1 })
    }

    func testRandomRegularHasDegreeKEverywhereIsConnectedAndReproducible() throws {
        for (n, k) in [(10, 4), (20, 3), (100, 4), (12, 11)] {
            let t = try Topology.randomRegular(nodes: n, degree: k, seed: 42)
            XCTAssertTrue((0..<n).allSatisfy { t.degree(of: $0) == k }, "\(t)")
            XCTAssertEqual(t.edges.count, n * k / 2)
            XCTAssertTrue(t.isConnected)
            XCTAssertEqual(t, try Topology.randomRegular(nodes: n, degree: k, seed: 42))
        }
        XCTAssertNotEqual(
            try Topology.randomRegular(nodes: 30, degree: 4, seed: 1).edges,
            try Topology.randomRegular(nodes: 30, degree: 4, seed: 2).edges)
    }

    func testSmallWorldKeepsEdgeCountAndIsConnectedAndReproducible() throws {
        let t = try Topology.smallWorld(nodes: 30, degree: 4, rewiring: 0.2, seed: 9)
        XCTAssertEqual(t.edges.count, 60)  // rewiring moves links, never adds or removes
        XCTAssertTrue(t.isConnected)
        XCTAssertEqual(t, try Topology.smallWorld(nodes: 30, degree: 4, rewiring: 0.2, seed: 9))
        // β = 0 is the ring lattice: diameter ⌈(n/2)/(k/2)⌉ = ⌈15/2⌉ = 8.
        XCTAssertEqual(try Topology.smallWorld(nodes: 30, degree: 4, rewiring: 0, seed: 9).diameter, 8)
    }

    func testInvalidParametersNameTheValidChoices() {
        XCTAssertThrowsError(try Topology.line(nodes: 1)) { error in
            XCTAssertEqual(error as? TopologyError, .tooFewNodes(kind: "line", nodes: 1, minimum: 2))
            XCTAssertTrue("\(error)".contains("n ≥ 2"))
        }
        XCTAssertThrowsError(try Topology.randomRegular(nodes: 5, degree: 5, seed: 1)) { error in
            XCTAssertEqual(error as? TopologyError, .degreeOutOfRange(kind: "random-regular", nodes: 5, degree: 5))
        }
        XCTAssertThrowsError(try Topology.randomRegular(nodes: 5, degree: 3, seed: 1)) { error in
            XCTAssertEqual(error as? TopologyError, .oddStubCount(nodes: 5, degree: 3))
            XCTAssertTrue("\(error)".contains("make n or k even"))
        }
        XCTAssertThrowsError(try Topology.smallWorld(nodes: 10, degree: 3, rewiring: 0.1, seed: 1)) { error in
            XCTAssertEqual(error as? TopologyError, .oddDegree(kind: "small-world", degree: 3))
        }
        XCTAssertThrowsError(try Topology.smallWorld(nodes: 10, degree: 4, rewiring: 1.5, seed: 1))
    }

    func testDistancesExcludingDroppedLinks() throws {
        let t = try Topology.ring(nodes: 6)
        let d = t.distances(from: 0, excluding: [Edge(0, 1)])
        XCTAssertEqual(d, [0, 5, 4, 3, 2, 1])
    }
}
