import DequeModule

extension Topology {
    /// Hop distances from `source` by breadth-first search; `nil` for nodes it cannot reach.
    public func distances(from source: Int) -> [Int?] {
        var dist = [Int?](repeating: nil, count: nodeCount)
        var queue: Deque<Int> = [source]
        dist[source] = 0
        while let u = queue.popFirst() {
            let next = dist[u]! + 1
            for v in neighbors[u] where dist[v] == nil {
                dist[v] = next
                queue.append(v)
            }
        }
        return dist
    }

    /// Hop distances from `source` with links in `excluded` treated as absent (a dropped link or a
    /// stopped node's links), so a test can say which nodes are still reachable.
    public func distances(from source: Int, excluding excluded: Set<Edge>) -> [Int?] {
        Topology(name: name, nodeCount: nodeCount, edges: edges.filter { !excluded.contains($0) })
            .distances(from: source)
    }

    public var isConnected: Bool {
        nodeCount == 0 || distances(from: 0).allSatisfy { $0 != nil }
    }

    /// The longest shortest path between any two nodes; `nil` when the graph is disconnected.
    public var diameter: Int? {
        var longest = 0
        for source in 0..<nodeCount {
            for d in distances(from: source) {
                guard let d else { return nil }
                longest = max(longest, d)
            }
        }
        return longest
    }
}
