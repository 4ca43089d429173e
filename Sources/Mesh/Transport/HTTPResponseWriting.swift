import NIOCore
import NIOHTTP1

extension ChannelHandlerContext {
    /// Writes one whole HTTP/1.1 response (head with `Content-Type`, `Content-Length` and `extraHeaders`,
    /// body, end) and flushes it: the one response writer of the listener's plain-HTTP answers
    /// (status pages, NIP-11, refusals). The future completes when the end is written.
    @discardableResult
    func writeHTTPResponse(
        _ status: HTTPResponseStatus, contentType: String, body: [UInt8],
        extraHeaders: [(String, String)] = []
    ) -> EventLoopFuture<Void> {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: contentType)
        headers.add(name: "Content-Length", value: "\(body.count)")
        headers.add(contentsOf: extraHeaders)
        var buffer = channel.allocator.buffer(capacity: body.count)
        buffer.writeBytes(body)
        write(
            NIOAny(HTTPServerResponsePart.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))),
            promise: nil)
        write(NIOAny(HTTPServerResponsePart.body(.byteBuffer(buffer))), promise: nil)
        return writeAndFlush(NIOAny(HTTPServerResponsePart.end(nil)))
    }
}
