import Mesh

/// The topology families a scalability scenario can be built on (`--topology`), with the degree
/// each uses by default. Seeded: the same seed builds the same graph.
public enum TopologyFamily: String, CaseIterable, Sendable {
    case randomRegular = "random-regular"
    case smallWorld = "small-world"
    case fullMesh = "full-mesh"
    case ring
    case line
    case star

    /// Valid names, for error messages.
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// Rewiring probability of the small-world family (Watts–Strogatz β).
    public static let smallWorldRewiring = 0.2

    /// The degree used when `--degree` is not given: 4 keeps the diameter of a random graph at
    /// 25 nodes within the story's 5 hops (log₃ 25 ≈ 3) while every node still has few links.
    public func defaultDegree(nodes: Int) -> Int {
        switch self {
        case .randomRegular: return min(4, nodes - 1)
        case .smallWorld: return max(2, min(4, (nodes - 1) / 2 * 2))
        case .fullMesh: return nodes - 1
        case .ring: return 2
        case .line, .star: return 1
        }
    }

    /// Whether `degree` is a parameter of the family (others ignore `--degree`).
    public var usesDegree: Bool { self == .randomRegular || self == .smallWorld }

    public func build(nodes: Int, degree: Int, seed: UInt64) throws(TopologyError) -> Topology {
        switch self {
        case .randomRegular: return try .randomRegular(nodes: nodes, degree: degree, seed: seed)
        case .smallWorld:
            return try .smallWorld(nodes: nodes, degree: degree, rewiring: Self.smallWorldRewiring, seed: seed)
        case .fullMesh: return try .fullMesh(nodes: nodes)
        case .ring: return try .ring(nodes: nodes)
        case .line: return try .line(nodes: nodes)
        case .star: return try .star(nodes: nodes)
        }
    }
}
