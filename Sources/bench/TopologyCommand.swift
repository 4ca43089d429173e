import ArgumentParser
import CommandLineSupport
import Foundation
import Mesh

/// `bench topology`: prints a mesh without starting it — nodes, degrees, links, diameter and hop
/// distances from one node — so a scenario's shape can be checked before it runs.
struct TopologyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topology",
        abstract: "Print a mesh topology: nodes, degree of each, links, diameter, hop distances from a node.",
        discussion: """
            Examples:
              bench topology --nodes 25 --topology regular --degree 4 --seed 7
              bench topology --nodes 10 --topology line --from 0 --json
            """)

    @OptionGroup var shape: MeshShapeOptions

    @Option(help: "Node the hop distances are measured from.")
    var from = 0

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func validate() throws {
        guard from >= 0, from < shape.nodes else {
            throw ValidationError("--from \(from) is not a node; nodes are 0…\(shape.nodes - 1)")
        }
    }

    func run() throws {
        let topology = try shape.build()
        let summary = TopologySummary(topology, from: from)
        if json {
            try Console.output(try summary.jsonText() + "\n")
        } else {
            try Console.output(summary.text())
        }
    }
}

/// What `bench topology` prints, in one value so the text and the JSON agree.
struct TopologySummary: Encodable {
    struct Node: Encodable {
        let node: Int
        let degree: Int
        let hops: Int?
        let neighbours: [Int]
    }

    let name: String
    let nodes: Int
    let links: Int
    let diameter: Int?
    let from: Int
    let degreeMin: Int
    let degreeMax: Int
    let degreeMean: Double
    let perNode: [Node]
    let edges: [[Int]]

    init(_ topology: Topology, from: Int) {
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

    func jsonText() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    func text() -> String {
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
                pad(String(node.node), 4) + "  " + pad(String(node.degree), 6) + "  " + pad(hops, hopsHeader.count)
                + "  " + node.neighbours.map(String.init).joined(separator: " ") + "\n"
        }
        out += "\nlinks: " + edges.map { "\($0[0])–\($0[1])" }.joined(separator: " ") + "\n"
        return out
    }
}

/// Right-aligns `text` in a column of `width` characters.
func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
}
