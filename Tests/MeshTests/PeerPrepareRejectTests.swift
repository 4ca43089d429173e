import Foundation
import Interledger
import NIOPosix
import Nostr
import XCTest
@testable import Mesh

/// An authenticated peer whose Prepares break the link-level rules gets the RFC 27 code the
/// pipeline names for each (docs/protocol.md §3), nothing is stored, and a TTL above the node's
/// own is never trusted.
final class PeerPrepareRejectTests: XCTestCase {
    private let seed: UInt64 = 1

    func testWrongConditionTooLargeAmountAndUndecodablePacketsAreRejectedByCode() async throws {
        // Star: hub 0 with leaves 1 and 2; the test client takes node 1's place.
        let config = MeshConfig(
            topology: try .star(nodes: 3), node: NodeConfig(maximumPacketAmount: 10_000), seed: seed)
        try await withNodeOneImpersonated(config, seed: seed) { network, client, link, _ in
            let secret = link.sharedSecret
            let event = network.keyPair(of: 1).sign(kind: 1, content: "rejected", createdAt: 1_700_000_000)

            let otherSecret = LinkCredentials.derive(seed: seed, edge: Edge(0, 2)).sharedSecret
            let wrongCondition = try eventPrepare(event, requestId: 2, secret: otherSecret)
            let tooLarge = try eventPrepare(event, requestId: 3, secret: secret, amount: 10_001)
            let notBTPNIPs = prepareMessage(data: Array("{not a BTP-NIPs packet".utf8), requestId: 4, secret: secret)
            let notAnEvent = try eventPrepare(event, requestId: 5, secret: secret, nostr: Array(#"["EVENT",5]"#.utf8))
            let cases: [(frame: [UInt8], requestId: UInt32, code: String)] = [
                (wrongCondition, 2, "F05"), (tooLarge, 3, "F08"), (notBTPNIPs, 4, "F01"), (notAnEvent, 5, "F01"),
            ]
            for (frame, requestId, code) in cases {
                try await client.sendBinary(frame)
                let answered = try rejectCode(try await answer(to: requestId, from: client, secret: secret))
                XCTAssertEqual(answered, code, "request \(requestId)")
            }

            let hub = try await network.counters(of: 0)
            XCTAssertEqual(hub.rejectsSent, ["F05": 1, "F08": 1, "F01": 2])
            XCTAssertEqual(hub.verifications, 0, "no rejected Prepare costs a signature check")
            XCTAssertEqual(hub.storeWrites, 0)
            let storedAtHub = try await network.storedEventCount(node: 0)
            XCTAssertEqual(storedAtHub, 0)
            XCTAssertEqual(hub.openConnections, 2, "rejects keep the connection")
        }
    }

    func testAnAnswerWhoseFulfillmentIsNotTheConditionsPreimageIsCountedAndKeepsTheConnection() async throws {
        // The hub keeps the fulfillment it derived for each Prepare and compares the answer with
        // it; a peer that answers the hub's REQ with any other 32 bytes must not count as paid.
        let config = MeshConfig(topology: try .star(nodes: 3), seed: seed)
        try await withNodeOneImpersonatedAnsweringWrongly(config) { network in
            var counted = 0
            for _ in 0..<200 where counted == 0 {
                counted = try await network.counters(of: 0).invalidFulfillments
                if counted == 0 { try await Task.sleep(nanoseconds: 10_000_000) }
            }
            XCTAssertEqual(counted, 1)
            let hub = try await network.counters(of: 0)
            XCTAssertEqual(hub.openConnections, 2, "a wrong fulfillment is counted, not a reason to close")
        }
    }

    /// Node 1's place taken by a raw client that authenticates and answers the hub's REQ Prepare
    /// with its fulfillment's first bit flipped.
    private func withNodeOneImpersonatedAnsweringWrongly(
        _ config: MeshConfig, _ body: (MeshNetwork) async throws -> Void
    ) async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        try await withNetwork(config) { network in
            try await network.stopNode(1)
            let link = LinkCredentials.derive(seed: seed, edge: Edge(0, 1))
            let port = try await XCTUnwrapAsync(try await network.listenerPort(of: 0))
            let client = try await RawWebSocketClient.connect(port: port, group: group)
            try await client.sendBinary(BTPAuth.request(requestId: 1, token: link.authToken).serialize())
            while let frame = await client.nextFrame() {
                guard frame.opcode == 0x2, case let .message(entries) = try BTPPacket(bytes: frame.payload).body,
                    let ilp = entries.entry(named: "ilp"), case let .prepare(prepare) = try ILPPacket(bytes: ilp.data)
                else { continue }
                var wrong = ILPCondition.fulfillment(sharedSecret: link.sharedSecret, data: prepare.data)
                wrong[0] ^= 1
                let requestId = try BTPPacket(bytes: frame.payload).requestId
                let fulfill = ILPFulfill(fulfillment: wrong, data: [])
                try await client.sendBinary(
                    BTPPacket.response(requestId: requestId, protocolData: [.ilp(fulfill.serialize())]).serialize())
                break
            }
            try await body(network)
        }
        try await group.shutdownGracefully()
    }

    func testAForwardThatCannotBeSerialisedIsCountedAndItsUpstreamPrepareRejected() async throws {
        // The client, in node 1's place, sends a packet exactly at the ILP data limit with a
        // one-byte sender; the hub's forward names the hub as sender, outgrows the limit and
        // cannot be sent to leaf 2, so the hub must not be paid for relaying it.
        let config = MeshConfig(topology: try .star(nodes: 3), seed: seed)
        try await withNodeOneImpersonated(config, seed: seed) { network, client, link, _ in
            let sign = { (content: String) in
                network.keyPair(of: 1).sign(kind: 1, content: content, createdAt: 1_700_000_000)
            }
            let room = BTPNIPsPacket.maximumPacketLength - (try eventPacket(sign(""), sender: "x")).count
            let event = sign(String(repeating: "a", count: room))
            XCTAssertEqual(try eventPacket(event, sender: "x").count, BTPNIPsPacket.maximumPacketLength)
            let frame = try eventPrepare(event, requestId: 2, secret: link.sharedSecret, sender: "x")
            try await client.sendBinary(frame)
            let answered = try await answer(to: 2, from: client, secret: link.sharedSecret)
            XCTAssertEqual(try rejectCode(answered), "F99")

            let hub = try await network.counters(of: 0)
            XCTAssertEqual(hub.forwardsUnserializable, 1)
            XCTAssertEqual(hub.eventPreparesOut, 0, "no forward left the hub")
            XCTAssertEqual(hub.rejectsSent, ["F99": 1])
            let storedAtHub = try await network.storedEventCount(node: 0)
            XCTAssertEqual(storedAtHub, 1, "the event stays stored where it arrived")
            let storedAtLeaf = try await network.storedEventCount(node: 2)
            XCTAssertEqual(storedAtLeaf, 0)
        }
    }

    func testTTLAboveTheNodesOwnIsClampedSoHopCountsStayPositive() async throws {
        let config = MeshConfig(topology: try .star(nodes: 3), node: NodeConfig(ttl: 5), seed: seed)
        try await withNodeOneImpersonated(config, seed: seed) { network, client, link, _ in
            let event = network.keyPair(of: 1).sign(kind: 1, content: "far-reaching", createdAt: 1_700_000_000)
            let frame = try eventPrepare(event, requestId: 2, secret: link.sharedSecret, ttl: 50)
            try await client.sendBinary(frame)
            let answered = try await answer(to: 2, from: client, secret: link.sharedSecret)
            XCTAssertTrue(try isFulfilled(answered, for: frame, secret: link.sharedSecret))

            // Read as TTL 5, the node's own: one hop to the hub, two to leaf 2.
            let arrivals = try await network.awaitPropagation(of: event.id, to: [0, 2])
            XCTAssertEqual(arrivals[0]?.hops, 1)
            XCTAssertEqual(arrivals[2]?.hops, 2)
        }
    }
}
