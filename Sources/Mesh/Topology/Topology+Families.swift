extension Topology {
    /// Every node linked to every other: diameter 1, n(n−1)/2 links.
    public static func fullMesh(nodes n: Int) throws(TopologyError) -> Topology {
        try requireNodes(n, minimum: 2, kind: "full-mesh")
        var edges: [Edge] = []
        for a in 0..<n { for b in (a + 1)..<n { edges.append(Edge(a, b)) } }
        return Topology(name: "full-mesh(n=\(n))", nodeCount: n, edges: edges)
    }

    /// 0–1–2–…–(n−1): node i is exactly i hops from node 0, which makes hop-count tests exact.
    public static func line(nodes n: Int) throws(TopologyError) -> Topology {
        try requireNodes(n, minimum: 2, kind: "line")
        return Topology(name: "line(n=\(n))", nodeCount: n, edges: (0..<(n - 1)).map { Edge($0, $0 + 1) })
    }

    /// A line closed into a cycle: diameter ⌊n/2⌋.
    public static func ring(nodes n: Int) throws(TopologyError) -> Topology {
        try requireNodes(n, minimum: 3, kind: "ring")
        return Topology(name: "ring(n=\(n))", nodeCount: n, edges: (0..<n).map { Edge($0, ($0 + 1) % n) })
    }

    /// Node 0 is the hub linked to all others: diameter 2 (1 when n = 2).
    public static func star(nodes n: Int) throws(TopologyError) -> Topology {
        try requireNodes(n, minimum: 2, kind: "star")
        return Topology(name: "star(n=\(n))", nodeCount: n, edges: (1..<n).map { Edge(0, $0) })
    }

    static func requireNodes(_ n: Int, minimum: Int, kind: String) throws(TopologyError) {
        if n < minimum { throw .tooFewNodes(kind: kind, nodes: n, minimum: minimum) }
    }
}
