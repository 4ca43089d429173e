import BenchFormats
import Charts

/// A mesh and the arrival times of one traced event, drawn the one way both pictures of a mesh
/// use (the report's `topology.png` and `bench trace --png`): nodes labelled by index and
/// coloured by arrival time, unreached nodes grey, the publisher ringed, and one layout rule.
struct MeshGraph {
    let nodeCount: Int
    /// Links between existing nodes only.
    let edges: [GraphEdge]
    /// Nanoseconds from publication to each reached node.
    let arrivalNanos: [Int: Double]
    let publisher: Int?
    /// Seeds the force-directed layout, so the same run draws the same picture.
    let seed: UInt64

    init(nodeCount: Int, edges: [(Int, Int)], arrivalNanos: [Int: Double], publisher: Int?, seed: UInt64) {
        self.nodeCount = nodeCount
        self.edges = edges.filter { $0.0 < nodeCount && $0.1 < nodeCount }.map { GraphEdge(from: $0.0, to: $0.1) }
        self.arrivalNanos = arrivalNanos
        self.publisher = publisher
        self.seed = seed
    }

    func chart(title: String, subtitle: String) -> GraphChart {
        GraphChart(
            title: title, subtitle: subtitle,
            nodes: (0..<nodeCount).map { GraphNode(label: "\($0)", value: arrivalNanos[$0]) },
            edges: edges, layout: layout, valueTitle: "Arrival after publish", valueDimension: .duration,
            markedNode: publisher, markedLabel: publisher.map { "publisher (node \($0))" } ?? "publisher")
    }

    /// A ring or a full mesh on a circle, where its symmetry shows; any other mesh (a line
    /// included: on a circle it would read as a ring with a gap) force-directed. Decided from
    /// the links themselves, so a recorded results file and a live trace agree.
    var layout: GraphLayout {
        isComplete || isRing ? .circular : .forceDirected(seed: seed)
    }

    private var isComplete: Bool { nodeCount > 1 && edges.count == nodeCount * (nodeCount - 1) / 2 }

    /// Every node has two links and walking them from node 0 visits every node once.
    private var isRing: Bool {
        guard nodeCount > 2, edges.count == nodeCount else { return false }
        var neighbours = [[Int]](repeating: [], count: nodeCount)
        for edge in edges {
            neighbours[edge.from].append(edge.to)
            neighbours[edge.to].append(edge.from)
        }
        guard neighbours.allSatisfy({ $0.count == 2 }) else { return false }
        var (previous, current, visited) = (0, neighbours[0][0], 1)
        while current != 0 && visited <= nodeCount {
            let next = neighbours[current][0] == previous ? neighbours[current][1] : neighbours[current][0]
            (previous, current, visited) = (current, next, visited + 1)
        }
        return visited == nodeCount
    }
}
