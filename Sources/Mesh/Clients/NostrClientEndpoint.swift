import NIOCore
import NIOHTTP1
import NIOWebSocket

/// The NIP-01 client side of a node's listener: `GET /nostr` with `Upgrade: websocket` opens a
/// plain Nostr client connection (JSON text frames) beside the `/btp` peer links, and a plain
/// `GET /nostr` answers the node's NIP-11 information document.
enum NostrClientEndpoint {
    static let path = "/nostr"

    /// Adds the handlers of an upgraded client connection (on the channel's own loop).
    static func addHandlers(
        _ channel: Channel, maxFrameSize: Int, delegate: NostrClientDelegate
    ) -> EventLoopFuture<Void> {
        // A client's frames must be masked (RFC 6455 §5.1).
        WebSocketEndpoint.replaceFrameDecoder(
            of: channel, maxFrameSize: maxFrameSize, framesMustBeMasked: true,
            then: NostrClientFrameHandler(delegate: delegate))
    }
}

/// Answers `GET /nostr` without an upgrade with the NIP-11 document; passes anything else on.
/// Removed from the pipeline when a connection upgrades (it speaks HTTP only).
final class RelayInformationResponder: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart
    static let name = "meshbench.nip11"

    private let document: [UInt8]
    private var answering = false

    init(document: [UInt8]) { self.document = document }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case let .head(head) where head.method == .GET && head.uri == NostrClientEndpoint.path:
            answering = true
        case .end where answering:
            answering = false
            context.writeHTTPResponse(
                .ok, contentType: "application/nostr+json", body: document,
                extraHeaders: [("Access-Control-Allow-Origin", "*")])
        case .body where answering, .end where answering:
            break
        default:
            context.fireChannelRead(data)
        }
    }
}
