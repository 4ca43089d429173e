import ArgumentParser
import Mesh

/// The topology families `bench trace` and `bench topology` can build, by command-line name.
enum TopologyFamilyName: String, CaseIterable, ExpressibleByArgument {
    case full, line, ring, star, regular
    case smallWorld = "small-world"

    static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// `--nodes --topology --degree --rewiring --seed`: which mesh to build. Invalid combinations
/// (too few nodes, a degree the family cannot have) come back from `Topology` as typed errors
/// and end the command with exit code 2 and the valid choices.
struct MeshShapeOptions: ParsableArguments {
    @Option(help: "Number of nodes (at least 2; 3 for ring and small-world).")
    var nodes = 10

    @Option(help: ArgumentHelp("Topology family: \(TopologyFamilyName.names).", valueName: "family"))
    var topology: String = "regular"

    @Option(help: "Degree k of regular (n·k even, k < n) and small-world (even, k < n) meshes.")
    var degree = 4

    @Option(help: "Small-world rewiring probability β in [0, 1].")
    var rewiring = 0.2

    @Option(help: "Seed of the random topologies and of the node keys.")
    var seed: UInt64 = 1

    func validate() throws {
        guard TopologyFamilyName(rawValue: topology) != nil else {
            throw ValidationError("unknown topology '\(topology)'; valid topologies: \(TopologyFamilyName.names)")
        }
    }

    /// Builds the topology, turning `TopologyError` into a usage error (exit 2) that names the
    /// valid parameters.
    func build() throws -> Topology {
        let family = TopologyFamilyName(rawValue: topology)!
        do {
            switch family {
            case .full: return try .fullMesh(nodes: nodes)
            case .line: return try .line(nodes: nodes)
            case .ring: return try .ring(nodes: nodes)
            case .star: return try .star(nodes: nodes)
            case .regular: return try .randomRegular(nodes: nodes, degree: degree, seed: seed)
            case .smallWorld: return try .smallWorld(nodes: nodes, degree: degree, rewiring: rewiring, seed: seed)
            }
        } catch {
            throw UsageError(
                "\(error.description) (--nodes \(nodes) --topology \(topology)\(family.usesDegree ? " --degree \(degree)" : ""))"
            )
        }
    }
}

extension TopologyFamilyName {
    var usesDegree: Bool { self == .regular || self == .smallWorld }
}
