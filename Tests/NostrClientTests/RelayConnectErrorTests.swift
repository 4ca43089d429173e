import Foundation
import NIOCore
import NIOPosix
import XCTest
@testable import NostrClient

/// Every way a relay can fail to be one at start ends in an error naming the address, what was
/// tried and what happened, within the bounded wait, never a hang.
final class RelayConnectErrorTests: EventLoopTestCase {
    /// A TCP server on 127.0.0.1 that writes `reply` (if any) to every connection and keeps it open.
    private func server(reply: String?) async throws -> (Channel, Int) {
        let channel = try await ServerBootstrap(group: group)
            .childChannelInitializer { child in
                child.eventLoop.makeCompletedFuture {
                    try child.pipeline.syncOperations.addHandler(CannedReply(reply: reply))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return (channel, try XCTUnwrap(channel.localAddress?.port))
    }

    private func expectFailure(_ address: String, timeout: Double = 5, containing expected: String) async {
        do {
            let connection = try await RelayConnection.open(try RelayURL(address), on: group, timeout: timeout)
            await connection.close()
            XCTFail("\(address) was accepted as a relay")
        } catch {
            let message = "\(error)"
            XCTAssertTrue(message.hasPrefix("cannot benchmark \(address): TCP connect to"), message)
            XCTAssertTrue(message.contains(expected), message)
        }
    }

    func testRefusedConnectionNamesTheAddress() async throws {
        let (channel, port) = try await server(reply: nil)
        try await channel.close()
        await expectFailure("ws://127.0.0.1:\(port)", containing: "could not connect")
    }

    func testHTTPErrorInsteadOfUpgrade() async throws {
        let (channel, port) = try await server(reply: "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
        await expectFailure(
            "ws://127.0.0.1:\(port)/wrong", containing: "answered HTTP 404 Not Found instead of upgrading")
        try await channel.close()
    }

    func testAnswerThatIsNotHTTP() async throws {
        let (channel, port) = try await server(reply: "SSH-2.0-OpenSSH_9.2\r\n")
        await expectFailure("ws://127.0.0.1:\(port)", containing: "not HTTP")
        try await channel.close()
    }

    func testSilentServerTimesOut() async throws {
        let (channel, port) = try await server(reply: nil)
        await expectFailure(
            "ws://127.0.0.1:\(port)", timeout: 0.5, containing: "no answer to the upgrade request within 0.5 s")
        try await channel.close()
    }
}

private final class CannedReply: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer
    let reply: String?

    init(reply: String?) { self.reply = reply }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard let reply else { return }
        context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(string: reply)), promise: nil)
    }
}
