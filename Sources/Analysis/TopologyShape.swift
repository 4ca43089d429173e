import BenchFormats

/// What a recorded link list is, computed from the links themselves (never from a label bench
/// might have got wrong): its family name and its BFS diameter.
///
/// Adjacency is compressed (one flat array of neighbours, an offset per node) and each BFS reuses
/// one distance buffer: the diameter costs nodes × (nodes + links) steps without hashing or
/// allocation, which the readers' caps (`InputCap.topologyNodes`, `.topologyLinks`) bound.
struct TopologyShape {
    let nodes: Int
    /// Neighbours of node i: `neighbours[offsets[i]..<offsets[i + 1]]`, each link once per end.
    private let offsets: [Int]
    private let neighbours: [Int]

    /// `edges` must name nodes in `0..<nodes`; self-loops and repeated links count once.
    init(nodes: Int, edges: [Edge]) {
        self.nodes = nodes
        var ends: [(Int, Int)] = []
        ends.reserveCapacity(2 * edges.count)
        for e in edges where e.a != e.b {
            ends.append((e.a, e.b))
            ends.append((e.b, e.a))
        }
        ends.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        var offsets = [Int](repeating: 0, count: nodes + 1)
        var neighbours: [Int] = []
        neighbours.reserveCapacity(ends.count)
        var previous: (Int, Int)?
        for end in ends where previous.map({ $0 != end }) ?? true {
            neighbours.append(end.1)
            offsets[end.0 + 1] += 1
            previous = end
        }
        for i in 0..<nodes { offsets[i + 1] += offsets[i] }
        self.offsets = offsets
        self.neighbours = neighbours
    }

    var linkCount: Int { neighbours.count / 2 }

    func degree(_ node: Int) -> Int { offsets[node + 1] - offsets[node] }

    /// `full`, `ring`, `line`, `star`, `k-regular` (every node of degree k) or `mesh`;
    /// `disconnected` when some node cannot reach another (a ring or line needs connectivity).
    var kind: String {
        let degrees = (0..<nodes).map(degree)
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
        var distance = [Int](repeating: -1, count: nodes)
        var queue = [Int](repeating: 0, count: nodes)
        var widest = 0
        for source in 0..<nodes {
            widest = max(widest, bfs(from: source, distance: &distance, queue: &queue).eccentricity)
        }
        return widest
    }

    var isConnected: Bool {
        guard nodes > 0 else { return true }
        var distance = [Int](repeating: -1, count: nodes)
        var queue = [Int](repeating: 0, count: nodes)
        return bfs(from: 0, distance: &distance, queue: &queue).reached == nodes
    }

    /// Hop distances from `source` to every node it reaches (breadth-first).
    func distances(from source: Int) -> [Int] {
        var distance = [Int](repeating: -1, count: nodes)
        var queue = [Int](repeating: 0, count: nodes)
        let reached = bfs(from: source, distance: &distance, queue: &queue).reached
        return queue[0..<reached].map { distance[$0] }
    }

    /// One breadth-first search; `distance` must be all -1 on entry and is left so on return.
    private func bfs(from source: Int, distance: inout [Int], queue: inout [Int]) -> (reached: Int, eccentricity: Int) {
        distance[source] = 0
        queue[0] = source
        var head = 0, tail = 1
        while head < tail {
            let node = queue[head]
            head += 1
            let next = distance[node] + 1
            for i in offsets[node]..<offsets[node + 1] where distance[neighbours[i]] < 0 {
                distance[neighbours[i]] = next
                queue[tail] = neighbours[i]
                tail += 1
            }
        }
        let eccentricity = distance[queue[tail - 1]]
        for i in 0..<tail { distance[queue[i]] = -1 }
        return (tail, eccentricity)
    }
}
