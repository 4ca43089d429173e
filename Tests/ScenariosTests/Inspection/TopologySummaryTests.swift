import Foundation
import Mesh
import Scenarios
import XCTest

/// `bench topology`'s text and JSON, compared whole on meshes whose figures are known by hand.
final class TopologySummaryTests: XCTestCase {
    func testStarFromALeafIsPrintedExactly() throws {
        let summary = TopologySummary(try Topology.star(nodes: 4), from: 1)
        let expected = """
            topology  star(n=4)
            nodes     4
            links     3
            diameter  2 hops
            degree    min 1 · mean 1.50 · max 3

            node  degree  hops from 1  neighbours
               0       3            1  1 2 3
               1       1            0  0
               2       1            2  0
               3       1            2  0

            links: 0–1 0–2 0–3

            """
        XCTAssertEqual(summary.text(), expected)
    }

    func testDisconnectedMeshSaysUnreachable() {
        let topology = Topology(name: "pairs", nodeCount: 4, edges: [Edge(0, 1), Edge(2, 3)])
        let text = TopologySummary(topology, from: 0).text()
        XCTAssertTrue(text.contains("diameter  ∞ (disconnected)\n"), text)
        XCTAssertTrue(text.contains("   2       1  unreachable  3\n"), text)
    }

    func testJSONCarriesTheSameFiguresUnderStableKeys() throws {
        let json = try TopologySummary(try Topology.line(nodes: 3), from: 0).jsonText()
        let expected = """
            {
              "degree_max" : 2,
              "degree_mean" : 1.3333333333333333,
              "degree_min" : 1,
              "diameter" : 2,
              "edges" : [
                [
                  0,
                  1
                ],
                [
                  1,
                  2
                ]
              ],
              "from" : 0,
              "links" : 2,
              "nodes" : 3,
              "per_node" : [
                {
                  "degree" : 1,
                  "hops" : 0,
                  "neighbours" : [
                    1
                  ],
                  "node" : 0
                },
                {
                  "degree" : 2,
                  "hops" : 1,
                  "neighbours" : [
                    0,
                    2
                  ],
                  "node" : 1
                },
                {
                  "degree" : 1,
                  "hops" : 2,
                  "neighbours" : [
                    1
                  ],
                  "node" : 2
                }
              ],
              "topology" : "line(n=3)"
            }
            """
        XCTAssertEqual(json, expected)
    }
}
