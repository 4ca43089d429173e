import BenchFormats

/// What a recorded link list is, computed from the links themselves (never from a label bench
/// might have got wrong): its family name and its BFS diameter.
struct TopologyShape {
    let nodes: Int
    let adjacency: [Set<Int>]

    /// `edges` must name nodes in `0..<nodes`; self-loops and repeated links count once.
    init(nodes: Int, edges: [Edge]) {
        self.nodes = nodes
        var adjacency = [Set<Int>](repeating: [], count: nodes)
        for e in edges where e.a != e.b {
            adjacency[e.a].insert(e.b)
            adjacency[e.b].insert(e.a)
        }
        self.adjacency = adjacency
    }

    var linkCount: Int { adjacency.reduce(0) { $0 + $1.count } / 2 }

    /// `full`, `ring`, `line`, `star`, `k-regular` (every node of degree k) or `mesh`;
    /// `disconnected` when some node cannot reach another (a ring or line needs connectivity).
    var kind: String {
        let degrees = adjacency.map(\.count)
        guard nodes > 1 else { return "single node" }
        guard isConnected else { return "disconnected" }
        if linkCount == nodes * (nodes - 1) / 2 { return "full" }
        if degrees.allSatisfy({ $0 == 2 }) { return "ring" }
        if linkCount == nodes - 1 && degrees.allSatisfy({ $0 <= 2 }) { return "line" }
        if linkCount == nodes - 1 && degrees.filter({ $0 == 1 }).count == nodes - 1 { return "star" }
        if let k = degrees.first, degrees.allSatisfy({ $0 == k }) { return "\(k)-regular" }
        return "mesh"
    }

    /// Largest shortest-path distance between two connected nodes, in hops (0 for one node).
    var diameter: Int {
        (0..<nodes).map { distances(from: $0).max() ?? 0 }.max() ?? 0
    }

    var isConnected: Bool { nodes == 0 || distances(from: 0).count == nodes }

    /// Hop distances from `source` to every node it reaches (breadth-first).
    func distances(from source: Int) -> [Int] {
        var distance = [Int?](repeating: nil, count: nodes)
        distance[source] = 0
        var frontier = [source]
        var reached: [Int] = [0]
        while !frontier.isEmpty {
            var next: [Int] = []
            for node in frontier {
                for peer in adjacency[node] where distance[peer] == nil {
                    distance[peer] = distance[node]! + 1
                    reached.append(distance[node]! + 1)
                    next.append(peer)
                }
            }
            frontier = next
        }
        return reached
    }
}
