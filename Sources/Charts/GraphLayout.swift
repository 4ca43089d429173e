import Foundation

/// How node positions are chosen.
public enum GraphLayout: Hashable, Sendable {
    /// Nodes evenly on a circle, in the given order (rings, full meshes).
    case circular
    /// Fruchterman & Reingold's force-directed layout ("Graph Drawing by Force-directed
    /// Placement", 1991), started from seeded random positions so the picture is reproducible.
    case forceDirected(seed: UInt64, iterations: Int = 300)

    /// Positions in the unit square [0, 1]², one per node.
    public func positions(nodeCount: Int, edges: [GraphEdge]) -> [Point] {
        guard nodeCount > 0 else { return [] }
        switch self {
        case .circular:
            guard nodeCount > 1 else { return [Point(x: 0.5, y: 0.5)] }
            return (0..<nodeCount).map { index in
                let angle = 2 * Double.pi * Double(index) / Double(nodeCount) - Double.pi / 2
                return Point(x: 0.5 + 0.5 * cos(angle), y: 0.5 + 0.5 * sin(angle))
            }
        case let .forceDirected(seed, iterations):
            return GraphLayout.fruchtermanReingold(
                nodeCount: nodeCount, edges: edges, seed: seed, iterations: iterations)
        }
    }

    /// Repulsion k²/d between all pairs, attraction d²/k along edges, displacement capped by a
    /// temperature that cools linearly; finally scaled into the unit square.
    static func fruchtermanReingold(nodeCount n: Int, edges: [GraphEdge], seed: UInt64, iterations: Int) -> [Point] {
        var state = seed
        func uniform() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Double((z ^ (z >> 31)) >> 11) / 9_007_199_254_740_992
        }
        var x = (0..<n).map { _ in uniform() }
        var y = (0..<n).map { _ in uniform() }
        let k = sqrt(1.0 / Double(n))
        let valid = edges.filter { $0.from != $0.to && (0..<n).contains($0.from) && (0..<n).contains($0.to) }
        let rounds = max(1, iterations)
        for round in 0..<rounds {
            let temperature = 0.1 * (1 - Double(round) / Double(rounds)) + 0.002
            var dx = [Double](repeating: 0, count: n)
            var dy = [Double](repeating: 0, count: n)
            for i in 0..<n {
                for j in (i + 1)..<n {
                    let ddx = x[i] - x[j], ddy = y[i] - y[j]
                    let distance = max(1e-4, sqrt(ddx * ddx + ddy * ddy))
                    let force = k * k / distance
                    dx[i] += ddx / distance * force; dy[i] += ddy / distance * force
                    dx[j] -= ddx / distance * force; dy[j] -= ddy / distance * force
                }
            }
            for edge in valid {
                let ddx = x[edge.from] - x[edge.to], ddy = y[edge.from] - y[edge.to]
                let distance = max(1e-4, sqrt(ddx * ddx + ddy * ddy))
                let force = distance * distance / k
                dx[edge.from] -= ddx / distance * force; dy[edge.from] -= ddy / distance * force
                dx[edge.to] += ddx / distance * force; dy[edge.to] += ddy / distance * force
            }
            for i in 0..<n {
                let length = max(1e-9, sqrt(dx[i] * dx[i] + dy[i] * dy[i]))
                let step = min(length, temperature)
                x[i] += dx[i] / length * step
                y[i] += dy[i] / length * step
            }
        }
        let minX = x.min()!, maxX = x.max()!, minY = y.min()!, maxY = y.max()!
        let span = max(maxX - minX, maxY - minY, 1e-9)
        return (0..<n).map {
            Point(x: 0.5 + (x[$0] - (minX + maxX) / 2) / span, y: 0.5 + (y[$0] - (minY + maxY) / 2) / span)
        }
    }
}
