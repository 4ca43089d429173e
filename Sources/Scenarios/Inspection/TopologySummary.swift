import BenchFormats
import Foundation
import Mesh

/// What `bench topology` prints: a mesh without starting it (nodes, degrees, links, diameter,
/// hop distances from one node), in one value so the text and the JSON agree.
public struct TopologySummary: Encodable, Sendable {
    public struct Node: Encodable, Sendable {
        public let node: Int
        public let degree: Int
        /// Hops from the summary's `from` node (nil: not connected to it).
        public let hops: Int?
        public let neighbours: [Int]
    }

    public let name: String
    public let nodes: Int
    public let links: Int
    public let diameter: Int?
    public let from: Int
    public let degreeMin: Int
    public let degreeMax: Int
    public let degreeMean: Double
    public let perNode: [Node]
    public let edges: [[Int]]

    /// Hop distances are measured from node `from`, which must be one of the topology's nodes.
    public init(_ topology: Topology, from: Int) {
        let distances = topology.distances(from: from)
        let degrees = (0..<topology.nodeCount).map(topology.degree(of:))
        name = topology.name
        nodes = topology.nodeCount
        links = topology.edges.count
        diameter = topology.diameter
        self.from = from
        degreeMin = degrees.min() ?? 0
        degreeMax = degrees.max() ?? 0
        degreeMean = degrees.isEmpty ? 0 : Double(degrees.reduce(0, +)) / Double(degrees.count)
        perNode = (0..<topology.nodeCount).map {
            Node(node: $0, degree: degrees[$0], hops: distances[$0], neighbours: topology.neighbors[$0])
        }
        edges = topology.edges.map { [$0.a, $0.b] }
    }

    enum CodingKeys: String, CodingKey {
        case name = "topology", nodes, links, diameter, from
        case degreeMin = "degree_min", degreeMax = "degree_max", degreeMean = "degree_mean"
        case perNode = "per_node", edges
    }

    /// Pretty-printed with sorted keys like every MeshBench file, so the output is stable.
    public func jsonText() throws -> String {
        String(decoding: try FormatsJSON.encoder(pretty: true).encode(self), as: UTF8.self)
    }

    public func text() -> String {
        var out = ""
        out += "topology  \(name)\n"
        out += "nodes     \(nodes)\n"
        out += "links     \(links)\n"
        out += "diameter  \(diameter.map { "\($0) hops" } ?? "∞ (disconnected)")\n"
        out += "degree    min \(degreeMin) · mean \(String(format: "%.2f", degreeMean)) · max \(degreeMax)\n\n"
        let hopsHeader = "hops from \(from)"
        out += "node  degree  \(hopsHeader)  neighbours\n"
        for node in perNode {
            let hops = node.hops.map(String.init) ?? "unreachable"
            out +=
                rightAligned(String(node.node), 4) + "  " + rightAligned(String(node.degree), 6) + "  "
                + rightAligned(hops, hopsHeader.count)
                + "  " + node.neighbours.map(String.init).joined(separator: " ") + "\n"
        }
        out += "\nlinks: " + edges.map { "\($0[0])–\($0[1])" }.joined(separator: " ") + "\n"
        return out
    }
}
