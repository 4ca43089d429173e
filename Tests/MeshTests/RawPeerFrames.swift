import Foundation
import Interledger
import NIOCore
import NIOPosix
import Nostr
import XCTest
@testable import Mesh

// What a test client standing in for a node's peer sends and reads on a raw WebSocket link.

/// Reads frames until the BTP answer to `requestId`, answering the node's own Prepares (its REQ)
/// with the fulfillment a well-behaved peer would send.
func answer(to requestId: UInt32, from client: RawWebSocketClient, secret: [UInt8]) async throws -> BTPPacket? {
    while let frame = await client.nextFrame() {
        guard frame.opcode == 0x2 else { continue }
        let packet = try BTPPacket(bytes: frame.payload)
        if packet.requestId == requestId, packet.type != .message { return packet }
        if case let .message(entries) = packet.body, let ilp = entries.entry(named: "ilp"),
            case let .prepare(prepare) = try ILPPacket(bytes: ilp.data)
        {
            let fulfill = ILPFulfill(
                fulfillment: ILPCondition.fulfillment(sharedSecret: secret, data: prepare.data), data: [])
            try await client.sendBinary(
                BTPPacket.response(requestId: packet.requestId, protocolData: [.ilp(fulfill.serialize())]).serialize())
        }
    }
    return nil
}

/// A BTP MESSAGE with an ILP Prepare of `amount` to node 0 carrying `nostr` (default: the
/// codec's `["EVENT", event]`) with `ttl` as sent by `sender` (default: node 1), with the link's
/// condition.
func eventPrepare(
    _ event: NostrEvent, requestId: UInt32, secret: [UInt8], expiresAt: Date = Date().addingTimeInterval(30),
    amount: UInt64 = 1_000, nostr: [UInt8]? = nil, ttl: Int = 5, sender: String = RelayNode.address(of: 1)
) throws -> [UInt8] {
    let data = try eventPacket(event, amount: amount, nostr: nostr, ttl: ttl, sender: sender)
    return prepareMessage(data: data, requestId: requestId, secret: secret, expiresAt: expiresAt, amount: amount)
}

/// The serialised BTP-NIPs EVENT packet `eventPrepare` carries.
func eventPacket(
    _ event: NostrEvent, amount: UInt64 = 1_000, nostr: [UInt8]? = nil, ttl: Int = 5,
    sender: String = RelayNode.address(of: 1)
) throws -> [UInt8] {
    try BTPNIPsPacket(
        type: .event, payment: BTPNIPsPayment(msat: amount, purpose: "relay"),
        nostr: nostr ?? NostrMessage.event(event).jsonBytes(),
        metadata: BTPNIPsMetadata(timestamp: 0, sender: sender, ttl: ttl)
    ).serialize()
}

/// A BTP MESSAGE with an ILP Prepare of `amount` to node 0 carrying any `data`, whose condition
/// is SHA-256(HMAC(`secret`, data)): right when `secret` is the link's.
func prepareMessage(
    data: [UInt8], requestId: UInt32, secret: [UInt8], expiresAt: Date = Date().addingTimeInterval(30),
    amount: UInt64 = 1_000
) -> [UInt8] {
    let condition = ILPCondition.condition(for: ILPCondition.fulfillment(sharedSecret: secret, data: data))
    let prepare = ILPPrepare(
        amount: amount, expiresAt: expiresAt, executionCondition: condition, destination: RelayNode.address(of: 0),
        data: data)
    return BTPPacket.message(requestId: requestId, protocolData: [.ilp(prepare.serialize())]).serialize()
}

/// The RFC 27 code of an ILP Reject answer, nil for anything else.
func rejectCode(_ packet: BTPPacket?) throws -> String? {
    guard case let .response(entries)? = packet?.body, let ilp = entries.entry(named: "ilp"),
        case let .reject(reject) = try ILPPacket(bytes: ilp.data)
    else { return nil }
    return reject.code.code
}

/// Whether the answer is an ILP Fulfill whose fulfillment is HMAC(link secret, data) of `prepare`.
func isFulfilled(_ packet: BTPPacket?, for frame: [UInt8], secret: [UInt8]) throws -> Bool {
    guard case let .response(entries)? = packet?.body, let ilp = entries.entry(named: "ilp"),
        case let .fulfill(fulfill) = try ILPPacket(bytes: ilp.data),
        case let .message(sent) = try BTPPacket(bytes: frame).body, let prepareData = sent.entry(named: "ilp"),
        case let .prepare(prepare) = try ILPPacket(bytes: prepareData.data)
    else { return false }
    return fulfill.fulfillment == ILPCondition.fulfillment(sharedSecret: secret, data: prepare.data)
}

extension XCTestCase {
    /// Runs `body` on a mesh of `config` in which a raw test client has taken node 1's place on
    /// its link to hub 0, authenticated with node 1's credentials (`authAnswer` is the hub's reply).
    func withNodeOneImpersonated(
        _ config: MeshConfig, seed: UInt64,
        _ body: (MeshNetwork, RawWebSocketClient, LinkCredentials, _ authAnswer: BTPPacket?) async throws -> Void
    ) async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        try await withNetwork(config) { network in
            let (client, link, authAnswer) = try await impersonate(
                node: 1, toward: 0, in: network, seed: seed, group: group)
            try await body(network, client, link, authAnswer)
        }
        try await group.shutdownGracefully()
    }
}

/// Stops `node` and connects a raw client to `hub` in its place with the link's own credentials,
/// then authenticates: a peer the hub trusts but whose every frame the test writes by hand.
func impersonate(
    node: Int, toward hub: Int, in network: MeshNetwork, seed: UInt64,
    group: EventLoopGroup
) async throws -> (client: RawWebSocketClient, link: LinkCredentials, authAnswer: BTPPacket?) {
    try await network.stopNode(node)
    let link = LinkCredentials.derive(seed: seed, edge: Edge(hub, node))
    let port = try await XCTUnwrapAsync(try await network.listenerPort(of: hub))
    let client = try await RawWebSocketClient.connect(port: port, group: group)
    try await client.sendBinary(BTPAuth.request(requestId: 1, token: link.authToken).serialize())
    return (client, link, try await answer(to: 1, from: client, secret: link.sharedSecret))
}
