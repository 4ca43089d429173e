import NIOCore

/// Where a BTP link's already encoded WebSocket frames enter its pipeline: right in front of
/// (on the socket side of) NIO's `WebSocketFrameEncoder`, which the upgraders add and which cannot
/// be removed, so the bytes skip it. Nothing writes `WebSocketFrame`s into a BTP link's pipeline
/// (the upgraders' automatic error handling is off, and the link encodes its pongs and closes
/// itself), so no bytes from the encoder can come between or inside the link's frames.
///
/// Thread safety: a channel handler, confined to its channel's event loop.
final class EncodedFrameOutlet: ChannelOutboundHandler, RemovableChannelHandler {
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private var context: ChannelHandlerContext?

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
    }

    /// Writes `bytes` towards the socket; fails `promise` if the outlet has left the pipeline.
    func write(_ bytes: ByteBuffer, promise: EventLoopPromise<Void>?) {
        guard let context else {
            promise?.fail(ChannelError.ioOnClosedChannel)
            return
        }
        context.write(wrapOutboundOut(bytes), promise: promise)
    }

    func flush() {
        context?.flush()
    }
}
