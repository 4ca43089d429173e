import Foundation
import Mesh
import Nostr

/// What a sustained-load workload needs from a mesh, whichever way its nodes run: all in this
/// process (`MeshNetwork`) or each in its own OS process (`ProcessMesh`, `--process-per-node`).
protocol MeshUnderTest: AnyObject, Sendable {
    var nodeCount: Int { get }
    var topology: Topology { get }
    /// Network time in ns (CLOCK_MONOTONIC, shared by every process on the machine).
    func now() async -> UInt64
    func keyPair(of node: Int) -> NostrKeyPair
    func publish(_ event: NostrEvent, from node: Int, amount: UInt64?) async throws
    /// Publishes signed events, each from its node at the node's default amount, in one hand-over
    /// where the mesh allows it; `waitUntilSent` false returns once they are queued at the nodes
    /// (see `MeshNetwork.publish(_:waitUntilSent:)`).
    func publish(_ batch: [(event: NostrEvent, node: Int)], waitUntilSent: Bool) async throws
    /// Streams first arrivals (see `MeshNetwork.setArrivalHandler`).
    func setArrivalHandler(_ handler: (@Sendable (_ id: String, _ arrival: Arrival) -> Bool)?)
    func counters(of node: Int) async throws -> NodeCounters
    func phaseTimings(of node: Int) async throws -> PhaseTimingSummary
    /// Totals and event count only (no per-event records): cheap enough to read every second.
    func phaseTotals(of node: Int) async throws -> (totals: PhaseTiming, count: Int)
    func awaitIdle(timeoutNanoseconds: UInt64) async throws
    func storeBytes(of node: Int) -> Int
    func addLocalSubscriptions(node: Int, _ subscriptions: [(id: Int, filters: [NostrFilter])]) async throws
    /// The OS process of each node, or nil when every node shares this process.
    var nodeProcessIDs: [Int32]? { get }
    /// What a node's own process holds on its heap, or nil when the node shares this process's
    /// allocator (its share cannot be told apart).
    func heap(of node: Int) async throws -> NodeHeap?
}

/// A node process's heap: bytes its allocator handed out and not freed (every arena), and the
/// part of them SQLite holds (nil where SQLite keeps no memory statistics).
struct NodeHeap: Sendable, Equatable {
    var inUseBytes: Int
    var sqliteBytes: Int?
}

/// A node's phase timings: exact totals over every event, and the most recent per-event records.
struct PhaseTimingSummary: Sendable {
    var totals: PhaseTiming
    var count: Int
    var records: [PhaseTiming]
}

extension MeshNetwork: MeshUnderTest {
    func phaseTimings(of node: Int) async throws -> PhaseTimingSummary {
        let log = try await timings(of: node)
        return PhaseTimingSummary(totals: log.totals, count: log.count, records: log.records)
    }

    func phaseTotals(of node: Int) async throws -> (totals: PhaseTiming, count: Int) {
        let log = try await timings(of: node, recordLimit: 0)
        return (log.totals, log.count)
    }

    nonisolated func storeBytes(of node: Int) -> Int {
        let path = storePath(of: node)
        return FileSize.of(path) + FileSize.of(path + "-wal")
    }

    nonisolated var nodeProcessIDs: [Int32]? { nil }

    nonisolated func heap(of node: Int) async throws -> NodeHeap? { nil }
}

enum FileSize {
    static func of(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }
}
