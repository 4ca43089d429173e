/// An undirected link between two nodes, stored with `a < b` so a link has one spelling.
public struct Edge: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let a: Int
    public let b: Int

    public init(_ x: Int, _ y: Int) {
        precondition(x != y, "an edge joins two different nodes")
        a = min(x, y)
        b = max(x, y)
    }

    public static func < (l: Edge, r: Edge) -> Bool { (l.a, l.b) < (r.a, r.b) }
    public var description: String { "\(a)–\(b)" }
}

/// A simple undirected graph over nodes `0..<nodeCount`: which node dials which when a mesh forms.
public struct Topology: Sendable, Equatable, CustomStringConvertible {
    /// Short name of the family and its parameters, e.g. `random-regular(n=10,k=4,seed=7)`.
    public let name: String
    public let nodeCount: Int
    /// Sorted, without duplicates.
    public let edges: [Edge]
    /// Sorted neighbour lists, one per node.
    public let neighbors: [[Int]]

    /// Builds a topology from links; duplicate links collapse, self-loops are refused by `Edge`.
    public init(name: String, nodeCount: Int, edges: some Sequence<Edge>) {
        let unique = Array(Set(edges)).sorted()
        var adjacency = Array(repeating: [Int](), count: nodeCount)
        for e in unique {
            precondition(e.b < nodeCount, "edge \(e) names a node outside 0..<\(nodeCount)")
            adjacency[e.a].append(e.b)
            adjacency[e.b].append(e.a)
        }
        self.name = name
        self.nodeCount = nodeCount
        self.edges = unique
        self.neighbors = adjacency.map { $0.sorted() }
    }

    public func degree(of node: Int) -> Int { neighbors[node].count }

    public func contains(_ edge: Edge) -> Bool {
        neighbors[edge.a].contains(edge.b)
    }

    public var description: String { "\(name): \(nodeCount) nodes, \(edges.count) links" }
}
