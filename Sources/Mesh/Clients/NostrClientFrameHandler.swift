import NIOCore
import NIOWebSocket

/// What a node's transport host hears from its NIP-01 client connections; every call arrives on
/// the node's event loop.
protocol NostrClientDelegate: AnyObject {
    func clientOpened(_ client: ClientLink)
    func client(_ client: ClientLink, received text: [UInt8])
    func clientClosed(_ client: ClientLink)
}

/// One NIP-01 client connection: JSON text frames, written unmasked (server side), flushed once
/// per batch of node work.
final class ClientLink {
    let channel: Channel
    private var needsFlush = false
    private(set) var isClosed = false

    init(channel: Channel) { self.channel = channel }

    func send(_ text: [UInt8]) {
        guard !isClosed else { return }
        var buffer = channel.allocator.buffer(capacity: text.count)
        buffer.writeBytes(text)
        channel.write(WebSocketFrame(fin: true, opcode: .text, data: buffer), promise: nil)
        needsFlush = true
    }

    func flush() {
        guard needsFlush else { return }
        needsFlush = false
        channel.flush()
    }

    func close(code: WebSocketErrorCode) {
        guard !isClosed else { return }
        isClosed = true
        var data = channel.allocator.buffer(capacity: 2)
        data.write(webSocketErrorCode: code)
        let channel = channel
        channel.writeAndFlush(WebSocketFrame(fin: true, opcode: .connectionClose, data: data)).whenComplete { _ in
            channel.close(promise: nil)
        }
    }

    func markClosed() { isClosed = true }
}

/// The last handler of a client connection: text frames to the node, pings answered, closes and
/// broken frames end the connection.
final class NostrClientFrameHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = WebSocketMessage
    typealias OutboundOut = WebSocketFrame

    private weak var delegate: NostrClientDelegate?
    private var client: ClientLink?

    init(delegate: NostrClientDelegate) { self.delegate = delegate }

    func handlerAdded(context: ChannelHandlerContext) {
        let client = ClientLink(channel: context.channel)
        self.client = client
        delegate?.clientOpened(client)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard let client else { return }
        switch unwrapInboundIn(data) {
        case let .text(bytes), let .binary(bytes):
            delegate?.client(client, received: bytes)
        case let .ping(payload):
            let frame = WebSocketFrame(fin: true, opcode: .pong, data: context.channel.allocator.buffer(bytes: payload))
            context.writeAndFlush(wrapOutboundOut(frame), promise: nil)
        case .close:
            client.close(code: .normalClosure)
        case .pong:
            break
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        client?.close(code: (error as? WebSocketMessageDecoder.Failure)?.closeCode ?? .protocolError)
    }

    func channelInactive(context: ChannelHandlerContext) {
        if let client {
            client.markClosed()
            delegate?.clientClosed(client)
        }
        client = nil
        context.fireChannelInactive()
    }
}
