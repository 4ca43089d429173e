import NIOCore
import NIOHTTP1

/// Answers a plain `GET` of one of `NodeStatusResponder.paths` with the page `page` gives, then
/// closes the connection; passes every other request on (to the NIP-11 responder and the HTTP
/// refusal). Removed from the pipeline when a connection upgrades to WebSocket.
///
/// Thread safety: a channel handler, confined to its channel's event loop; `page` is called there.
final class NodeStatusResponder: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart
    static let name = "meshbench.status"
    static let paths: Set<String> = ["/healthz", "/readyz", "/counters"]

    /// The status and JSON body of a page, on the listener's loop.
    typealias Page = (_ path: String) -> (status: HTTPResponseStatus, body: [UInt8])

    private let page: Page
    private var answering: String?

    init(page: @escaping Page) { self.page = page }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case let .head(head) where head.method == .GET && Self.paths.contains(head.uri):
            answering = head.uri
        case .end where answering != nil:
            let (status, body) = page(answering ?? "")
            answering = nil
            context.writeHTTPResponse(
                status, contentType: "application/json", body: body, extraHeaders: [("Connection", "close")]
            ).assumeIsolated().whenComplete { _ in
                context.close(promise: nil)
            }
        case .body where answering != nil:
            break
        default:
            context.fireChannelRead(data)
        }
    }
}
