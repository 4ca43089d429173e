import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOWebSocket
import Nostr

/// One NIP-01 client connection to a relay: a WebSocket carrying JSON text frames. Messages the
/// relay sends land in `inbox`, stamped on arrival. Thread safety: `send` may be called from any
/// thread (NIO hands the writes to the channel's loop); everything received is handled on it.
public final class RelayConnection: Sendable {
    public let url: RelayURL
    public let inbox: RelayInbox
    private let channel: Channel

    /// Largest message accepted from a relay (a stored event plus its envelope); larger closes.
    public static let maximumFrameBytes = 1 << 22

    private init(url: RelayURL, channel: Channel, inbox: RelayInbox) {
        self.url = url
        self.channel = channel
        self.inbox = inbox
    }

    /// Connects, upgrades to WebSocket and returns the open connection; fails with a
    /// `RelayConnectError` naming the URL and what went wrong (refused, no answer, an HTTP status
    /// instead of the upgrade, or an answer that is not HTTP) within `timeout` seconds.
    public static func open(_ url: RelayURL, on group: EventLoopGroup, timeout: Double) async throws -> RelayConnection
    {
        let loop = group.next()
        let upgraded = loop.makePromise(of: Void.self)
        let inbox = RelayInbox(url: url.description, loop: loop)
        let tried = "TCP connect to \(url.hostHeader), then HTTP GET \(url.path) with Upgrade: websocket"
        @Sendable func failure(_ outcome: String) -> RelayConnectError {
            RelayConnectError(url: url.description, tried: tried, outcome: outcome)
        }
        let bootstrap = ClientBootstrap(group: loop)
            .connectTimeout(.nanoseconds(Int64(timeout * 1e9)))
            .channelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                let upgrader = NIOWebSocketClientUpgrader(
                    maxFrameSize: maximumFrameBytes,
                    automaticErrorHandling: false,
                    upgradePipelineHandler: { channel, _ in
                        channel.pipeline.removeHandler(name: UpgradeRequester.name).flatMapThrowing {
                            try channel.pipeline.syncOperations.addHandlers([
                                NIOWebSocketFrameAggregator(
                                    minNonFinalFragmentSize: 1, maxAccumulatedFrameCount: 1_024,
                                    maxAccumulatedFrameSize: maximumFrameBytes),
                                NostrFrameHandler(inbox: inbox, url: url.description),
                            ])
                            upgraded.succeed(())
                        }
                    })
                return channel.pipeline.addHTTPClientHandlers(
                    withClientUpgrade: (upgraders: [upgrader], completionHandler: { _ in })
                )
                .flatMapThrowing {
                    try channel.pipeline.syncOperations.addHandler(
                        UpgradeRequester(url: url, upgraded: upgraded), name: UpgradeRequester.name)
                }
            }
        let channel: Channel
        do {
            channel = try await bootstrap.connect(host: url.host, port: url.port).get()
        } catch {
            upgraded.fail(error)
            throw failure("could not connect (\(error))")
        }
        let deadline = loop.scheduleTask(in: .nanoseconds(Int64(timeout * 1e9))) {
            upgraded.fail(failure("no answer to the upgrade request within \(String(format: "%.1f", timeout)) s"))
        }
        do {
            try await upgraded.futureResult.get()
            deadline.cancel()
        } catch {
            deadline.cancel()
            try? await channel.close()  // best effort: the connect error below is the one reported
            if let known = error as? RelayConnectError { throw known }
            throw failure("\(error)")
        }
        return RelayConnection(url: url, channel: channel, inbox: inbox)
    }

    /// Sends messages as text frames, in order, with one flush.
    public func send(_ messages: [NostrMessage]) {
        let channel = channel
        let frames = messages.map { message -> WebSocketFrame in
            var buffer = channel.allocator.buffer(capacity: 512)
            buffer.writeBytes(message.jsonBytes())
            return WebSocketFrame(fin: true, opcode: .text, maskKey: .random(), data: buffer)
        }
        channel.eventLoop.execute {
            for frame in frames { channel.write(frame, promise: nil) }
            channel.flush()
        }
    }

    public func send(_ message: NostrMessage) { send([message]) }

    /// Sends a WebSocket close and closes the socket; completes when it is closed.
    public func close() async {
        let channel = channel
        // Closing is best effort: a connection already gone needs no close frame.
        try? await channel.eventLoop.submit {
            var data = channel.allocator.buffer(capacity: 2)
            data.write(webSocketErrorCode: .normalClosure)
            let frame = WebSocketFrame(fin: true, opcode: .connectionClose, maskKey: .random(), data: data)
            channel.writeAndFlush(frame).whenComplete { _ in channel.close(promise: nil) }
        }.get()
        try? await channel.closeFuture.get()
    }
}

/// Sends the upgrade request once TCP is up, and turns every way the upgrade can fail into the
/// reason: an HTTP status instead of 101, an answer that is not HTTP, or a close before any answer.
final class UpgradeRequester: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundOut = HTTPClientRequestPart
    static let name = "meshbench.nostr-upgrade-request"

    private let url: RelayURL
    private let upgraded: EventLoopPromise<Void>

    init(url: RelayURL, upgraded: EventLoopPromise<Void>) {
        self.url = url
        self.upgraded = upgraded
    }

    private func fail(_ outcome: String) {
        upgraded.fail(
            RelayConnectError(
                url: url.description,
                tried: "TCP connect to \(url.hostHeader), then HTTP GET \(url.path) with Upgrade: websocket",
                outcome: outcome))
    }

    func channelActive(context: ChannelHandlerContext) {
        var headers = HTTPHeaders()
        headers.add(name: "Host", value: url.hostHeader)
        headers.add(name: "Content-Length", value: "0")
        let head = HTTPRequestHead(version: .http1_1, method: .GET, uri: url.path, headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case let .head(head) = unwrapInboundIn(data) {
            fail(
                "the server answered HTTP \(head.status.code) \(head.status.reasonPhrase) instead of upgrading to WebSocket (is this the relay's WebSocket address?)"
            )
            context.close(promise: nil)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        if error is HTTPParserError {
            fail("the answer is not HTTP (\(error)): not a WebSocket server")
        } else {
            fail("\(error)")
        }
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail("the server closed the connection without answering the upgrade")
        context.fireChannelInactive()
    }
}

/// The last handler after the upgrade: decodes text frames as NIP-01 messages into the inbox,
/// answers pings, and reports a close or a broken frame as the connection's failure.
final class NostrFrameHandler: ChannelInboundHandler {
    typealias InboundIn = WebSocketFrame
    typealias OutboundOut = WebSocketFrame

    private let inbox: RelayInbox
    private let url: String
    private let clock = ContinuousClock()

    init(inbox: RelayInbox, url: String) {
        self.inbox = inbox
        self.url = url
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        let now = clock.now
        switch frame.opcode {
        case .text, .binary:
            var payload = frame.unmaskedData
            let bytes = payload.readBytes(length: payload.readableBytes) ?? []
            do {
                inbox.received(try NostrMessage(json: bytes), at: now)
            } catch {
                inbox.failed(
                    .malformed(url: url, detail: "\(error): \(String(decoding: bytes.prefix(200), as: UTF8.self))"))
            }
        case .ping:
            let pong = WebSocketFrame(fin: true, opcode: .pong, maskKey: .random(), data: frame.unmaskedData)
            context.writeAndFlush(wrapOutboundOut(pong), promise: nil)
        case .connectionClose:
            var data = frame.unmaskedData
            let code = data.readWebSocketErrorCode().map { "\($0)" } ?? "no code"
            inbox.failed(.dropped(url: url, detail: "the relay closed the WebSocket (\(code))"))
            context.close(promise: nil)
        default:
            break
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        inbox.failed(.dropped(url: url, detail: "\(error)"))
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        inbox.failed(.dropped(url: url, detail: "the TCP connection closed"))
        context.fireChannelInactive()
    }
}
