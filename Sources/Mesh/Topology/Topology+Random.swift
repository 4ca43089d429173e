import SeededRandom

extension Topology {
    /// A uniformly-ish random connected k-regular graph, reproducible for a seed.
    ///
    /// Pairing model with the Steger–Wormald refinement: free "stubs" (k per node) are paired at
    /// random, refusing pairs that would create a self-loop or a double link; an attempt that gets
    /// stuck, or ends disconnected, restarts with the generator's next state.
    public static func randomRegular(
        nodes n: Int, degree k: Int, seed: UInt64, maxAttempts: Int = 200
    ) throws(TopologyError) -> Topology {
        let kind = "random-regular"
        try requireNodes(n, minimum: 2, kind: kind)
        guard k >= 1, k < n else { throw .degreeOutOfRange(kind: kind, nodes: n, degree: k) }
        guard (n * k) % 2 == 0 else { throw .oddStubCount(nodes: n, degree: k) }
        var rng = SplitMix64(seed: seed)
        for _ in 0..<maxAttempts {
            if let edges = pairStubs(nodes: n, degree: k, rng: &rng) {
                let t = Topology(name: "random-regular(n=\(n),k=\(k),seed=\(seed))", nodeCount: n, edges: edges)
                if t.isConnected { return t }
            }
        }
        throw .generationFailed(kind: kind, attempts: maxAttempts)
    }

    /// Watts–Strogatz small world: a ring lattice where each node links to its k/2 nearest
    /// neighbours on each side, each lattice link rewired with probability β to a random node;
    /// reproducible for a seed and retried until connected.
    public static func smallWorld(
        nodes n: Int, degree k: Int, rewiring beta: Double, seed: UInt64, maxAttempts: Int = 200
    ) throws(TopologyError) -> Topology {
        let kind = "small-world"
        try requireNodes(n, minimum: 3, kind: kind)
        guard k >= 2, k < n else { throw .degreeOutOfRange(kind: kind, nodes: n, degree: k) }
        guard k % 2 == 0 else { throw .oddDegree(kind: kind, degree: k) }
        guard beta >= 0, beta <= 1 else { throw .probabilityOutOfRange(beta: beta) }
        var rng = SplitMix64(seed: seed)
        for _ in 0..<maxAttempts {
            let edges = rewiredLattice(nodes: n, degree: k, beta: beta, rng: &rng)
            let t = Topology(name: "small-world(n=\(n),k=\(k),beta=\(beta),seed=\(seed))", nodeCount: n, edges: edges)
            if t.isConnected { return t }
        }
        throw .generationFailed(kind: kind, attempts: maxAttempts)
    }

    /// One pairing attempt; `nil` when it gets stuck with stubs that cannot be paired.
    private static func pairStubs(nodes n: Int, degree k: Int, rng: inout SplitMix64) -> [Edge]? {
        var stubs = (0..<n).flatMap { Array(repeating: $0, count: k) }
        var adjacent = Array(repeating: Set<Int>(), count: n)
        var edges: [Edge] = []
        func suitable(_ i: Int, _ j: Int) -> Bool {
            i != j && stubs[i] != stubs[j] && !adjacent[stubs[i]].contains(stubs[j])
        }
        while !stubs.isEmpty {
            var pick: (Int, Int)?
            for _ in 0..<(4 * stubs.count + 16) {
                let i = rng.next(below: stubs.count), j = rng.next(below: stubs.count)
                if suitable(i, j) { pick = (i, j); break }
            }
            if pick == nil {
                var candidates: [(Int, Int)] = []
                for i in 0..<stubs.count {
                    for j in (i + 1)..<stubs.count where suitable(i, j) { candidates.append((i, j)) }
                }
                guard !candidates.isEmpty else { return nil }
                pick = candidates[rng.next(below: candidates.count)]
            }
            let (i, j) = pick!
            let u = stubs[i], v = stubs[j]
            adjacent[u].insert(v)
            adjacent[v].insert(u)
            edges.append(Edge(u, v))
            for index in [max(i, j), min(i, j)] {
                stubs.swapAt(index, stubs.count - 1)
                stubs.removeLast()
            }
        }
        return edges
    }

    private static func rewiredLattice(nodes n: Int, degree k: Int, beta: Double, rng: inout SplitMix64) -> [Edge] {
        var adjacent = Array(repeating: Set<Int>(), count: n)
        for i in 0..<n {
            for j in 1...(k / 2) {
                let v = (i + j) % n
                adjacent[i].insert(v)
                adjacent[v].insert(i)
            }
        }
        for j in 1...(k / 2) {
            for i in 0..<n {
                let v = (i + j) % n
                guard adjacent[i].contains(v), rng.nextUnit() < beta, adjacent[i].count < n - 1 else { continue }
                var w = rng.next(below: n)
                while w == i || adjacent[i].contains(w) { w = rng.next(below: n) }
                adjacent[i].remove(v)
                adjacent[v].remove(i)
                adjacent[i].insert(w)
                adjacent[w].insert(i)
            }
        }
        var edges: [Edge] = []
        for u in 0..<n { for v in adjacent[u] where u < v { edges.append(Edge(u, v)) } }
        return edges
    }
}
