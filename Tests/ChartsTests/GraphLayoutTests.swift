import XCTest
@testable import Charts

final class GraphLayoutTests: XCTestCase {
    func testCircularLayoutPutsNodesOnTheCircle() {
        let points = GraphLayout.circular.positions(nodeCount: 4, edges: [])
        XCTAssertEqual(points[0].x, 0.5, accuracy: 1e-12)
        XCTAssertEqual(points[0].y, 0, accuracy: 1e-12)
        XCTAssertEqual(points[1].x, 1, accuracy: 1e-12)
        XCTAssertEqual(points[2].y, 1, accuracy: 1e-12)
    }

    func testForceDirectedLayoutIsSeededAndSeparatesNodes() {
        let edges = (0..<30).map { GraphEdge(from: $0, to: ($0 + 1) % 30) }
        let first = GraphLayout.forceDirected(seed: 4).positions(nodeCount: 30, edges: edges)
        XCTAssertEqual(first, GraphLayout.forceDirected(seed: 4).positions(nodeCount: 30, edges: edges))
        XCTAssertNotEqual(first, GraphLayout.forceDirected(seed: 5).positions(nodeCount: 30, edges: edges))
        XCTAssertTrue(first.allSatisfy { (0...1).contains($0.x) && (0...1).contains($0.y) })
        var closest = Double.infinity
        for i in first.indices {
            for j in first.indices where j > i {
                closest = min(closest, hypot(first[i].x - first[j].x, first[i].y - first[j].y))
            }
        }
        XCTAssertGreaterThan(closest, 0.02, "repulsion keeps nodes apart")
        // Neighbours on the ring end up closer than the average pair.
        let edgeLength =
            edges.map { hypot(first[$0.from].x - first[$0.to].x, first[$0.from].y - first[$0.to].y) }.reduce(0, +) / 30
        var pairSum = 0.0
        for i in first.indices {
            for j in first.indices where j > i { pairSum += hypot(first[i].x - first[j].x, first[i].y - first[j].y) }
        }
        XCTAssertLessThan(edgeLength, pairSum / Double(30 * 29 / 2))
    }
}
