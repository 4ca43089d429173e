import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// The fields of a relay's NIP-11 information document that identify what was measured. Every
/// field is optional: relays fill in what they like.
public struct RelayInformation: Codable, Hashable, Sendable {
    public var name: String?
    public var description: String?
    public var software: String?
    public var version: String?
    public var supportedNIPs: [Int]?

    public init(
        name: String? = nil, description: String? = nil, software: String? = nil, version: String? = nil,
        supportedNIPs: [Int]? = nil
    ) {
        self.name = name
        self.description = description
        self.software = software
        self.version = version
        self.supportedNIPs = supportedNIPs
    }

    enum CodingKeys: String, CodingKey {
        case name, description, software, version
        case supportedNIPs = "supported_nips"
    }

    /// Decodes leniently: a field of the wrong type is left out rather than failing the document.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try? c.decodeIfPresent(String.self, forKey: .name)
        description = try? c.decodeIfPresent(String.self, forKey: .description)
        software = try? c.decodeIfPresent(String.self, forKey: .software)
        version = try? c.decodeIfPresent(String.self, forKey: .version)
        supportedNIPs = try? c.decodeIfPresent([Int].self, forKey: .supportedNIPs)
    }

    /// Largest document read; a relay that sends more is treated as serving none.
    public static let maximumBytes = 65_536

    /// Fetches the document with `GET PATH` and `Accept: application/nostr+json` from the relay's
    /// own host and port (NIP-11). Returns the document, or nil and why there is none; never
    /// throws, because a relay without NIP-11 can still be benchmarked.
    public static func fetch(
        _ url: RelayURL, on group: EventLoopGroup, timeout: Double
    ) async -> (RelayInformation?, String?) {
        do {
            let (status, body) = try await HTTPGet.fetch(
                url, path: url.path, accept: "application/nostr+json",
                maximumBytes: maximumBytes, what: "NIP-11 document", on: group, timeout: timeout)
            guard status == .ok else { return (nil, "GET \(url.path) answered HTTP \(status.code)") }
            do {
                return (try JSONDecoder().decode(RelayInformation.self, from: Data(body)), nil)
            } catch {
                return (nil, "GET \(url.path) did not answer a JSON object")
            }
        } catch {
            return (nil, "\(error)")
        }
    }
}

/// One HTTP `GET` on a connection of its own to a relay's host and port, the answer capped at
/// `maximumBytes`: how the driver reads NIP-11 documents and our nodes' status pages
/// (`/readyz`, `/counters`) with nothing but network access.
public enum HTTPGet {
    public static func fetch(
        _ url: RelayURL, path: String, accept: String, maximumBytes: Int, what: String,
        on group: EventLoopGroup, timeout: Double
    ) async throws -> (status: HTTPResponseStatus, body: [UInt8]) {
        let loop = group.next()
        let answer = loop.makePromise(of: (HTTPResponseStatus, [UInt8]).self)
        let request = DocumentReader.Request(
            url: url, path: path, accept: accept, maximumBytes: maximumBytes, what: what)
        let bootstrap = ClientBootstrap(group: loop)
            .connectTimeout(.nanoseconds(Int64(timeout * 1e9)))
            .channelInitializer { channel in
                channel.pipeline.addHTTPClientHandlers().flatMapThrowing {
                    try channel.pipeline.syncOperations.addHandler(DocumentReader(request: request, answer: answer))
                }
            }
        let deadline = loop.scheduleTask(in: .nanoseconds(Int64(timeout * 1e9))) {
            answer.fail(RelayFailure.silence(url: url.description, awaiting: what, seconds: timeout))
        }
        defer { deadline.cancel() }
        var channel: Channel?
        do {
            channel = try await bootstrap.connect(host: url.host, port: url.port).get()
            let result = try await answer.futureResult.get()
            try? await channel?.close()  // the document is in; a failed close changes nothing
            return result
        } catch {
            answer.fail(error)
            try? await channel?.close()  // best effort: the fetch's error is the one reported
            throw error
        }
    }
}

/// Sends one `GET` and collects the answer up to the request's `maximumBytes`.
private final class DocumentReader: ChannelInboundHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundOut = HTTPClientRequestPart

    struct Request {
        let url: RelayURL
        let path: String
        let accept: String
        let maximumBytes: Int
        /// What is fetched, for errors ("NIP-11 document").
        let what: String
    }

    private let request: Request
    private var url: RelayURL { request.url }
    private let answer: EventLoopPromise<(HTTPResponseStatus, [UInt8])>
    private var status: HTTPResponseStatus = .ok
    private var body: [UInt8] = []

    init(request: Request, answer: EventLoopPromise<(HTTPResponseStatus, [UInt8])>) {
        self.request = request
        self.answer = answer
    }

    func channelActive(context: ChannelHandlerContext) {
        var headers = HTTPHeaders()
        headers.add(name: "Host", value: url.hostHeader)
        headers.add(name: "Accept", value: request.accept)
        headers.add(name: "Connection", value: "close")
        context.write(
            wrapOutboundOut(
                .head(HTTPRequestHead(version: .http1_1, method: .GET, uri: request.path, headers: headers))),
            promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case let .head(head):
            status = head.status
        case var .body(chunk):
            guard body.count + chunk.readableBytes <= request.maximumBytes else {
                answer.fail(
                    RelayFailure.malformed(
                        url: url.description, detail: "\(request.what) larger than \(request.maximumBytes) bytes"))
                context.close(promise: nil)
                return
            }
            body += chunk.readBytes(length: chunk.readableBytes) ?? []
        case .end:
            answer.succeed((status, body))
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        answer.fail(error)
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        answer.fail(RelayFailure.dropped(url: url.description, detail: "closed before the \(request.what) ended"))
    }
}
