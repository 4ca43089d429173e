import Foundation
import Interledger
import NIOPosix
import XCTest
@testable import Mesh

/// A node's listener against clients that misbehave below BTP: wrong HTTP requests, connections
/// that never authenticate, too many connections, unmasked frames. Each is answered and closed,
/// counted, and the node keeps serving its honest peer.
final class ListenerHardeningTests: XCTestCase {
    private let seed: UInt64 = 1
    /// Generous bound for "the node closed it": only a node that never closes fails it.
    private let closeBound: Int64 = 10

    /// Runs `body` with raw clients against a 2-node line mesh, then checks that the honest link
    /// still carries an event published by `honestPublisher`.
    private func withHostileClients(
        _ config: MeshConfig? = nil, honestPublisher: Int = 1,
        _ body: (MeshNetwork, MultiThreadedEventLoopGroup) async throws -> Void
    ) async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        do {
            try await withNetwork(try config ?? MeshConfig(topology: .line(nodes: 2), seed: seed)) { network in
                try await body(network, group)
                let event = try await network.publish(from: honestPublisher)
                _ = try await network.awaitPropagation(of: event.id)
            }
        } catch {
            try? await group.shutdownGracefully()
            throw error
        }
        try await group.shutdownGracefully()
    }

    func testPlainHTTPRequestsGetAnAnswerAndAreClosed() async throws {
        try await withHostileClients { network, group in
            let port = try await XCTUnwrapAsync(try await network.listenerPort(of: 0))
            let requests = [
                ("GET / HTTP/1.1\r\nHost: x\r\n\r\n", "HTTP/1.1 404"),
                ("GET /btp/../etc HTTP/1.1\r\nHost: x\r\n\r\n", "HTTP/1.1 404"),
                ("GET /btp HTTP/1.1\r\nHost: x\r\n\r\n", "HTTP/1.1 400"),
                ("GET /btp HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n", "HTTP/1.1 400"),
                (
                    "GET /btp HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 7\r\n\r\n",
                    "HTTP/1.1 400"
                ),
                ("POST /btp HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc", "HTTP/1.1 400"),
            ]
            for (request, status) in requests {
                let client = try await RawWebSocketClient.open(port: port, group: group)
                let head = try await client.request(request)
                XCTAssertTrue(head.hasPrefix(status), "\(request.prefix(40)) → \(head)")
                XCTAssertTrue(head.lowercased().contains("connection: close"), head)
                let closed = await client.isClosed(within: closeBound)
                XCTAssertTrue(closed, "the node closes after answering \(request.prefix(40))")
            }
            let counters = try await network.counters(of: 0)
            XCTAssertEqual(counters.refusedConnections, requests.count)
            XCTAssertEqual(counters.openConnections, 1, "only the honest link is left")
        }
    }

    func testConnectionsThatDoNotAuthenticateInTimeAreClosed() async throws {
        let config = MeshConfig(
            topology: try .line(nodes: 2), node: NodeConfig(authDeadlineMilliseconds: 300), seed: seed)
        try await withHostileClients(config) { network, group in
            let port = try await XCTUnwrapAsync(try await network.listenerPort(of: 0))
            let silent = try await RawWebSocketClient.open(port: port, group: group)
            let upgradedOnly = try await RawWebSocketClient.connect(port: port, group: group)
            let silentClosed = await silent.isClosed(within: closeBound)
            let upgradedClosed = await upgradedOnly.isClosed(within: closeBound)
            XCTAssertTrue(silentClosed, "a connection that never sent a request is closed at the deadline")
            XCTAssertTrue(upgradedClosed, "a WebSocket that never authenticated is closed at the deadline")
            let closing = await upgradedOnly.framesUntilClosed()
            XCTAssertEqual(closing.last?.opcode, 0x8)
            XCTAssertEqual(closing.last?.payload.prefix(2), [0x03, 0xF0], "close code 1008 policy violation")

            let counters = try await network.counters(of: 0)
            XCTAssertEqual(counters.authTimeouts, 2)
            XCTAssertEqual(counters.openConnections, 1, "the honest link, authenticated in time, stays")
        }
    }

    func testConnectionsBeyondTheListenersLimitGet503() async throws {
        // Node 1's listener holds node 0's link, so a limit of 2 leaves room for one more.
        let config = MeshConfig(
            topology: try .line(nodes: 2), node: NodeConfig(maximumInboundConnections: 2), seed: seed)
        try await withHostileClients(config, honestPublisher: 0) { network, group in
            let port = try await XCTUnwrapAsync(try await network.listenerPort(of: 1))
            let admitted = try await RawWebSocketClient.connect(port: port, group: group)
            let excess = try await RawWebSocketClient.open(port: port, group: group)
            let head = try await excess.request("GET /btp HTTP/1.1\r\nHost: x\r\n\r\n")
            XCTAssertTrue(head.hasPrefix("HTTP/1.1 503"), head)
            XCTAssertTrue(head.lowercased().contains("connection: close"), head)
            let excessClosed = await excess.isClosed(within: closeBound)
            XCTAssertTrue(excessClosed)
            let refused = try await network.counters(of: 1).refusedConnections
            XCTAssertEqual(refused, 1)

            // A slot freed by a closed connection is admitted again.
            await admitted.close()
            var readmitted: RawWebSocketClient?
            for _ in 0..<100 where readmitted == nil {
                readmitted = try? await RawWebSocketClient.connect(port: port, group: group)
                if readmitted == nil { try await Task.sleep(nanoseconds: 50_000_000) }
            }
            XCTAssertNotNil(readmitted, "the slot of a closed connection is given back")
            await readmitted?.close()
        }
    }

    func testUnmaskedClientFrameClosesTheConnectionWith1002() async throws {
        try await withHostileClients { network, group in
            let port = try await XCTUnwrapAsync(try await network.listenerPort(of: 0))
            let link = LinkCredentials.derive(seed: seed, edge: Edge(0, 1))
            let client = try await RawWebSocketClient.connect(port: port, group: group)
            // A valid auth MESSAGE, but unmasked: it must not authenticate anything.
            try await client.sendBinary(BTPAuth.request(requestId: 1, token: link.authToken).serialize(), masked: false)
            let closed = await client.isClosed(within: closeBound)
            XCTAssertTrue(closed)
            let frames = await client.framesUntilClosed()
            XCTAssertEqual(frames.map(\.opcode), [0x8], "no BTP answer, only the close frame")
            XCTAssertEqual(frames.last?.payload.prefix(2), [0x03, 0xEA], "close code 1002 protocol error")

            let counters = try await network.counters(of: 0)
            XCTAssertEqual(counters.malformedFrames, 1)
            XCTAssertEqual(counters.openConnections, 1, "the honest link was not replaced by the unmasked auth")
        }
    }

    /// The bytes of a frame that arrive with the upgrade request (one TCP write) wait in NIO's
    /// upgrade handler while the node's decoder takes the place of NIO's, then are read by it:
    /// on the peer path and on the NIP-01 client path, a masked ping gets its pong.
    func testAFrameInTheSameWriteAsTheUpgradeRequestIsRead() async throws {
        try await withHostileClients { network, group in
            let port = try await XCTUnwrapAsync(try await network.listenerPort(of: 0))
            let mask: [UInt8] = [0x12, 0x34, 0x56, 0x78]
            let ping: [UInt8] = [0x89, 0x83] + mask + [1, 2, 3].enumerated().map { $0.element ^ mask[$0.offset] }
            for path in [WebSocketEndpoint.path, NostrClientEndpoint.path] {
                let client = try await RawWebSocketClient.connect(
                    port: port, group: group, path: path, firstFrames: ping)
                let answer = await client.nextFrame()
                XCTAssertEqual(answer, RawWebSocketClient.Frame(opcode: 0xA, payload: [1, 2, 3]), path)
                await client.close()
            }
        }
    }

    func testListenerIsBoundToLoopbackOnly() async throws {
        try await withHostileClients { network, group in
            let port = try await XCTUnwrapAsync(try await network.listenerPort(of: 0))
            // 127.0.0.2 reaches this machine too: a listener on 0.0.0.0 would accept it.
            do {
                let client = try await RawWebSocketClient.open(port: port, host: "127.0.0.2", group: group)
                await client.close()
                XCTFail("a connection to 127.0.0.2:\(port) was accepted: the listener is not bound to 127.0.0.1 only")
            } catch {
                XCTAssertTrue("\(error)".lowercased().contains("refused"), "\(error)")
            }
            let accepted = try await RawWebSocketClient.connect(port: port, group: group)
            await accepted.close()
        }
    }
}
