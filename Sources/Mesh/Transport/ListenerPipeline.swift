import NIOCore
import NIOHTTP1
import NIOWebSocket

/// The pipeline of one connection a node's listener accepted: a slot of the listener's admission
/// (connection limit and auth deadline), HTTP with the WebSocket upgrades of
/// `WebSocketEndpoint.path` (peers, BTP) and `NostrClientEndpoint.path` (NIP-01 clients), the
/// NIP-11 document for a plain `GET` of the client path, the status pages of a standalone node
/// (`NodeStatusResponder`, when it has them), an HTTP refusal for every other request,
/// and after the upgrade the node's WebSocket decoder and the frame handler of its kind.
/// NIP-01 clients do not authenticate, so the auth deadline spares a connection that upgraded to
/// the client path; the connection limit counts them all. Apart from the bootstrap, so the
/// fuzz target and tests run this very pipeline on an `EmbeddedChannel`.
///
/// Thread safety: confined to the listener's event loop, which its accepted channels share.
final class ListenerPipeline {
    let maxFrameSize: Int
    let admission: ListenerAdmission
    private let handlerFactory: WebSocketEndpoint.HandlerFactory
    private let clients: NostrClientDelegate
    private let relayInformation: [UInt8]
    private let statusPage: NodeStatusResponder.Page?

    init(
        maxFrameSize: Int, admission: ListenerAdmission, delegate: WebSocketLinkDelegate,
        clients: NostrClientDelegate, relayInformation: [UInt8], statusPage: NodeStatusResponder.Page? = nil,
        makeLink: @escaping (Channel, EncodedFrameOutlet) -> WebSocketLink
    ) {
        self.maxFrameSize = maxFrameSize
        self.admission = admission
        self.clients = clients
        self.relayInformation = relayInformation
        self.statusPage = statusPage
        handlerFactory = WebSocketEndpoint.HandlerFactory(delegate: delegate, makeLink: makeLink)
    }

    /// Set when a connection upgrades to the NIP-01 client path, so its auth deadline is void.
    private final class ClientMark {
        var isNostrClient = false
    }

    /// Sets up an accepted `channel`; called on its event loop.
    func configure(_ channel: Channel) -> EventLoopFuture<Void> {
        let handler = NIOLoopBound(handlerFactory.make(), eventLoop: channel.eventLoop)
        let delegate = NIOLoopBound(handlerFactory.delegate, eventLoop: channel.eventLoop)
        let clients = NIOLoopBound(clients, eventLoop: channel.eventLoop)
        let mark = NIOLoopBound(ClientMark(), eventLoop: channel.eventLoop)
        let refused: @Sendable (HTTPResponseStatus) -> Void = { delegate.value.connectionRefused(status: $0) }
        let expired: @Sendable () -> Void = {
            if !mark.value.isNostrClient { handler.value.authDeadlinePassed(channel: channel) }
        }
        guard admission.admit(channel, expired: expired) else {
            return channel.pipeline.configureHTTPServerPipeline().flatMapThrowing {
                try channel.pipeline.syncOperations.addHandler(HTTPRefusalHandler(.listenerFull, onRefusal: refused))
            }
        }
        let maxFrameSize = maxFrameSize
        let upgrader = NIOWebSocketServerUpgrader(
            maxFrameSize: maxFrameSize,
            automaticErrorHandling: false,
            shouldUpgrade: { channel, head in
                let known = head.uri == WebSocketEndpoint.path || head.uri == NostrClientEndpoint.path
                return channel.eventLoop.makeSucceededFuture(known ? HTTPHeaders() : nil)
            },
            upgradePipelineHandler: { channel, head in
                channel.eventLoop.assertInEventLoop()
                if head.uri == NostrClientEndpoint.path {
                    mark.value.isNostrClient = true
                    return NostrClientEndpoint.addHandlers(channel, maxFrameSize: maxFrameSize, delegate: clients.value)
                }
                return WebSocketEndpoint.addFrameHandlers(
                    channel, maxFrameSize: maxFrameSize, isServer: true, handler: handler.value)
            }
        )
        let relayInformation = relayInformation
        let statusPage = NIOLoopBound(statusPage, eventLoop: channel.eventLoop)
        return channel.pipeline.configureHTTPServerPipeline(
            withServerUpgrade: (
                upgraders: [upgrader],
                completionHandler: { context in
                    // The NIP-11 and status responders speak HTTP: out before WebSocket frames flow.
                    context.pipeline.syncOperations.removeHandler(name: RelayInformationResponder.name, promise: nil)
                    if statusPage.value != nil {
                        context.pipeline.syncOperations.removeHandler(name: NodeStatusResponder.name, promise: nil)
                    }
                }
            )
        ).flatMapThrowing {
            let handlers = channel.pipeline.syncOperations
            if let page = statusPage.value {
                try handlers.addHandler(NodeStatusResponder(page: page), name: NodeStatusResponder.name)
            }
            try handlers.addHandler(
                RelayInformationResponder(document: relayInformation), name: RelayInformationResponder.name)
            try handlers.addHandler(HTTPRefusalHandler(.notUpgraded(path: WebSocketEndpoint.path), onRefusal: refused))
        }
    }
}
