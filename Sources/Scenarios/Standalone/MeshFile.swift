import Foundation
import Mesh

/// A whole mesh of standalone nodes in one JSON file, the same for every node (a Kubernetes
/// ConfigMap, a network-namespace run): the seed that link credentials and keys derive from,
/// the TTL, each node's address by index, and the links.
///
///     {"seed": 1, "ttl": 9, "nodes": ["198.18.1.10:7000", "198.18.1.11:7000"], "links": [[0, 1]]}
///
/// A node reads its own entry (`--index`) for its port and its neighbours' entries for whom to
/// link with; the lower index of each link dials.
public struct MeshFile: Sendable, Equatable {
    public var seed: UInt64
    public var ttl: Int
    public var nodes: [HostPort]
    public var links: [Edge]

    /// Largest mesh file read; bigger is refused before parsing.
    public static let maximumFileBytes = 1 << 20

    public init(seed: UInt64, ttl: Int, nodes: [HostPort], links: [Edge]) {
        self.seed = seed
        self.ttl = ttl
        self.nodes = nodes
        self.links = links
    }

    /// A mesh of `topology` with node *i* at `addresses[i]`, and the TTL of measurement meshes
    /// (n − 1, the longest simple path, so every event reaches every node).
    public init(topology: Topology, addresses: [HostPort], seed: UInt64) {
        self.init(seed: seed, ttl: max(1, topology.nodeCount - 1), nodes: addresses, links: topology.edges)
    }

    /// The neighbours of node `index`, with their addresses.
    public func peers(of index: Int) -> [PeerAddress] {
        links.compactMap { link -> Int? in
            if link.a == index { return link.b }
            if link.b == index { return link.a }
            return nil
        }.sorted().map { PeerAddress(index: $0, host: nodes[$0].host, port: nodes[$0].port) }
    }

    public func json() throws -> Data {
        let object: [String: Any] = [
            "seed": seed, "ttl": ttl,
            "nodes": nodes.map(\.description),
            "links": links.map { [$0.a, $0.b] },
        ]
        return try JSONSerialization.data(
            withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }

    /// A targets file for `bench --targets`: each node's NIP-01 address, labelled `node-<i>`,
    /// the links, so propagation is also given per hop, and where the nodes run (`placement`).
    public func targetsJSON(placement: String? = nil) throws -> Data {
        let relays = nodes.enumerated().map { ["label": "node-\($0.offset)", "url": "ws://\($0.element)/nostr"] }
        let links = links.map { ["node-\($0.a)", "node-\($0.b)"] }
        var object: [String: Any] = ["relays": relays, "links": links]
        if let placement { object["placement"] = placement }
        return try JSONSerialization.data(
            withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }

    public static func load(path: String) throws(StandaloneConfigError) -> MeshFile {
        let data: Data
        do {
            let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            guard size <= maximumFileBytes else {
                throw StandaloneConfigError.invalid(
                    place: path, reason: "larger than \(maximumFileBytes) bytes; a mesh file lists nodes and links only"
                )
            }
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch let error as StandaloneConfigError {
            throw error
        } catch {
            throw .invalid(
                place: path, reason: "cannot read: \(error.localizedDescription). Check the path and its permissions")
        }
        return try parse(data, path: path)
    }

    public static func parse(_ data: Data, path: String) throws(StandaloneConfigError) -> MeshFile {
        let form = #"expected {"seed": 1, "ttl": 9, "nodes": ["HOST:PORT", …], "links": [[0, 1], …]}"#
        guard data.count <= maximumFileBytes else {
            throw .invalid(
                place: path, reason: "larger than \(maximumFileBytes) bytes; a mesh file lists nodes and links only")
        }
        guard let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw .invalid(place: path, reason: "not a JSON object; \(form)")
        }
        guard let seedNumber = root["seed"] as? NSNumber, let seed = UInt64(seedNumber.stringValue) else {
            throw .invalid(
                place: "\(path): seed",
                reason: "missing or not a whole number ≥ 0; every node of a mesh needs the same seed")
        }
        guard let ttl = root["ttl"] as? Int, ttl >= 1 else {
            throw .invalid(
                place: "\(path): ttl",
                reason: "missing or not a whole number ≥ 1; use the node count − 1 so every event reaches every node")
        }
        guard let list = root["nodes"] as? [Any], list.count >= 2 else {
            throw .invalid(place: "\(path): nodes", reason: "missing or fewer than 2 nodes; \(form)")
        }
        var nodes: [HostPort] = []
        for (i, item) in list.enumerated() {
            guard let text = item as? String else {
                throw .invalid(place: "\(path): nodes[\(i)]", reason: "not a string; write \"HOST:PORT\"")
            }
            let address: HostPort
            do {
                address = try HostPort(parsing: text)
            } catch {
                throw .invalid(place: "\(path): nodes[\(i)]", reason: error.description)
            }
            guard address.port != 0 else {
                throw .invalid(
                    place: "\(path): nodes[\(i)]", reason: "port 0 cannot be dialled; give the port the node listens on"
                )
            }
            nodes.append(address)
        }
        guard let pairs = root["links"] as? [Any] else {
            throw .invalid(place: "\(path): links", reason: "missing or not a list; \(form)")
        }
        var links: [Edge] = []
        var seen = Set<Edge>()
        for (i, pair) in pairs.enumerated() {
            guard let ends = pair as? [Int], ends.count == 2, ends.allSatisfy({ (0..<nodes.count).contains($0) }),
                ends[0] != ends[1]
            else {
                throw .invalid(
                    place: "\(path): links[\(i)]",
                    reason: "a link is two different node indices in 0..<\(nodes.count), e.g. [0, 1]")
            }
            let edge = Edge(ends[0], ends[1])
            guard seen.insert(edge).inserted else {
                throw .invalid(place: "\(path): links[\(i)]", reason: "[\(edge.a), \(edge.b)] is listed twice")
            }
            links.append(edge)
        }
        return MeshFile(seed: seed, ttl: ttl, nodes: nodes, links: links)
    }
}
