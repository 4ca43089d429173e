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

    public init(name: String? = nil, description: String? = nil, software: String? = nil, version: String? = nil,
                supportedNIPs: [Int]? = nil) {
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
    public static func fetch(_ url: RelayURL, on group: EventLoopGroup, timeout: Double) async -> (RelayInformation?, String?) {
        let loop = group.next()
        let answer = loop.makePromise(of: (HTTPResponseStatus, [UInt8]).self)
        let bootstrap = ClientBootstrap(group: loop)
            .connectTimeout(.nanoseconds(Int64(timeout * 1e9)))
            .channelInitializer { channel in
                channel.pipeline.addHTTPClientHandlers().flatMap {
                    channel.pipeline.addHandler(DocumentReader(url: url, answer: answer))
                }
            }
        let deadline = loop.scheduleTask(in: .nanoseconds(Int64(timeout * 1e9))) {
            answer.fail(RelayFailure.silence(url: url.description, awaiting: "NIP-11 document", seconds: timeout))
        }
        defer { deadline.cancel() }
        var channel: Channel?
        do {
            channel = try await bootstrap.connect(host: url.host, port: url.port).get()
            let (status, body) = try await answer.futureResult.get()
            try? await channel?.close()
            guard status == .ok else { return (nil, "GET \(url.path) answered HTTP \(status.code)") }
            do {
                return (try JSONDecoder().decode(RelayInformation.self, from: Data(body)), nil)
            } catch {
                return (nil, "GET \(url.path) did not answer a JSON object")
            }
        } catch {
            answer.fail(error)
            try? await channel?.close()
            return (nil, "\(error)")
        }
    }
}

/// Sends the NIP-11 request and collects the answer up to `RelayInformation.maximumBytes`.
private final class DocumentReader: ChannelInboundHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundOut = HTTPClientRequestPart

    private let url: RelayURL
    private let answer: EventLoopPromise<(HTTPResponseStatus, [UInt8])>
    private var status: HTTPResponseStatus = .ok
    private var body: [UInt8] = []

    init(url: RelayURL, answer: EventLoopPromise<(HTTPResponseStatus, [UInt8])>) {
        self.url = url
        self.answer = answer
    }

    func channelActive(context: ChannelHandlerContext) {
        var headers = HTTPHeaders()
        headers.add(name: "Host", value: url.hostHeader)
        headers.add(name: "Accept", value: "application/nostr+json")
        headers.add(name: "Connection", value: "close")
        context.write(wrapOutboundOut(.head(HTTPRequestHead(version: .http1_1, method: .GET, uri: url.path, headers: headers))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case let .head(head):
            status = head.status
        case var .body(chunk):
            guard body.count + chunk.readableBytes <= RelayInformation.maximumBytes else {
                answer.fail(RelayFailure.malformed(url: url.description, detail: "NIP-11 document larger than \(RelayInformation.maximumBytes) bytes"))
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
        answer.fail(RelayFailure.dropped(url: url.description, detail: "closed before the NIP-11 answer ended"))
    }
}
