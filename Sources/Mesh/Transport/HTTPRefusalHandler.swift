import NIOCore
import NIOHTTP1

/// The end of a listener's HTTP pipeline: answers every request that did not become a WebSocket
/// with an error status and `Connection: close`, then closes the connection once the request has
/// been read. Without it a request the upgrader declines would get no answer and stay open.
/// It removes itself when an upgrade completes, so WebSocket frames never reach it.
///
/// Thread safety: a channel handler, confined to its channel's event loop.
final class HTTPRefusalHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    /// Why a request is refused, which picks the status.
    enum Refusal {
        /// Not an upgrade the listener accepts: 404 for another path, 400 for a bad upgrade of its own.
        case notUpgraded(path: String)
        /// The listener holds its maximum of connections: 503.
        case listenerFull

        func status(for head: HTTPRequestHead) -> HTTPResponseStatus {
            switch self {
            case let .notUpgraded(path): return head.uri == path ? .badRequest : .notFound
            case .listenerFull: return .serviceUnavailable
            }
        }
    }

    private let refusal: Refusal
    private let onRefusal: (HTTPResponseStatus) -> Void
    private var answered = false

    init(_ refusal: Refusal, onRefusal: @escaping (HTTPResponseStatus) -> Void) {
        self.refusal = refusal
        self.onRefusal = onRefusal
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case let .head(head) where !answered:
            answered = true
            let status = refusal.status(for: head)
            onRefusal(status)
            respond(status, context: context)
        case .head, .body:
            break
        case .end:
            // The request is read to its end, so closing now sends a FIN, not a reset that could
            // destroy the answer before the client reads it.
            if answered { context.close(promise: nil) }
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let upgrade = event as? HTTPServerUpgradeEvents, case .upgradeComplete = upgrade {
            context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
        }
        context.fireUserInboundEventTriggered(event)
    }

    private func respond(_ status: HTTPResponseStatus, context: ChannelHandlerContext) {
        context.writeHTTPResponse(
            status, contentType: "text/plain; charset=utf-8",
            body: Array("\(status.code) \(status.reasonPhrase)\n".utf8),
            extraHeaders: [("Connection", "close")])
    }
}
