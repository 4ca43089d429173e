import NIOCore
import NIOWebSocket

/// RFC 6455 §5.1: a client masks every frame it sends and a server masks none; the receiver of a
/// frame masked the wrong way must close the connection. NIO's decoder accepts both, so this
/// check sits right behind it: the first wrong frame is dropped and raised as `Violation` (the
/// frame handler closes with 1002), and nothing after it is read.
///
/// Thread safety: a channel handler, confined to its channel's event loop.
final class FrameMaskingCheck: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = WebSocketFrame
    typealias InboundOut = WebSocketFrame

    struct Violation: Error, CustomStringConvertible {
        let framesMustBeMasked: Bool
        var description: String {
            framesMustBeMasked
                ? "unmasked frame from a client (RFC 6455 §5.1)" : "masked frame from a server (RFC 6455 §5.1)"
        }
    }

    private let framesMustBeMasked: Bool
    private var violated = false

    /// `framesMustBeMasked`: true on the server side of a connection, false on the client side.
    init(framesMustBeMasked: Bool) {
        self.framesMustBeMasked = framesMustBeMasked
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !violated else { return }
        guard (unwrapInboundIn(data).maskKey != nil) == framesMustBeMasked else {
            violated = true
            context.fireErrorCaught(Violation(framesMustBeMasked: framesMustBeMasked))
            return
        }
        context.fireChannelRead(data)
    }
}
