import Foundation
import Mesh
import NIOConcurrencyHelpers
@testable import Scenarios
import XCTest

/// `--process-per-node`: nodes run as `bench node` children, measured per process, and nothing
/// outlives the run.
final class ProcessPerNodeTests: XCTestCase {
    func testChildrenFormAMeshDeliverAndAreGoneAfterShutdown() async throws {
        let executable = try benchExecutable()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ppn-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let topology = try Topology.ring(nodes: 4)
        let mesh = try await ProcessMesh.start(
            topology: topology, node: NodeConfig(), seed: 3, executable: executable,
            storage: folder, linkTimeout: 10)
        let pids = try XCTUnwrap(mesh.nodeProcessIDs)
        XCTAssertEqual(Set(pids).count, 4)
        XCTAssertFalse(pids.contains(getpid()))
        for pid in pids { XCTAssertNotNil(ProcessStats.snapshot(pid: pid), "no /proc entry for node process \(pid)") }

        let arrivals = ArrivalBox()
        mesh.setArrivalHandler { id, arrival in
            arrivals.add(id, arrival); return true
        }
        let event = mesh.keyPair(of: 0).sign(kind: 1, content: "across processes", tags: [], createdAt: 1_700_000_000)
        try await mesh.publish(event, from: 0, amount: nil)
        try await mesh.awaitIdle(timeoutNanoseconds: 5_000_000_000)
        // Ring of 4: node 2 is two hops from node 0, nodes 1 and 3 one hop.
        XCTAssertEqual(arrivals.hops(of: event.id), [0: 0, 1: 1, 2: 2, 3: 1])
        let counters = try await mesh.counters(of: 2)
        XCTAssertEqual(counters.storeWrites, 1)
        XCTAssertEqual(counters.openConnections, 2)
        XCTAssertEqual(counters.dedupIds, 1, "a counter the in-process mesh reports crosses the process boundary")
        let reported = try await mesh.heap(of: 2)
        let heap = try XCTUnwrap(reported, "a node process reports its own heap")
        XCTAssertGreaterThan(heap.inUseBytes, 0)
        XCTAssertGreaterThan(try XCTUnwrap(heap.sqliteBytes, "and its store's share"), 0)

        await mesh.shutdown()
        for pid in pids {
            XCTAssertEqual(kill(pid, 0), -1, "node process \(pid) is still alive after shutdown")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [])
    }

    func testThroughputScenarioRecordsPerNodeResources() async throws {
        let overrides = ScenarioOverrides(nodes: 4, duration: 1, rate: 20, sampleInterval: 0.25)
        let (sink, failed) = try await runScenarios(
            [ThroughputScenario.single], overrides: overrides, processPerNode: true)
        XCTAssertEqual(failed, [], failureMessages(sink))
        let rss = sink.samples("node_rss")
        XCTAssertEqual(rss.first?.slaClass, "per_node")
        XCTAssertEqual(Set(rss.flatMap { $0.node ?? [] }), Set(0..<4))
        XCTAssertTrue(rss.flatMap(\.values).allSatisfy { $0 > 1 && $0 < 2_048 })
        XCTAssertEqual(sink.counter("events_delivered"), 60)
    }

    func testAMissingExecutableNamesTheNode() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ppn-missing-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            _ = try await ProcessMesh.start(
                topology: try Topology.line(nodes: 2), node: NodeConfig(), seed: 1,
                executable: "/nonexistent/bench", storage: folder, linkTimeout: 2)
            XCTFail("a mesh started without its executable")
        } catch {
            XCTAssertTrue("\(error)".contains("node 0"), "\(error)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [])
    }
}

final class ArrivalBox: Sendable {
    private let seen = NIOLockedValueBox<[String: [Int: Int]]>([:])

    func add(_ id: String, _ arrival: Arrival) {
        seen.withLockedValue { $0[id, default: [:]][arrival.node] = arrival.hops }
    }

    func hops(of id: String) -> [Int: Int] { seen.withLockedValue { $0[id] ?? [:] } }
}
