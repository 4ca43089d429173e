import Foundation
import Interledger
import NIOPosix
import Nostr
import XCTest
@testable import Mesh

/// A node alone in its process (`bench node`, `--process-per-node`) keeps network time as the raw
/// monotonic clock; its wall clock, which sets and checks every ILP expiry, must still be the
/// real time and not ahead by the machine's uptime.
final class StandaloneNodeClockTests: XCTestCase {
    private let seed: UInt64 = 1

    func testStandaloneNodeSetsAndChecksExpiriesOnTheRealWallClock() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "meshbench-standalone-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let node = try StandaloneNode(
            id: 0, peers: [1], config: NodeConfig(prepareExpiryMilliseconds: 30_000), seed: seed,
            storePath: folder.appendingPathComponent("node-0.sqlite").path)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        do {
            let port = try await node.listen()
            let link = LinkCredentials.derive(seed: seed, edge: Edge(0, 1))
            let client = try await RawWebSocketClient.connect(port: port, group: group)
            try await client.sendBinary(BTPAuth.request(requestId: 1, token: link.authToken).serialize())

            // After the auth RESPONSE the node sends its REQ Prepare, expiring 30 s after its now.
            var request: ILPPrepare?
            while request == nil, let frame = await client.nextFrame() {
                guard frame.opcode == 0x2, case let .message(entries) = try BTPPacket(bytes: frame.payload).body,
                    let ilp = entries.entry(named: "ilp"), case let .prepare(prepare) = try ILPPacket(bytes: ilp.data)
                else { continue }
                request = prepare
            }
            let expiresIn = try XCTUnwrap(request).expiresAt.timeIntervalSinceNow
            // The bound is loose (a loaded machine); a clock ahead by the uptime misses it by minutes.
            XCTAssertEqual(expiresIn, 30, accuracy: 10, "the node's wall clock is \(expiresIn - 30) s off")

            // A Prepare expiring 60 s from now is live, not R00.
            let event = NostrKeyPair.deterministic(seed: seed, index: 1).sign(
                kind: 1, content: "on time", createdAt: 1_700_000_000)
            let frame = try eventPrepare(
                event, requestId: 2, secret: link.sharedSecret, expiresAt: Date().addingTimeInterval(60))
            try await client.sendBinary(frame)
            let answered = try await answer(to: 2, from: client, secret: link.sharedSecret)
            XCTAssertNil(try rejectCode(answered))
            XCTAssertTrue(try isFulfilled(answered, for: frame, secret: link.sharedSecret))
            await client.close()
        } catch {
            try? await node.shutdown()
            throw error
        }
        try await node.shutdown()
        try await group.shutdownGracefully()
    }
}
