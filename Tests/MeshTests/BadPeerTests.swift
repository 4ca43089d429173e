import Foundation
import Interledger
import NIOPosix
import Nostr
import XCTest
@testable import Mesh

/// A hostile or broken peer on the real transport: everything it sends is rejected or gets it
/// disconnected, is counted, is never stored, and the node keeps serving its other peers.
final class BadPeerTests: XCTestCase {
    private let seed: UInt64 = 1

    func testHostileAuthenticatedPeerIsRejectedCountedAndNeverStored() async throws {
        // Star: hub 0 with leaves 1 and 2. Node 1 is stopped and the test client takes its place
        // with node 1's credentials; node 2 stays an honest peer.
        let config = MeshConfig(topology: try .star(nodes: 3), seed: seed)
        try await withNodeOneImpersonated(config, seed: seed) { network, client, link, authAnswer in
            XCTAssertEqual(authAnswer?.type, .response)

            let key = network.keyPair(of: 1)
            var badSignature = key.sign(kind: 1, content: "forged", createdAt: 1_700_000_000)
            badSignature.sig = String(badSignature.sig.reversed())
            try await client.sendBinary(try eventPrepare(badSignature, requestId: 2, secret: link.sharedSecret))
            let code2 = try rejectCode(try await answer(to: 2, from: client, secret: link.sharedSecret))
            XCTAssertEqual(code2, "F99")

            var wrongId = key.sign(kind: 1, content: "original", createdAt: 1_700_000_000)
            wrongId.content = "tampered"
            try await client.sendBinary(try eventPrepare(wrongId, requestId: 3, secret: link.sharedSecret))
            let code3 = try rejectCode(try await answer(to: 3, from: client, secret: link.sharedSecret))
            XCTAssertEqual(code3, "F99")

            let valid = key.sign(kind: 1, content: "late", createdAt: 1_700_000_000)
            try await client.sendBinary(
                try eventPrepare(
                    valid, requestId: 4, secret: link.sharedSecret, expiresAt: Date().addingTimeInterval(-1)))
            let code4 = try rejectCode(try await answer(to: 4, from: client, secret: link.sharedSecret))
            XCTAssertEqual(code4, "R00")

            try await client.sendBinary(Array("definitely not BTP".utf8))
            let garbageAnswer = try await answer(to: 0, from: client, secret: link.sharedSecret)
            XCTAssertEqual(garbageAnswer?.type, .error, "garbage from an authenticated peer gets a BTP ERROR")

            try await client.sendBinary(Array(repeating: 0x41, count: 70_000))  // over the 64 KiB limit
            let closing = await client.framesUntilClosed()
            XCTAssertEqual(closing.last?.opcode, 0x8, "the node closes with a WebSocket close frame")
            XCTAssertEqual(closing.last?.payload.prefix(2), [0x03, 0xF1], "close code 1009 message too big")

            let counters = try await network.counters(of: 0)
            XCTAssertEqual(counters.rejectsSent, ["F99": 2, "R00": 1])
            XCTAssertEqual(counters.verificationFailures, 2)
            XCTAssertEqual(counters.malformedFrames, 1)
            XCTAssertEqual(counters.oversizeFrames, 1)
            XCTAssertEqual(counters.storeWrites, 0)
            let storedAtHub = try await network.storedEventCount(node: 0)
            XCTAssertEqual(storedAtHub, 0)

            // The node still serves its honest peer.
            let event = try await network.publish(from: 2)
            let arrivals = try await network.awaitPropagation(of: event.id, to: [0, 2])
            XCTAssertEqual(arrivals[0]?.hops, 1)
        }
    }

    func testPeerThatNeverAuthenticatesGetsAnErrorAndIsDisconnected() async throws {
        let config = MeshConfig(topology: try .line(nodes: 2), seed: seed)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        try await withNetwork(config) { network in
            let port = try await XCTUnwrapAsync(try await network.listenerPort(of: 0))
            let link = LinkCredentials.derive(seed: seed, edge: Edge(0, 1))
            let event = network.keyPair(of: 1).sign(kind: 1, content: "no auth", createdAt: 1_700_000_000)

            // A valid Prepare, but before auth.
            let skipper = try await RawWebSocketClient.connect(port: port, group: group)
            try await skipper.sendBinary(try eventPrepare(event, requestId: 7, secret: link.sharedSecret))
            let frames = await skipper.framesUntilClosed()
            let error = try frames.first { $0.opcode == 0x2 }.map { try BTPPacket(bytes: $0.payload) }
            XCTAssertEqual(error?.type, .error)
            XCTAssertEqual(error?.requestId, 7)

            // Garbage first, and a wrong token.
            let garbage = try await RawWebSocketClient.connect(port: port, group: group)
            try await garbage.sendBinary([0xFF, 0x00, 0x13])
            _ = await garbage.framesUntilClosed()
            let impostor = try await RawWebSocketClient.connect(port: port, group: group)
            try await impostor.sendBinary(BTPAuth.request(requestId: 1, token: "not-the-token").serialize())
            _ = await impostor.framesUntilClosed()

            let counters = try await network.counters(of: 0)
            XCTAssertEqual(counters.authFailures, 3)
            XCTAssertEqual(counters.storeWrites, 0)
            XCTAssertEqual(counters.openConnections, 1, "only the honest link is left")

            let honest = try await network.publish(from: 1)
            _ = try await network.awaitPropagation(of: honest.id)
        }
        try await group.shutdownGracefully()
    }
}

func XCTUnwrapAsync<T>(_ value: T?, file: StaticString = #filePath, line: UInt = #line) async throws -> T {
    try XCTUnwrap(value, file: file, line: line)
}
