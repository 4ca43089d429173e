import NIOCore
import NIOHTTP1
import NIOPosix
import NIOWebSocket

/// Opens BTP-over-WebSocket connections: a listener per node (127.0.0.1, port 0 by default, so
/// tests never collide; a standalone node server binds the address it is given) and dialers
/// towards other nodes' listeners, by IP address or DNS name. Every channel is created on
/// the node's own event loop, so the node's state is only ever touched there.
enum WebSocketEndpoint {
    /// The HTTP path a node upgrades; anything else gets a plain HTTP refusal.
    static let path = "/btp"

    /// Binds a listener; the returned channel's `localAddress` has the chosen port. Every accepted
    /// connection gets the `ListenerPipeline` (admission, HTTP refusals, the upgrade of `path`).
    static func listen(
        on loop: EventLoop, host: String = "127.0.0.1", port: Int = 0,
        pipeline: ListenerPipeline
    ) -> EventLoopFuture<Channel> {
        let pipeline = NIOLoopBound(pipeline, eventLoop: loop)
        return ServerBootstrap(group: loop)
            .serverChannelOption(ChannelOptions.backlog, value: 256)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { pipeline.value.configure($0) }
            .bind(host: host, port: port)
    }

    /// Connects to `port` and upgrades to WebSocket; the link is announced to the delegate once
    /// the upgrade is done, the returned future completes when TCP is connected.
    static func dial(
        host: String = "127.0.0.1",
        port: Int,
        on loop: EventLoop,
        maxFrameSize: Int,
        delegate: WebSocketLinkDelegate,
        makeLink: @escaping (Channel, EncodedFrameOutlet) -> WebSocketLink
    ) -> EventLoopFuture<Channel> {
        let handlerFactory = NIOLoopBound(HandlerFactory(delegate: delegate, makeLink: makeLink), eventLoop: loop)
        return ClientBootstrap(group: loop)
            .channelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                let upgrader = NIOWebSocketClientUpgrader(
                    maxFrameSize: maxFrameSize,
                    automaticErrorHandling: false,
                    upgradePipelineHandler: { channel, _ in
                        channel.eventLoop.assertInEventLoop()
                        // The request sender speaks HTTP; it must not see WebSocket frames.
                        return channel.pipeline.removeHandler(name: UpgradeRequestSender.name).flatMap {
                            addFrameHandlers(
                                channel, maxFrameSize: maxFrameSize, isServer: false,
                                handler: handlerFactory.value.make())
                        }
                    }
                )
                // Bytes that come with the `101` are frames: forwarded, not dropped (NIO's default).
                return channel.pipeline.addHTTPClientHandlers(
                    leftOverBytesStrategy: .forwardBytes,
                    withClientUpgrade: (upgraders: [upgrader], completionHandler: { _ in })
                ).flatMapThrowing {
                    try channel.pipeline.syncOperations.addHandler(
                        UpgradeRequestSender(host: host, port: port), name: UpgradeRequestSender.name)
                }
            }
            .connect(host: host, port: port)
    }

    /// `isServer`: this end accepted the connection, so its peer's frames must be masked.
    static func addFrameHandlers(
        _ channel: Channel, maxFrameSize: Int, isServer: Bool, handler: BTPFrameHandler
    ) -> EventLoopFuture<Void> {
        // Called on the channel's own loop, so the handlers are added synchronously.
        do {
            let handlers = channel.pipeline.syncOperations
            try handlers.addHandler(
                handler.outlet, position: .before(handlers.handler(type: WebSocketFrameEncoder.self)))
        } catch {
            return channel.eventLoop.makeFailedFuture(error)
        }
        return replaceFrameDecoder(of: channel, maxFrameSize: maxFrameSize, framesMustBeMasked: isServer, then: handler)
    }

    /// NIO's upgraders add NIO's frame decoder; it gives way to one `WebSocketMessageDecoder`, with
    /// `handler` behind it. The returned future completes once NIO's decoder has left: the HTTP
    /// upgrade handler holds the bytes read meanwhile until then. Called on the channel's loop.
    static func replaceFrameDecoder(
        of channel: Channel, maxFrameSize: Int, framesMustBeMasked: Bool, then handler: ChannelHandler
    ) -> EventLoopFuture<Void> {
        do {
            let handlers = channel.pipeline.syncOperations
            let nioDecoder = try handlers.context(handlerType: ByteToMessageHandler<WebSocketFrameDecoder>.self)
            // Ours first, so that a channel closed while NIO's decoder leaves still reaches `handler`.
            let decoder = WebSocketMessageDecoder(maxMessageSize: maxFrameSize, framesMustBeMasked: framesMustBeMasked)
            try handlers.addHandlers([decoder, handler])
            return handlers.removeHandler(context: nioDecoder)
        } catch {
            return channel.eventLoop.makeFailedFuture(error)
        }
    }

    /// Builds a fresh frame handler per connection (each holds its own link).
    struct HandlerFactory {
        let delegate: WebSocketLinkDelegate
        let makeLink: (Channel, EncodedFrameOutlet) -> WebSocketLink
        func make() -> BTPFrameHandler { BTPFrameHandler(delegate: delegate, makeLink: makeLink) }
    }
}

/// Sends the HTTP `GET /btp` upgrade request when the TCP connection becomes active.
final class UpgradeRequestSender: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundOut = HTTPClientRequestPart

    static let name = "meshbench.upgrade-request"
    private let hostHeader: String

    init(host: String, port: Int) {
        // An IPv6 literal is bracketed in a Host header (RFC 7230 §5.4).
        hostHeader = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    func channelActive(context: ChannelHandlerContext) {
        var headers = HTTPHeaders()
        headers.add(name: "Host", value: hostHeader)
        headers.add(name: "Content-Length", value: "0")
        let head = HTTPRequestHead(version: .http1_1, method: .GET, uri: WebSocketEndpoint.path, headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        // Only an HTTP answer that refused the upgrade reaches here; such a link never opens.
        if case .end = unwrapInboundIn(data) { context.close(promise: nil) }
    }
}
