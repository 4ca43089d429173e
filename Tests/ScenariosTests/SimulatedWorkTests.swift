import Mesh
@testable import Scenarios
import XCTest

/// On the deterministic simulated transport (never flakes): the measured work per event equals
/// the topology's closed form, and the delivery tracker sees every delivery of every event.
final class SimulatedWorkTests: XCTestCase {
    private func simulatedMesh(_ topology: Topology) async throws -> MeshNetwork {
        var node = NodeConfig()
        node.ttl = topology.nodeCount - 1
        let model = LinkModel(latency: .fixed(nanoseconds: 200_000), seed: 5)
        return try await MeshNetwork.start(
            MeshConfig(topology: topology, node: node, transport: .simulated(model), seed: 9))
    }

    func testWorkPerEventMatchesTheClosedForm() async throws {
        let topology = try Topology.randomRegular(nodes: 12, degree: 4, seed: 11)
        let network = try await simulatedMesh(topology)
        let setup = try await WorkCounters.total(of: network)
        for index in 0..<12 {
            try await network.publish(from: index % 12, content: String(format: "event %04d", index))
        }
        try await network.awaitIdle()
        let work = try await WorkCounters.total(of: network).subtracting(setup)
        try await network.shutdown()
        // n = 12, E = 24: Prepares = 2·24 − 11 = 37 per event, each answered: 74 frames.
        let expected = TopologyWork(topology)
        XCTAssertEqual(expected.framesPerEvent, 74)
        XCTAssertEqual(expected.duplicatesPerEvent, 26)
        XCTAssertEqual(work.framesOut, 12 * 74)
        XCTAssertEqual(work.duplicatesDropped, 12 * 26)
        XCTAssertEqual(work.verifications, 12 * 11)
        XCTAssertEqual(work.storeWrites, 12 * 12)
    }

    func testTrackerSeesEveryDeliveryOnce() async throws {
        let topology = try Topology.smallWorld(nodes: 10, degree: 4, rewiring: 0.2, seed: 3)
        let network = try await simulatedMesh(topology)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tracker-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sink = CollectingSink()
        let recorder = Recorder(scenario: "test.tracker") { try sink.write($0) }
        recorder.declare("latency", unit: "ms", better: .lower)
        let completions = CompletionLog()
        let origin = await network.now()
        let tracker = DeliveryTracker(
            recorder: recorder, targetsPerEvent: 9, origin: origin, metrics: { _ in ["latency"] },
            onComplete: { completions.add(publishedAt: $0, completedAt: $1) })
        tracker.attach(to: network)
        let key = network.keyPair(of: 2)
        for index in 0..<15 {
            let event = key.sign(kind: 1, content: "tracked \(index)", tags: [], createdAt: 1_700_000_000)
            tracker.willPublish(event.id, at: await network.now())
            try await network.publish(event, from: 2)
        }
        try await network.awaitIdle()
        tracker.detach(from: network)
        try recorder.flush()
        try await network.shutdown()
        XCTAssertEqual(tracker.published, 15)
        XCTAssertEqual(tracker.delivered, 15 * 9)
        XCTAssertEqual(tracker.completed, 15)
        XCTAssertEqual(tracker.inFlightCount, 0)
        XCTAssertEqual(sink.values("latency").count, 135)
        // Each link adds 0.2 ms of virtual time, so every delivery takes a positive multiple of it.
        XCTAssertTrue(sink.values("latency").allSatisfy { $0 >= 0.2 })
        XCTAssertEqual(tracker.completionsPerSecond().reduce(0, +), 15)
    }
}
