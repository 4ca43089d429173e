import Foundation
import Mesh

/// Everything one standalone node server needs, resolved from its flags or from a mesh file:
/// its index, the address it binds, its peers with their addresses (the ones of higher index it
/// dials), the seed its link credentials derive from, its TTL and its store.
public struct NodeServerPlan: Sendable, Equatable {
    public var index: Int
    public var listen: HostPort
    public var peers: [PeerAddress]
    public var seed: UInt64
    public var ttl: Int
    /// The SQLite store; nil: a temporary file, removed when the server stops.
    public var storePath: String?
    /// Delay the node adds before forwarding (µs, `--inject-delay-us`): a known regression.
    public var injectedDelayMicros = 0

    /// The peers this node dials: those of higher index (the other side dials the rest).
    public var dialled: [PeerAddress] { peers.filter { $0.index > index } }

    /// The flags of `bench node-server`, as given (nil: not given).
    public struct Flags: Sendable {
        public var index: Int?
        public var hostname: String?
        public var listen: String?
        public var peers: [String] = []
        public var seed: UInt64?
        public var ttl: Int?
        public var meshPath: String?
        public var storePath: String?
        public var injectedDelayMicros = 0

        public init() {}
    }

    /// Resolves the flags; with `--mesh` the peers, seed and TTL come from the file, and the
    /// listen address defaults to 127.0.0.1 on the port of the node's own entry.
    public static func resolve(_ flags: Flags) throws(StandaloneConfigError) -> NodeServerPlan {
        let index = try resolveIndex(flags)
        // The delay becomes nanoseconds in the node: at most 60 s keeps it far inside UInt64.
        guard (0...60_000_000).contains(flags.injectedDelayMicros) else {
            throw .invalid(
                place: "--inject-delay-us \(flags.injectedDelayMicros)", reason: "must be 0 to 60,000,000 (60 s)")
        }
        var plan = try resolvePeers(flags, index: index)
        plan.injectedDelayMicros = flags.injectedDelayMicros
        return plan
    }

    private static func resolvePeers(_ flags: Flags, index: Int) throws(StandaloneConfigError) -> NodeServerPlan {
        var listen: HostPort?
        if let text = flags.listen {
            do { listen = try HostPort(parsing: text) } catch {
                throw .invalid(place: "--listen \(text)", reason: error.description)
            }
        }
        if let meshPath = flags.meshPath {
            guard flags.peers.isEmpty, flags.seed == nil, flags.ttl == nil else {
                throw .invalid(
                    place: "--mesh \(meshPath)",
                    reason: "the mesh file gives the peers, seed and TTL; leave out --peer, --seed and --ttl")
            }
            let mesh = try MeshFile.load(path: meshPath)
            guard index < mesh.nodes.count else {
                throw .invalid(place: "--index \(index)", reason: "\(meshPath) has nodes 0..<\(mesh.nodes.count)")
            }
            let own = mesh.nodes[index]
            return NodeServerPlan(
                index: index, listen: listen ?? HostPort(host: "127.0.0.1", port: own.port),
                peers: mesh.peers(of: index),
                seed: mesh.seed, ttl: mesh.ttl, storePath: flags.storePath)
        }
        var peers: [PeerAddress] = []
        for text in flags.peers {
            let place = "--peer \(text)"
            guard let equals = text.firstIndex(of: "="), let peer = Int(text[..<equals]), peer >= 0 else {
                throw .invalid(place: place, reason: "write INDEX=HOST:PORT, e.g. --peer 4=198.18.1.14:7000")
            }
            let address: HostPort
            do { address = try HostPort(parsing: String(text[text.index(after: equals)...])) } catch {
                throw .invalid(place: place, reason: error.description)
            }
            guard peer != index else {
                throw .invalid(place: place, reason: "a node does not link to itself (--index \(index))")
            }
            guard address.port != 0 else {
                throw .invalid(place: place, reason: "port 0 cannot be dialled; give the port the peer listens on")
            }
            guard !peers.contains(where: { $0.index == peer }) else {
                throw .invalid(place: place, reason: "peer \(peer) is given twice")
            }
            peers.append(PeerAddress(index: peer, host: address.host, port: address.port))
        }
        guard !peers.isEmpty else {
            throw .invalid(
                place: "--peer",
                reason: "give the node's peers (--peer INDEX=HOST:PORT, repeatable) or a mesh file (--mesh FILE)")
        }
        let ttl = flags.ttl ?? NodeConfig().ttl
        guard ttl >= 1 else { throw .invalid(place: "--ttl \(ttl)", reason: "must be at least 1") }
        return NodeServerPlan(
            index: index, listen: listen ?? HostPort(host: "127.0.0.1", port: 0),
            peers: peers.sorted { $0.index < $1.index },
            seed: flags.seed ?? 1, ttl: ttl, storePath: flags.storePath)
    }

    /// `--index N`, or the number after the last `-` of the host name's first label (a
    /// StatefulSet pod is named `<set>-<ordinal>`).
    private static func resolveIndex(_ flags: Flags) throws(StandaloneConfigError) -> Int {
        if let index = flags.index {
            guard index >= 0 else { throw .invalid(place: "--index \(index)", reason: "must be 0 or more") }
            return index
        }
        guard let hostname = flags.hostname else {
            throw .invalid(place: "--index", reason: "give the node's index (--index N) or --index-from-hostname")
        }
        // A fully qualified name (`meshbench-node-3.meshbench-node.default.svc…`) counts by its first label.
        let name = hostname.prefix { $0 != "." }
        guard let dash = name.lastIndex(of: "-"), let index = Int(name[name.index(after: dash)...]), index >= 0 else {
            throw .invalid(
                place: "--index-from-hostname",
                reason: "the host name \"\(hostname)\" does not end in -<number> (a StatefulSet pod's ordinal)")
        }
        return index
    }
}
