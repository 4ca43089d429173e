import Foundation
import NIOCore
import NIOPosix
import Nostr
import XCTest
@testable import Mesh

/// A standalone node server: it keeps dialling a peer that is not up yet, reports readiness and
/// counters over HTTP on its one listener, and links again after its peer restarts.
final class StandaloneServingTests: XCTestCase {
    private let seed: UInt64 = 3
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "standalone-serving-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func node(_ id: Int, peer: Int) throws -> StandaloneNode {
        var config = NodeConfig()
        config.ttl = 1
        return try StandaloneNode(
            id: id, peers: [peer], config: config, seed: seed,
            storePath: folder.appendingPathComponent("node-\(id)-\(UUID().uuidString).sqlite").path)
    }

    /// GETs `path` on 127.0.0.1:`port` by hand: the status line and the JSON body.
    private func get(
        _ path: String, port: Int, group: EventLoopGroup
    ) async throws -> (head: String, status: NodeStatus) {
        let client = try await RawWebSocketClient.open(port: port, group: group)
        let head = try await client.request("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n")
        let body = await client.bytesUntilClosed()
        return (head, try NodeStatus.makeDecoder().decode(NodeStatus.self, from: Data(body)))
    }

    private func waitUntil(_ what: String, _ condition: () async throws -> Bool) async throws {
        for _ in 0..<500 {
            if try await condition() { return }
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        XCTFail("not within 10 s: \(what)")
    }

    func testKeepsDiallingUntilThePeerIsUpAndServesReadinessAndCounters() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        addTeardownBlock { try await group.shutdownGracefully() }
        // Node 1's port is reserved by binding it once and closing it, so node 0 can dial it
        // before anything listens there.
        let probe = try node(1, peer: 0)
        let port1 = try await probe.serve(host: "127.0.0.1", port: 0)
        try await probe.shutdown()

        let node0 = try node(0, peer: 1)
        let port0 = try await node0.serve(host: "127.0.0.1", port: 0)
        try await node0.keepDialling(
            [PeerAddress(index: 1, host: "localhost", port: port1)], interval: .milliseconds(50))
        try await Task.sleep(nanoseconds: 300_000_000)

        let before = try await get("/readyz", port: port0, group: group)
        XCTAssertTrue(before.head.hasPrefix("HTTP/1.1 503"), before.head)
        XCTAssertEqual(before.status, NodeStatus(node: 0, ready: false, linksReady: [], linksExpected: [1]))
        let health = try await get("/healthz", port: port0, group: group)
        XCTAssertTrue(health.head.hasPrefix("HTTP/1.1 200"), "healthy while links are missing: \(health.head)")

        var node1 = try node(1, peer: 0)
        _ = try await node1.serve(host: "127.0.0.1", port: port1)
        try await waitUntil("node 0 ready") { try await get("/readyz", port: port0, group: group).status.ready }
        let ready = try await get("/readyz", port: port0, group: group)
        XCTAssertTrue(ready.head.hasPrefix("HTTP/1.1 200"), ready.head)
        XCTAssertEqual(ready.status.linksReady, [1])
        XCTAssertNil(ready.status.counters, "/readyz carries no counters")

        // An event published at node 1 shows in node 0's counters over HTTP: one Prepare in, one
        // verification, one store write (TTL 1, so nothing goes further).
        let event = NostrKeyPair.deterministic(seed: seed, index: 1).sign(
            kind: 1, content: "over HTTP", createdAt: Int64(Date().timeIntervalSince1970))
        try await node1.publish(event)
        try await waitUntil("node 0 stored the event") { try await node0.storedEventCount() == 1 }
        let page = try await get("/counters", port: port0, group: group)
        let counters = try XCTUnwrap(page.status.counters)
        XCTAssertEqual(counters.eventPreparesIn, 1)
        XCTAssertEqual(counters.verifications, 1)
        XCTAssertEqual(counters.storeWrites, 1)
        let direct = try await node0.counters()
        XCTAssertEqual(counters.framesIn, direct.framesIn, "the page shows the node's own counters")

        // Node 1 restarts on the same port: node 0 notices the link is gone and dials it again.
        try await node1.shutdown()
        try await waitUntil("node 0 not ready after its peer stopped") {
            try await !get("/readyz", port: port0, group: group).status.ready
        }
        node1 = try node(1, peer: 0)
        _ = try await node1.serve(host: "127.0.0.1", port: port1)
        try await waitUntil("node 0 ready again") { try await get("/readyz", port: port0, group: group).status.ready }
        try await node1.shutdown()
        try await node0.shutdown()
    }

    func testOtherPathsAreStillRefusedAndNodesOfAnInProcessMeshServeNoStatus() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        addTeardownBlock { try await group.shutdownGracefully() }
        try await withNetwork(MeshConfig(topology: try .line(nodes: 2), seed: seed)) { network in
            let port = try await XCTUnwrapAsync(try await network.listenerPort(of: 0))
            let client = try await RawWebSocketClient.open(port: port, group: group)
            let head = try await client.request("GET /readyz HTTP/1.1\r\nHost: x\r\n\r\n")
            XCTAssertTrue(head.hasPrefix("HTTP/1.1 404"), "status pages belong to standalone servers: \(head)")
        }
        let node0 = try node(0, peer: 1)
        let port0 = try await node0.serve(host: "127.0.0.1", port: 0)
        let client = try await RawWebSocketClient.open(port: port0, group: group)
        let head = try await client.request("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n")
        XCTAssertTrue(head.hasPrefix("HTTP/1.1 404"), head)
        try await node0.shutdown()
    }
}
