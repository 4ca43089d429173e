import Foundation
import Interledger
import NIOCore
import NIOEmbedded
import Nostr

/// The fuzz target of a node's WebSocket handling (issue 12): each input is one connection to a
/// node's real listener pipeline (`ListenerPipeline`: admission, HTTP, upgrade, the WebSocket
/// decoder, frame handler, and the `RelayNode` with its SQLite store behind them), run on an
/// `EmbeddedChannel` so a million inputs take minutes, not hours of sockets.
///
/// The first byte of an input sets the scene (`Scene`); the rest is what the client sends, cut
/// into reads of the scene's size. Whatever the bytes, after the auth deadline the connection is
/// closed or authenticated, and once it is closed the node holds no state for it: a broken rule
/// throws `Violation`.
///
/// Thread safety: not thread-safe; one fuzzer runs its inputs one after another on one thread.
package final class NodeWireFuzzer {
    /// What the client did before the input's bytes, from the input's first byte.
    package struct Scene: Equatable {
        /// Bit 0: a valid upgrade request first; bit 1: then a valid BTP auth frame.
        package var upgrade: Bool
        package var authenticate: Bool
        /// Bit 2: the listener's one slot is already taken (the connection gets 503).
        package var listenerFull: Bool
        /// Bits 3–5: the size of the reads the bytes arrive in.
        package var readSize: Int

        static let readSizes = [1, 2, 3, 7, 16, 64, 512, Int.max]

        package init(_ byte: UInt8) {
            upgrade = byte & 1 != 0
            authenticate = byte & 2 != 0
            listenerFull = byte & 4 != 0
            readSize = Self.readSizes[Int(byte >> 3) & 7]
        }

        package var byte: UInt8 {
            let size = UInt8(Self.readSizes.firstIndex(of: readSize) ?? 7)
            return (upgrade ? 1 : 0) | (authenticate ? 2 : 0) | (listenerFull ? 4 : 0) | size << 3
        }
    }

    package struct Violation: Error, CustomStringConvertible {
        package let description: String
    }

    /// The node's limits are small so that short inputs reach them.
    static let config = NodeConfig(
        maximumFrameBytes: 4_096, dedupCapacity: 1_024, timingRecordCapacity: 64,
        authDeadlineMilliseconds: 10_000, maximumInboundConnections: 1)
    static let seed: UInt64 = 1
    // A literal address that always parses; nil would only leave the channel's remote unset.
    private static let peerAddress = try? SocketAddress(ipAddress: "127.0.0.1", port: 40_000)

    private let node: RelayNode
    /// One loop and host for every input: each input's channels close before the next begins,
    /// and the loop's clock only moves forward, so nothing carries over but the node's memory.
    private let loop = EmbeddedEventLoop()
    private let host: LoopbackNodeHost
    private let link = LinkCredentials.derive(seed: seed, edge: Edge(0, 1))
    /// Counters whose change names how an input ended.
    private static var telling: [(String, KeyPath<NodeCounters, Int>)] {
        [
            ("refusedConnections", \.refusedConnections), ("authTimeouts", \.authTimeouts),
            ("authFailures", \.authFailures),
            ("malformedFrames", \.malformedFrames), ("oversizeFrames", \.oversizeFrames),
            ("eventPreparesIn", \.eventPreparesIn),
            ("storeWrites", \.storeWrites),
        ]
    }

    /// A node 0 with one link (to node 1) and its store at `storePath`.
    package init(storePath: String) throws {
        node = RelayNode(
            id: 0, config: Self.config, store: try EventStore(path: storePath),
            epoch: MonotonicClock.wallClockDateOfZero())
        node.addLink(peer: 1, credentials: link)
        host = LoopbackNodeHost(loop: loop, node: node, clockBase: 0)
    }

    deinit { try? loop.syncShutdownGracefully() }  // an embedded loop: nothing left to fail

    /// Runs one input; returns how it ended ("closed before the deadline: malformedFrames", …).
    package func run(_ input: [UInt8]) throws -> String {
        let scene = Scene(input.first ?? 0)
        let before = node.counters
        let pipeline = host.makeListenerPipeline()
        var occupant: EmbeddedChannel?
        if scene.listenerFull {
            occupant = EmbeddedChannel(loop: loop)
            try occupant.map { try pipeline.configure($0).wait() }
        }
        let channel = EmbeddedChannel(loop: loop)
        try pipeline.configure(channel).wait()
        if let address = Self.peerAddress { try channel.connect(to: address).wait() }

        var bytes = scene.upgrade ? Self.upgradeRequest : []
        if scene.upgrade && scene.authenticate {
            bytes += Self.maskedFrame(BTPAuth.request(requestId: 1, token: link.authToken).serialize())
        }
        bytes += input.dropFirst()
        var offset = 0
        while offset < bytes.count, channel.isActive {
            let end = offset + min(scene.readSize, bytes.count - offset)
            // Errors that reach the end of the pipeline are the pipeline's business (it closes).
            _ = try? channel.writeInbound(channel.allocator.buffer(bytes: bytes[offset..<end]))
            offset = end
        }
        loop.run()  // closes wait for their close frame's write to complete
        let closedEarly = !channel.isActive
        loop.advanceTime(by: .milliseconds(Self.config.authDeadlineMilliseconds + 1))
        let ending: String
        if closedEarly {
            ending = "closed before the deadline"
        } else if !channel.isActive {
            ending = "closed at the deadline"
        } else {
            guard node.connections.keys.contains(where: node.isAuthenticated) else {
                throw Violation(description: "an unauthenticated connection is open after its auth deadline")
            }
            ending = "open, authenticated"
        }

        // Leftover outbound data and an already closed channel are expected; the checks follow.
        _ = try? channel.finish(acceptAlreadyClosed: true)
        _ = try? occupant?.finish(acceptAlreadyClosed: true)
        loop.run()
        guard node.connections.isEmpty, node.pendingTotal == 0 else {
            throw Violation(
                description:
                    "the node kept state for a closed connection (\(node.connections.count) connections, \(node.pendingTotal) pending Prepares)"
            )
        }
        guard pipeline.admission.openConnections == 0 else {
            throw Violation(
                description: "the listener still counts \(pipeline.admission.openConnections) closed connections")
        }
        let changed = Self.telling.filter { node.counters[keyPath: $0.1] != before[keyPath: $0.1] }.map(\.0)
        return changed.isEmpty ? ending : "\(ending): \(changed.joined(separator: ", "))"
    }

    // MARK: Seeds

    /// Inputs that reach every part of the pipeline: plain HTTP, upgrades good and bad, a full
    /// listener, auth, an EVENT Prepare, control and fragmented frames, unmasked, oversize and
    /// text frames, garbage BTP. The mutations explore around them.
    package func seeds() throws -> [[UInt8]] {
        func scene(upgrade: Bool, authenticate: Bool, listenerFull: Bool = false, readSize: Int = Int.max) -> UInt8 {
            var scene = Scene(0)
            scene.upgrade = upgrade
            scene.authenticate = authenticate
            scene.listenerFull = listenerFull
            scene.readSize = readSize
            return scene.byte
        }
        let auth = Self.maskedFrame(BTPAuth.request(requestId: 1, token: link.authToken).serialize())
        let message = try eventPrepare(requestId: 2, amount: 1_000, expiresIn: 30)
        let event = Self.maskedFrame(message)
        let raw = scene(upgrade: false, authenticate: false)
        let upgraded = scene(upgrade: true, authenticate: false)
        let authenticated = scene(upgrade: true, authenticate: true)
        return [
            [raw] + Array("GET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8),
            [raw]
                + Array(
                    "GET /btp HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 7\r\n\r\n"
                        .utf8),
            [raw] + Self.upgradeRequest + auth + event,
            [scene(upgrade: false, authenticate: false, listenerFull: true)] + Self.upgradeRequest,
            [scene(upgrade: true, authenticate: false, readSize: 3)] + auth + event,
            [upgraded] + Self.maskedFrame(BTPAuth.request(requestId: 1, token: "not-the-token").serialize()),
            [authenticated] + event,
            [authenticated] + Self.maskedFrame(try eventPrepare(requestId: 3, amount: 2_000_000_000, expiresIn: 30)),
            [authenticated] + Self.maskedFrame(try eventPrepare(requestId: 4, amount: 1_000, expiresIn: -1)),
            [authenticated] + Self.maskedFrame(Array("ping".utf8), opcode: 0x9) + Self.maskedFrame([], opcode: 0xA)
                + Self.maskedFrame(Array(message.prefix(10)), opcode: 0x2, fin: false)
                + Self.maskedFrame(Array(message.dropFirst(10)), opcode: 0x0),
            [authenticated] + Self.maskedFrame(Array("[\"EVENT\"]".utf8), opcode: 0x1),
            [authenticated] + Self.maskedFrame([0x03, 0xE8], opcode: 0x8),
            [authenticated] + [0x82, 0x04, 0xDE, 0xAD, 0xBE, 0xEF],
            [authenticated] + [0x82, 0xFF, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x12, 0x34, 0x56, 0x78],
            [authenticated] + Self.maskedFrame(Array(repeating: 0x41, count: 5_000)),
            [authenticated] + Self.maskedFrame([0x06, 0x00, 0x00, 0x00, 0x07, 0x01, 0x00]),
        ]
    }

    /// A BTP MESSAGE from node 1 carrying an EVENT Prepare with the link's condition.
    private func eventPrepare(requestId: UInt32, amount: UInt64, expiresIn seconds: Double) throws -> [UInt8] {
        let event = NostrKeyPair.deterministic(seed: Self.seed, index: 1).sign(
            kind: 1, content: "fuzz", createdAt: 1_700_000_000)
        let data = try BTPNIPsPacket(
            type: .event, payment: BTPNIPsPayment(msat: amount, purpose: "relay"),
            nostr: BTPNIPsWire.eventMessage(event),
            metadata: BTPNIPsMetadata(timestamp: 0, sender: RelayNode.address(of: 1), ttl: 5)
        ).serialize()
        let fulfillment = ILPFulfillmentKey(sharedSecret: link.sharedSecret).fulfillment(data: data)
        let prepare = ILPPrepare(
            amount: amount, expiresAt: Date().addingTimeInterval(seconds),
            executionCondition: ILPCondition.condition(for: fulfillment),
            destination: RelayNode.address(of: 0), data: data)
        return BTPPacket.message(requestId: requestId, protocolData: [.ilp(prepare.serialize())]).serialize()
    }

    private static let upgradeRequest = Array(
        ("GET \(WebSocketEndpoint.path) HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
            + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
            .utf8)

    /// A client frame (RFC 6455 §5.2) with a fixed mask key.
    private static func maskedFrame(_ payload: [UInt8], opcode: UInt8 = 0x2, fin: Bool = true) -> [UInt8] {
        var frame: [UInt8] = [(fin ? 0x80 : 0) | opcode]
        switch payload.count {
        case ..<126: frame.append(0x80 | UInt8(payload.count))
        case ...0xFFFF: frame += [0x80 | 126, UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)]
        default:
            frame += [0x80 | 127] + (0..<8).reversed().map { UInt8((UInt64(payload.count) >> (8 * UInt64($0))) & 0xFF) }
        }
        let mask: [UInt8] = [0x12, 0x34, 0x56, 0x78]
        return frame + mask + payload.enumerated().map { $0.element ^ mask[$0.offset % 4] }
    }
}
