import Foundation
import NIOConcurrencyHelpers
import Mesh
import Nostr

/// `--process-per-node`: every node is its own `bench node` OS process on loopback WebSocket,
/// driven over its control channel, so memory and CPU are read per node from /proc/<pid>.
/// Links, keys and credentials are derived from the seed exactly as `MeshNetwork` does.
///
/// `@unchecked Sendable`. Invariant: `children` and `ports` are written only by `form`, before
/// `start` returns the mesh, and only read after; the arrival handler, set from any thread and
/// called on the children's reader threads, is under `lock`. `ProcessPerNodeTests` drives it while
/// arrivals stream in from every child's thread.
final class ProcessMesh: MeshUnderTest, @unchecked Sendable {
    let topology: Topology
    var nodeCount: Int { topology.nodeCount }
    private let seed: UInt64
    private let folder: URL
    private var children: [NodeProcess] = []
    private let lock = NIOLock()
    private var handler: (@Sendable (String, Arrival) -> Bool)?
    /// Each node's listener port (BTP links on /btp, NIP-01 clients on /nostr), once formed.
    private(set) var ports: [Int] = []

    /// Spawns the nodes, forms the topology and returns once every link is ready; on any
    /// failure every child already started is stopped and the storage folder removed.
    static func start(
        topology: Topology, node: NodeConfig, seed: UInt64, executable: String?,
        storage: URL, linkTimeout: Double
    ) async throws -> ProcessMesh {
        guard let executable else { throw ProcessMeshError.noExecutable }
        let folder = storage.appendingPathComponent("process-mesh-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let mesh = ProcessMesh(topology: topology, seed: seed, folder: folder)
        do {
            try await mesh.form(node: node, executable: executable, linkTimeout: linkTimeout)
        } catch {
            await mesh.shutdown()
            throw error
        }
        return mesh
    }

    private init(topology: Topology, seed: UInt64, folder: URL) {
        self.topology = topology
        self.seed = seed
        self.folder = folder
    }

    private func form(node config: NodeConfig, executable: String, linkTimeout: Double) async throws {
        for index in 0..<topology.nodeCount {
            children.append(
                try NodeProcess(index: index, executable: executable) { [weak self] wire in
                    self?.arrived(wire)
                })
        }
        for (index, child) in children.enumerated() {
            var start = NodeCommand(op: "start")
            start.id = index
            start.peers = topology.neighbors[index]
            start.seed = seed
            start.store = storePath(of: index)
            start.ttl = config.ttl
            guard let port = try await child.request(start).port else {
                throw ProcessMeshError.nodeFailed(node: index, reason: "started without reporting its listener port")
            }
            ports.append(port)
        }
        for edge in topology.edges {
            var dial = NodeCommand(op: "dial")
            dial.peer = edge.b
            dial.port = ports[edge.b]
            do {
                _ = try await children[edge.a].request(dial)
            } catch {
                throw ProcessMeshError.nodeFailed(
                    node: edge.a, reason: "cannot dial node \(edge.b) at 127.0.0.1:\(ports[edge.b]): \(error)")
            }
        }
        for child in children {
            var wait = NodeCommand(op: "await_links")
            wait.timeoutMS = Int(linkTimeout * 1000)
            _ = try await child.request(wait)
        }
    }

    private func storePath(of node: Int) -> String {
        folder.appendingPathComponent("node-\(node).sqlite").path
    }

    private func arrived(_ wire: ArrivalWire) {
        let handler = lock.withLock { self.handler }
        _ = handler?(wire.id, Arrival(node: wire.node, time: wire.time, hops: wire.hops, from: wire.from))
    }

    // MARK: MeshUnderTest

    func now() async -> UInt64 { StandaloneNode.now() }

    func keyPair(of node: Int) -> NostrKeyPair { NostrKeyPair.deterministic(seed: seed, index: node) }

    func publish(_ event: NostrEvent, from node: Int, amount: UInt64?) async throws {
        var command = NodeCommand(op: "publish")
        command.event = event
        command.amount = amount
        _ = try await children[node].request(command)
    }

    /// One control request per event, answered once the child has sent it (a child's control
    /// channel has no fire-and-forget request), whatever `waitUntilSent` says.
    func publish(_ batch: [(event: NostrEvent, node: Int)], waitUntilSent: Bool) async throws {
        for (event, node) in batch { try await publish(event, from: node, amount: nil) }
    }

    func setArrivalHandler(_ handler: (@Sendable (String, Arrival) -> Bool)?) {
        lock.withLock { self.handler = handler }
    }

    func counters(of node: Int) async throws -> NodeCounters {
        guard let counters = try await children[node].request(NodeCommand(op: "counters")).counters else {
            throw ProcessMeshError.nodeFailed(node: node, reason: "counters reply without counters")
        }
        return counters
    }

    func heap(of node: Int) async throws -> NodeHeap? {
        let reply = try await children[node].request(NodeCommand(op: "memory"))
        return reply.heapInUse.map { NodeHeap(inUseBytes: $0, sqliteBytes: reply.sqliteInUse) }
    }

    func phaseTimings(of node: Int) async throws -> PhaseTimingSummary {
        var command = NodeCommand(op: "timings")
        command.limit = 2_000
        guard let wire = try await children[node].request(command).timings else {
            throw ProcessMeshError.nodeFailed(node: node, reason: "timings reply without timings")
        }
        return wire.summary
    }

    /// Idle when every node waits on no Prepare and every frame sent was received, twice in a row
    /// (the nodes are asked one after another, so one reading alone could miss a frame in flight).
    func awaitIdle(timeoutNanoseconds: UInt64) async throws {
        let deadline = Date().addingTimeInterval(Double(timeoutNanoseconds) / 1e9)
        var quietRounds = 0
        while quietRounds < 2 {
            guard Date() < deadline else {
                throw ProcessMeshError.notIdle(waitedSeconds: Double(timeoutNanoseconds) / 1e9)
            }
            var idle = true, sent = 0, received = 0
            for (index, child) in children.enumerated() {
                idle = try await child.request(NodeCommand(op: "idle")).idle == true && idle
                let c = try await counters(of: index)
                sent += c.framesOut
                received += c.framesIn
            }
            quietRounds = idle && sent == received ? quietRounds + 1 : 0
            if quietRounds < 2 { try await Task.sleep(nanoseconds: 5_000_000) }
        }
    }

    func phaseTotals(of node: Int) async throws -> (totals: PhaseTiming, count: Int) {
        var command = NodeCommand(op: "timings")
        command.limit = 0
        guard let wire = try await children[node].request(command).timings else {
            throw ProcessMeshError.nodeFailed(node: node, reason: "timings reply without timings")
        }
        let summary = wire.summary
        return (summary.totals, summary.count)
    }

    func storeBytes(of node: Int) -> Int {
        FileSize.of(storePath(of: node)) + FileSize.of(storePath(of: node) + "-wal")
    }

    func addLocalSubscriptions(node: Int, _ subscriptions: [(id: Int, filters: [NostrFilter])]) async throws {
        var command = NodeCommand(op: "subscribe")
        command.count = subscriptions.count
        _ = try await children[node].request(command)
    }

    var nodeProcessIDs: [Int32]? { children.map(\.pid) }

    /// Stops every child (killing any that does not exit within 5 s) and removes the stores.
    func shutdown() async {
        await withTaskGroup(of: Void.self) { group in
            for child in children { group.addTask { await child.stop(grace: 5) } }
        }
        // The stores' folder under the temporary directory: a leftover costs disk, not results.
        try? FileManager.default.removeItem(at: folder)
    }
}
