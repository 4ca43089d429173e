import NIOCore
import NIOPosix
@testable import Mesh

/// A deliberately minimal WebSocket client written for the tests: it speaks raw TCP, sends the
/// HTTP upgrade by hand and frames bytes itself, so it can send what a well-behaved peer never
/// would (no auth, garbage, oversize or unmasked frames, plain HTTP requests). Thread safety:
/// `@unchecked Sendable` only so a test can hand it to a task; one task at a time uses it (its
/// read buffer and stream iterator are not locked).
final class RawWebSocketClient: @unchecked Sendable {
    private let channel: Channel
    private var buffer: [UInt8] = []
    private var iterator: AsyncStream<[UInt8]>.Iterator

    struct Frame: Equatable {
        let opcode: UInt8
        let payload: [UInt8]
    }

    private final class Collector: ChannelInboundHandler, Sendable {
        typealias InboundIn = ByteBuffer
        let continuation: AsyncStream<[UInt8]>.Continuation
        init(_ continuation: AsyncStream<[UInt8]>.Continuation) { self.continuation = continuation }
        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            var bytes = unwrapInboundIn(data)
            continuation.yield(bytes.readBytes(length: bytes.readableBytes) ?? [])
        }
        func channelInactive(context: ChannelHandlerContext) { continuation.finish() }
    }

    private init(channel: Channel, stream: AsyncStream<[UInt8]>) {
        self.channel = channel
        self.iterator = stream.makeAsyncIterator()
    }

    /// Connects and completes the HTTP upgrade; throws if the server does not answer 101.
    /// `firstFrames` go in the same TCP write as the request.
    static func connect(
        port: Int, group: EventLoopGroup, path: String = "/btp", firstFrames: [UInt8] = []
    ) async throws -> RawWebSocketClient {
        let client = try await open(port: port, group: group)
        let head = try await client.request(
            "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n",
            followedBy: firstFrames
        )
        guard head.hasPrefix("HTTP/1.1 101") else { throw ClientError.upgradeRefused(head) }
        return client
    }

    /// Connects over TCP and sends nothing: the caller speaks first (or never). The client closes
    /// itself after `lifetime` seconds, so a test against a server that never answers fails
    /// instead of waiting forever.
    static func open(
        port: Int, host: String = "127.0.0.1", group: EventLoopGroup, lifetime: Int64 = 60
    ) async throws -> RawWebSocketClient {
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream()
        let channel = try await ClientBootstrap(group: group)
            .channelInitializer { $0.pipeline.addHandler(Collector(continuation)) }
            .connect(host: host, port: port).get()
        channel.eventLoop.scheduleTask(in: .seconds(lifetime)) { channel.close(promise: nil) }
        return RawWebSocketClient(channel: channel, stream: stream)
    }

    /// Sends `text` (an HTTP request written by hand), and `bytes` in the same write, and returns
    /// the head of the answer, or what arrived before the server closed.
    func request(_ text: String, followedBy bytes: [UInt8] = []) async throws -> String {
        try await write(Array(text.utf8) + bytes)
        return try await readHTTPHead()
    }

    enum ClientError: Error { case upgradeRefused(String) }

    func write(_ bytes: [UInt8]) async throws {
        try await channel.writeAndFlush(channel.allocator.buffer(bytes: bytes)).get()
    }

    /// Sends one binary frame, masked as clients must (RFC 6455 §5.3) unless `masked` is false.
    func sendBinary(_ payload: [UInt8], masked: Bool = true) async throws {
        let maskBit: UInt8 = masked ? 0x80 : 0
        var frame: [UInt8] = [0x82]
        if payload.count < 126 {
            frame.append(maskBit | UInt8(payload.count))
        } else if payload.count <= 0xFFFF {
            frame += [maskBit | 126, UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)]
        } else {
            frame.append(maskBit | 127)
            frame += (0..<8).reversed().map { UInt8((UInt64(payload.count) >> (8 * UInt64($0))) & 0xFF) }
        }
        guard masked else { return try await write(frame + payload) }
        let mask: [UInt8] = [0x12, 0x34, 0x56, 0x78]
        frame += mask
        frame += payload.enumerated().map { $0.element ^ mask[$0.offset % 4] }
        try await write(frame)
    }

    /// Whether the server closed the connection within `seconds` (a bound against hanging, not
    /// a timing assertion).
    func isClosed(within seconds: Int64) async -> Bool {
        let channel = channel
        let outcome = channel.eventLoop.flatSubmit { () -> EventLoopFuture<Bool> in
            let promise = channel.eventLoop.makePromise(of: Bool.self)
            let settled = NIOLoopBoundBox(false, eventLoop: channel.eventLoop)
            let settle: @Sendable (Bool) -> Void = { closed in
                guard !settled.value else { return }
                settled.value = true
                promise.succeed(closed)
            }
            let timer = channel.eventLoop.scheduleTask(in: .seconds(seconds)) { settle(false) }
            channel.closeFuture.whenComplete { _ in
                timer.cancel(); settle(true)
            }
            return promise.futureResult
        }
        return (try? await outcome.get()) ?? false
    }

    /// The next frame from the server, or nil once the connection is closed.
    func nextFrame() async -> Frame? {
        while true {
            if let frame = parseFrame() { return frame }
            guard let more = await iterator.next() else { return nil }
            buffer += more
        }
    }

    /// Frames until the server closes the TCP connection.
    func framesUntilClosed() async -> [Frame] {
        var frames: [Frame] = []
        while let frame = await nextFrame() { frames.append(frame) }
        return frames
    }

    func close() async {
        try? await channel.close()
    }

    /// Everything the server sends after the head until it closes (an HTTP body).
    func bytesUntilClosed() async -> [UInt8] {
        while let more = await iterator.next() { buffer += more }
        defer { buffer.removeAll() }
        return buffer
    }

    private func readHTTPHead() async throws -> String {
        let end: [UInt8] = Array("\r\n\r\n".utf8)
        while true {
            if let range = buffer.firstRange(of: end) {
                let head = String(decoding: buffer[..<range.lowerBound], as: UTF8.self)
                buffer.removeSubrange(..<range.upperBound)
                return head
            }
            guard let more = await iterator.next() else { return String(decoding: buffer, as: UTF8.self) }
            buffer += more
        }
    }

    /// Server frames are unmasked: opcode, 7/16/64-bit length, payload.
    private func parseFrame() -> Frame? {
        guard buffer.count >= 2 else { return nil }
        var length = Int(buffer[1] & 0x7F)
        var offset = 2
        if length == 126 {
            guard buffer.count >= 4 else { return nil }
            length = Int(buffer[2]) << 8 | Int(buffer[3])
            offset = 4
        } else if length == 127 {
            guard buffer.count >= 10 else { return nil }
            length = buffer[2..<10].reduce(0) { $0 << 8 | Int($1) }
            offset = 10
        }
        guard buffer.count >= offset + length else { return nil }
        let frame = Frame(opcode: buffer[0] & 0x0F, payload: Array(buffer[offset..<(offset + length)]))
        buffer.removeSubrange(..<(offset + length))
        return frame
    }
}
