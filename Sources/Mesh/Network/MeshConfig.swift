import Foundation

/// Which transport carries the frames: real sockets or the deterministic simulation.
public enum TransportKind: Sendable, Equatable {
    /// BTP over WebSocket on 127.0.0.1, one event loop per node (shared group, one thread per core).
    case loopback
    /// The same node logic on a virtual clock with a seeded link model; results are simulated.
    case simulated(LinkModel)

    /// "real" or "simulated": how results from this transport must be labelled.
    public var mode: String {
        switch self {
        case .loopback: return "real"
        case .simulated: return "simulated"
        }
    }
}

/// Everything needed to bring a mesh up.
public struct MeshConfig: Sendable {
    public var topology: Topology
    public var node: NodeConfig
    public var transport: TransportKind
    /// Seeds the signing keys, link credentials and (in simulation) the link model's draws.
    public var seed: UInt64
    /// Parent folder for the per-network folder of SQLite files (default: the system temporary folder).
    public var storageDirectory: URL?
    /// Event loop threads for the loopback transport (default: one per core).
    public var threads: Int?

    public init(
        topology: Topology, node: NodeConfig = NodeConfig(), transport: TransportKind = .loopback,
        seed: UInt64 = 1, storageDirectory: URL? = nil, threads: Int? = nil
    ) {
        self.topology = topology
        self.node = node
        self.transport = transport
        self.seed = seed
        self.storageDirectory = storageDirectory
        self.threads = threads
    }
}

/// When and how far from its publisher a node first held an event.
public struct Arrival: Sendable, Equatable {
    public let node: Int
    /// Network time in ns: the shared monotonic clock (real) or the virtual clock (simulated).
    public let time: UInt64
    /// Links travelled from the publisher (0 at the publisher), from the TTL the event arrived with.
    public let hops: Int
    /// The peer it came from (nil at the publisher).
    public let from: Int?

    /// Public so an arrival reported by another process (process-per-node runs) can be rebuilt.
    public init(node: Int, time: UInt64, hops: Int, from: Int?) {
        self.node = node
        self.time = time
        self.hops = hops
        self.from = from
    }
}

/// Why a network operation failed; each names the nodes involved.
public enum MeshError: Error, CustomStringConvertible {
    case propagationTimeout(eventId: String, missing: [Int], waitedNanoseconds: UInt64)
    case linksNotReady(missing: [Edge], waitedNanoseconds: UInt64)
    case notIdle(busyNodes: [Int], waitedNanoseconds: UInt64)
    case noSuchNode(Int, nodeCount: Int)
    case nodeStopped(Int)
    case nodeRunning(Int)
    case noSuchLink(Edge)
    case storage(path: String, reason: String)
    case shutDown

    public var description: String {
        switch self {
        case let .propagationTimeout(id, missing, waited):
            return
                "Event \(id.prefix(16))… did not reach node(s) \(missing.map(String.init).joined(separator: ", ")) within \(Double(waited) / 1e6) ms; check that they are running and connected to the publisher within the TTL."
        case let .linksNotReady(missing, waited):
            return
                "Link(s) \(missing.map(\.description).joined(separator: ", ")) did not finish BTP auth and the REQ exchange within \(Double(waited) / 1e6) ms."
        case let .notIdle(busy, waited):
            return
                "Node(s) \(busy.map(String.init).joined(separator: ", ")) still waited for answers to their Prepares after \(Double(waited) / 1e6) ms; a peer is stuck or a frame was lost."
        case let .noSuchNode(node, count):
            return "Node \(node) does not exist; nodes are 0…\(count - 1)."
        case let .nodeStopped(node):
            return "Node \(node) is stopped; restart it first (restartNode)."
        case let .nodeRunning(node):
            return "Node \(node) is already running; stop it first (stopNode)."
        case let .noSuchLink(edge):
            return "Link \(edge) is not in the topology."
        case let .storage(path, reason):
            return "Storage folder \(path): \(reason)."
        case .shutDown:
            return "The network was shut down; start a new one."
        }
    }
}
