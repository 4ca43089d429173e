import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOWebSocket
import XCTest
@testable import Mesh

/// A node that dials reads a frame that came in the same TCP write as the listener's `101`: NIO's
/// client upgrade handler holds it while the node's decoder takes the place of NIO's.
final class DialledUpgradeTests: XCTestCase {
    /// Holds the server's writes, their promises kept at once, until a flush finds bytes after the
    /// HTTP head; then sends them all in one write: the `101` and the first frame together.
    private final class OneWrite: ChannelOutboundHandler {
        typealias OutboundIn = IOData
        typealias OutboundOut = IOData
        private var held = ByteBuffer()
        private var released = false

        func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
            guard !released, case var .byteBuffer(buffer) = unwrapOutboundIn(data) else {
                return context.write(data, promise: promise)
            }
            held.writeBuffer(&buffer)
            promise?.succeed()
        }

        func flush(context: ChannelHandlerContext) {
            guard !released else { return context.flush() }
            let bytes = Array(held.readableBytesView)
            guard let end = bytes.firstRange(of: Array("\r\n\r\n".utf8)), end.upperBound < bytes.count else { return }
            released = true
            context.writeAndFlush(wrapOutboundOut(.byteBuffer(held)), promise: nil)
        }
    }

    /// The frames the server reads after the upgrade.
    private final class Collector: ChannelInboundHandler {
        typealias InboundIn = WebSocketFrame
        private let continuation: AsyncStream<WebSocketFrame>.Continuation
        init(_ continuation: AsyncStream<WebSocketFrame>.Continuation) { self.continuation = continuation }
        func channelRead(context: ChannelHandlerContext, data: NIOAny) { continuation.yield(unwrapInboundIn(data)) }
        func channelInactive(context: ChannelHandlerContext) { continuation.finish() }
    }

    func testAFrameInTheSameWriteAsThe101IsRead() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "meshbench-dial-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let (frames, continuation) = AsyncStream<WebSocketFrame>.makeStream()
        let server = try await ServerBootstrap(group: group)
            .childChannelInitializer { channel in
                // A bound against hanging: a node that never answers fails the test instead.
                channel.eventLoop.scheduleTask(in: .seconds(30)) { channel.close(promise: nil) }
                let upgrader = NIOWebSocketServerUpgrader(
                    shouldUpgrade: { channel, _ in channel.eventLoop.makeSucceededFuture(HTTPHeaders()) },
                    upgradePipelineHandler: { channel, _ in
                        channel.eventLoop.makeCompletedFuture {
                            try channel.pipeline.syncOperations.addHandler(Collector(continuation))
                            let ping = WebSocketFrame(fin: true, opcode: .ping, data: ByteBuffer(bytes: [1, 2, 3]))
                            channel.writeAndFlush(ping, promise: nil)
                        }
                    })
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(OneWrite())
                }.flatMap {
                    channel.pipeline.configureHTTPServerPipeline(
                        withServerUpgrade: (upgraders: [upgrader], completionHandler: { _ in }))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let port = try XCTUnwrap(server.localAddress?.port)

        let node = RelayNode(
            id: 0, config: NodeConfig(), store: try EventStore(path: folder.appendingPathComponent("0.sqlite").path),
            epoch: MonotonicClock.wallClockDateOfZero())
        node.addLink(peer: 1, credentials: LinkCredentials.derive(seed: 1, edge: Edge(0, 1)))
        let loop = group.next()
        let host = LoopbackNodeHost(loop: loop, node: node, clockBase: 0)
        try await loop.flatSubmit { host.dial(peer: 1, port: port) }.get()

        var pong: [UInt8]?
        for await frame in frames where frame.opcode == .pong {
            pong = Array(frame.unmaskedData.readableBytesView)
            break
        }
        XCTAssertEqual(pong, [1, 2, 3], "the node answered the ping that came with the 101")
        try await server.close()
        try await group.shutdownGracefully()
    }
}
