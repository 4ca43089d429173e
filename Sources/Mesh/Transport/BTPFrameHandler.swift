import NIOCore
import NIOWebSocket

/// The last handler of a WebSocket pipeline: hands binary frames to the node's transport host and
/// turns WebSocket-level trouble (oversize, text, broken fragments, wrong masking, a missed auth
/// deadline) into counted closes.
final class BTPFrameHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = WebSocketMessage

    /// Where the link's encoded frames enter the pipeline; `WebSocketEndpoint.addFrameHandlers`
    /// places it in front of NIO's encoder.
    let outlet = EncodedFrameOutlet()
    private let makeLink: (Channel, EncodedFrameOutlet) -> WebSocketLink
    private weak var delegate: WebSocketLinkDelegate?
    private var link: WebSocketLink?

    init(delegate: WebSocketLinkDelegate, makeLink: @escaping (Channel, EncodedFrameOutlet) -> WebSocketLink) {
        self.delegate = delegate
        self.makeLink = makeLink
    }

    func handlerAdded(context: ChannelHandlerContext) {
        let link = makeLink(context.channel, outlet)
        self.link = link
        delegate?.linkOpened(link)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        // Frames read in the same tick as the one that closed the link are not the node's business.
        guard let link, !link.isClosed else { return }
        switch unwrapInboundIn(data) {
        case let .binary(bytes):
            delegate?.link(link, received: bytes)
        case let .ping(payload):
            link.pong(payload)
        case .pong:
            break
        case .close:
            link.close(code: .normalClosure)
        case .text:
            delegate?.linkReceivedInvalidFrame(link, reason: "text frame (BTP travels in binary frames)")
            link.close(code: .unacceptableData)
        }
    }

    /// The listener's auth deadline for this connection passed: unless it authenticated, it is
    /// closed, with 1008 once it is a WebSocket, plainly while it is still HTTP.
    func authDeadlinePassed(channel: Channel) {
        guard link?.isClosed != true, delegate?.authDeadlinePassed(link) == true else { return }
        if let link { link.close(code: .policyViolation) } else { channel.close(promise: nil) }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable { link?.drain() }
        context.fireChannelWritabilityChanged()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        guard let link, !link.isClosed else { context.close(promise: nil); return }
        switch error {
        case let failure as WebSocketMessageDecoder.Failure where failure.closeCode == .messageTooLarge:
            delegate?.linkReceivedOversizeFrame(link)
            link.close(code: .messageTooLarge)
        case let failure as WebSocketMessageDecoder.Failure:
            delegate?.linkReceivedInvalidFrame(link, reason: "\(failure)")
            link.close(code: .protocolError)
        default:
            delegate?.link(link, failed: error)
            link.markClosed()
            context.close(promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        if let link {
            link.markClosed()
            delegate?.linkClosed(link)
        }
        self.link = nil
        context.fireChannelInactive()
    }
}
