import Foundation
import Mesh

/// `bench serve`: a mesh of our nodes, each its own `bench node` process, formed exactly as a
/// `--process-per-node` benchmark forms it, then left running for outside NIP-01 clients (such
/// as `bench --target`) until stopped. Each node's client address is `ws://127.0.0.1:PORT/nostr`.
public final class ServedMesh: Sendable {
    private let mesh: ProcessMesh
    public let topology: Topology

    private init(mesh: ProcessMesh, topology: Topology) {
        self.mesh = mesh
        self.topology = topology
    }

    /// Starts the nodes and waits until every link is ready. The TTL covers the longest simple
    /// path, as in measurement meshes, so every event reaches every node.
    public static func start(
        topology: Topology, seed: UInt64, executable: String?, storage: URL,
        linkTimeout: Double
    ) async throws -> ServedMesh {
        let node = BenchSettings(seed: seed, workDirectory: storage.path).measurementNode(nodes: topology.nodeCount)
        let mesh = try await ProcessMesh.start(
            topology: topology, node: node, seed: seed, executable: executable,
            storage: storage, linkTimeout: linkTimeout)
        return ServedMesh(mesh: mesh, topology: topology)
    }

    /// Every node's NIP-01 address, by node index.
    public var clientURLs: [String] { mesh.ports.map { "ws://127.0.0.1:\($0)/nostr" } }

    /// The node processes' ids, by node index.
    public var processIDs: [Int32] { mesh.nodeProcessIDs ?? [] }

    /// A targets file for `bench --targets`: the nodes labelled `node-<i>`, the topology's links,
    /// and where they run (`process-per-node`, which the run header carries).
    public func targetsFile() throws -> Data {
        let relays = clientURLs.enumerated().map { ["label": "node-\($0.offset)", "url": $0.element] }
        let links = topology.edges.map { ["node-\($0.a)", "node-\($0.b)"] }
        return try JSONSerialization.data(
            withJSONObject: ["relays": relays, "links": links, "placement": "process-per-node"] as [String: Any],
            options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }

    /// Stops every node (killing any that does not exit within 5 s) and removes their stores.
    public func stop() async {
        await mesh.shutdown()
    }
}
