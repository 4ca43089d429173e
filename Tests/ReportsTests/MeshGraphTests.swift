import BenchFormats
import Charts
import ExecutableTesting
import Foundation
@testable import Reports
import XCTest

/// The one way a mesh is drawn (report topology chart and `bench trace --png`): the layout
/// rule decided from the links, the labels and colours, and the trace picture's file.
final class MeshGraphTests: XCTestCase {
    private func graph(_ nodes: Int, _ edges: [(Int, Int)], arrivals: [Int: Double] = [:]) -> MeshGraph {
        MeshGraph(nodeCount: nodes, edges: edges, arrivalNanos: arrivals, publisher: 0, seed: 7)
    }

    func testRingsAndFullMeshesAreCircularEverythingElseForceDirected() {
        let ring = graph(5, [(0, 1), (1, 2), (2, 3), (3, 4), (4, 0)])
        let full = graph(4, [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)])
        let line = graph(5, [(0, 1), (1, 2), (2, 3), (3, 4)])
        let star = graph(4, [(0, 1), (0, 2), (0, 3)])
        // Every node has two links, yet it is two triangles, not a ring.
        let twoTriangles = graph(6, [(0, 1), (1, 2), (2, 0), (3, 4), (4, 5), (5, 3)])
        XCTAssertEqual(ring.layout, .circular)
        XCTAssertEqual(full.layout, .circular)
        XCTAssertEqual(line.layout, .forceDirected(seed: 7))
        XCTAssertEqual(star.layout, .forceDirected(seed: 7))
        XCTAssertEqual(twoTriangles.layout, .forceDirected(seed: 7))
    }

    func testNodesAreLabelledByIndexColouredByArrivalAndLinksOutsideTheMeshDropped() {
        let chart = graph(3, [(0, 1), (1, 2), (2, 9)], arrivals: [0: 0, 1: 2e6]).chart(title: "t", subtitle: "s")
        XCTAssertEqual(chart.nodes.map(\.label), ["0", "1", "2"])
        XCTAssertEqual(chart.nodes.map(\.value), [0, 2e6, nil], "node 2 was not reached")
        XCTAssertEqual(chart.edges, [GraphEdge(from: 0, to: 1), GraphEdge(from: 1, to: 2)])
        XCTAssertEqual(chart.markedNode, 0)
        XCTAssertEqual(chart.markedLabel, "publisher (node 0)")
    }

    func testTracePictureIsWrittenAndAnUnwritableFolderNamesPNG() throws {
        let scratch = try ScratchFolder(name)
        defer { scratch.remove() }
        let trace = EventTrace(
            eventID: "0123456789abcdef", kind: 1, publisher: 1, topology: "ring(n=3)", nodes: 3, links: 3,
            diameter: 1, mode: "real", seed: 1, priceMsat: 100, routingFeeMsat: 10, ttl: 5, publishedMsat: 110,
            warmupEvents: 0,
            arrivals: [
                .init(
                    node: 1, hops: 0, arrivedMicros: 5, from: nil, path: [1], paidMsat: nil, forwardedEachMsat: 110,
                    forwards: 2, keptMsat: nil, netMsat: -220, duplicatesDropped: 0, phases: nil),
                .init(
                    node: 0, hops: 1, arrivedMicros: 900, from: 1, path: [1, 0], paidMsat: 110, forwardedEachMsat: nil,
                    forwards: 0, keptMsat: 110, netMsat: 110, duplicatesDropped: 1, phases: nil),
            ],
            missed: [], ledgerSumMsat: 0, edges: [[0, 1], [0, 2], [1, 2]])
        let path = scratch.path("pictures/trace.png")
        try TracePicture(path: path).write(trace, sourceLine: "test")
        let png = try XCTUnwrap(PNGInspector(path: path))
        XCTAssertEqual([png.width, png.height], [TracePicture.width, TracePicture.height])
        XCTAssertGreaterThan(png.inkFraction, 0.01, "blank picture")
        XCTAssertEqual(png.inkOnEdge, 0, "something is clipped")

        let blocked = scratch.path("file")
        try Data().write(to: URL(fileURLWithPath: blocked))
        XCTAssertThrowsError(try TracePicture(path: blocked + "/trace.png")) {
            XCTAssertTrue("\($0)".hasSuffix("choose another with --png"), "\($0)")
        }
    }
}
