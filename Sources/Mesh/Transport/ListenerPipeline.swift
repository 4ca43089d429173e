import NIOCore
import NIOHTTP1
import NIOWebSocket

/// The pipeline of one connection a node's listener accepted: a slot of the listener's admission
/// (connection limit and auth deadline), HTTP with the WebSocket upgrade of
/// `WebSocketEndpoint.path`, an HTTP refusal for every other request, and after the upgrade the
/// masking check, the aggregator and the node's frame handler. Apart from the bootstrap, so the
/// fuzz target and tests run this very pipeline on an `EmbeddedChannel`.
///
/// Thread safety: confined to the listener's event loop, which its accepted channels share.
final class ListenerPipeline {
    let maxFrameSize: Int
    let admission: ListenerAdmission
    private let handlerFactory: WebSocketEndpoint.HandlerFactory

    init(maxFrameSize: Int, admission: ListenerAdmission, delegate: WebSocketLinkDelegate,
         makeLink: @escaping (Channel) -> WebSocketLink) {
        self.maxFrameSize = maxFrameSize
        self.admission = admission
        handlerFactory = WebSocketEndpoint.HandlerFactory(delegate: delegate, makeLink: makeLink)
    }

    /// Sets up an accepted `channel`; called on its event loop.
    func configure(_ channel: Channel) -> EventLoopFuture<Void> {
        let handler = NIOLoopBound(handlerFactory.make(), eventLoop: channel.eventLoop)
        let delegate = NIOLoopBound(handlerFactory.delegate, eventLoop: channel.eventLoop)
        let refused: (HTTPResponseStatus) -> Void = { delegate.value.connectionRefused(status: $0) }
        guard admission.admit(channel, expired: { handler.value.authDeadlinePassed(channel: channel) }) else {
            return channel.pipeline.configureHTTPServerPipeline().flatMap {
                channel.pipeline.addHandler(HTTPRefusalHandler(.listenerFull, onRefusal: refused))
            }
        }
        let maxFrameSize = maxFrameSize
        let upgrader = NIOWebSocketServerUpgrader(
            maxFrameSize: maxFrameSize,
            automaticErrorHandling: false,
            shouldUpgrade: { channel, head in
                channel.eventLoop.makeSucceededFuture(head.uri == WebSocketEndpoint.path ? HTTPHeaders() : nil)
            },
            upgradePipelineHandler: { channel, _ in
                channel.eventLoop.assertInEventLoop()
                return WebSocketEndpoint.addFrameHandlers(channel, maxFrameSize: maxFrameSize, isServer: true, handler: handler.value)
            }
        )
        return channel.pipeline.configureHTTPServerPipeline(
            withServerUpgrade: (upgraders: [upgrader], completionHandler: { _ in })
        ).flatMap {
            channel.pipeline.addHandler(HTTPRefusalHandler(.notUpgraded(path: WebSocketEndpoint.path), onRefusal: refused))
        }
    }
}
