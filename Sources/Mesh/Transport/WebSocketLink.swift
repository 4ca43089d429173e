import DequeModule
import NIOCore
import NIOHTTP1
import NIOWebSocket

/// What a node's transport host hears from its WebSocket links; every call arrives on the node's
/// event loop.
protocol WebSocketLinkDelegate: AnyObject {
    func linkOpened(_ link: WebSocketLink)
    func link(_ link: WebSocketLink, received frame: [UInt8])
    func linkClosed(_ link: WebSocketLink)
    /// A frame larger than the node's limit arrived; the link is being closed with 1009.
    func linkReceivedOversizeFrame(_ link: WebSocketLink)
    /// A frame the peer cannot use (text, broken fragments, wrong masking); the link is being closed with 1002/1003.
    func linkReceivedInvalidFrame(_ link: WebSocketLink, reason: String)
    /// Any other channel error (e.g. a reset connection); the link is being closed.
    func link(_ link: WebSocketLink, failed error: Error)
    /// The listener answered an HTTP request with `status` (404, 400, 503) and is closing it.
    func connectionRefused(status: HTTPResponseStatus)
    /// An accepted connection's auth deadline passed, before (`nil`) or after its WebSocket upgrade;
    /// returns whether it must be closed (it is not authenticated).
    func authDeadlinePassed(_ link: WebSocketLink?) -> Bool
}

/// Which side dialed: a dialer knows its peer up front, a listener learns it from the BTP auth token.
enum LinkRole: Equatable {
    case dialer(peer: Int)
    case listener
}

/// One WebSocket connection carrying binary BTP frames, with a bounded send queue that respects
/// the channel's writability (NIO's write-buffer water marks): frames are written straight through
/// while the channel is writable and queued otherwise; a full queue drops the frame (counted), so
/// a slow peer costs memory up to the bound and no more.
///
/// The link encodes its frames itself, into one buffer that goes to the channel at `flush()` (or
/// once it holds `handOverBytes`, so the channel's writability still follows within a batch): one
/// write through the pipeline per batch instead of a `ByteBuffer`, a `WebSocketFrame` and NIO's
/// encoder per frame (issue 15). The bytes on the wire are the ones NIO's encoder wrote.
final class WebSocketLink {
    /// Encoded frames go to the channel at the latest when this many bytes wait, a quarter of
    /// NIO's default high water mark (64 KiB), so a batch overshoots it by little.
    static let handOverBytes = 16 * 1024

    let id: UInt64
    let role: LinkRole
    let channel: Channel
    private let outlet: EncodedFrameOutlet
    /// Keys for the frames this end masks: only a client masks (RFC 6455 §5.1).
    private let maskingKeys: MaskingKeySource?
    private let queueLimit: Int
    private let gauge: QueueGauge
    private var queue: Deque<[UInt8]> = []
    /// Frames encoded since the last hand-over to the channel.
    private var encoded: ByteBuffer
    private var needsFlush = false
    private(set) var isClosed = false

    /// `maskingKeys`: the node's key source on the client side of the connection, `nil` on the server side.
    init(
        id: UInt64, role: LinkRole, channel: Channel, outlet: EncodedFrameOutlet, maskingKeys: MaskingKeySource?,
        queueLimit: Int, gauge: QueueGauge
    ) {
        self.id = id
        self.role = role
        self.channel = channel
        self.outlet = outlet
        self.maskingKeys = maskingKeys
        self.queueLimit = queueLimit
        self.gauge = gauge
        encoded = channel.allocator.buffer(capacity: 0)
    }

    /// Writes (or queues) one binary frame; call `flush()` after a batch. Returns `false` when the
    /// queue was full and the frame was dropped.
    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
        guard !isClosed else { return false }
        if queue.isEmpty && channel.isWritable {
            bytes.withUnsafeBytes { encode(.binary, payload: $0) }
            return true
        }
        guard queue.count < queueLimit else { return false }
        queue.append(bytes)
        gauge.add(1)
        return true
    }

    func flush() {
        handOver(promise: nil)
        guard needsFlush else { return }
        needsFlush = false
        outlet.flush()
    }

    /// The channel became writable again: drain what fits.
    func drain() {
        while channel.isWritable, let bytes = queue.popFirst() {
            gauge.add(-1)
            bytes.withUnsafeBytes { encode(.binary, payload: $0) }
        }
        flush()
    }

    /// Answers a ping at once, ahead of any queued frames.
    func pong(_ payload: [UInt8]) {
        guard !isClosed else { return }
        payload.withUnsafeBytes { encode(.pong, payload: $0) }
        flush()
    }

    /// Sends a WebSocket close frame with `code` after the frames already written, then closes the
    /// TCP connection.
    func close(code: WebSocketErrorCode = .normalClosure) {
        guard !isClosed else { return }
        markClosed()
        var data = channel.allocator.buffer(capacity: 2)
        data.write(webSocketErrorCode: code)
        data.withUnsafeReadableBytes { encode(.connectionClose, payload: $0) }
        let channel = self.channel
        let written = channel.eventLoop.makePromise(of: Void.self)
        written.futureResult.whenComplete { _ in channel.close(promise: nil) }
        handOver(promise: written)
        needsFlush = false
        outlet.flush()
    }

    /// Forgets queued frames once the connection is gone, so the gauge stays exact.
    func markClosed() {
        guard !isClosed else { return }
        isClosed = true
        gauge.add(-queue.count)
        queue.removeAll()
    }

    private func encode(_ opcode: WebSocketOpcode, payload: UnsafeRawBufferPointer) {
        if encoded.readableBytes == 0 {
            // Reuses the last buffer's memory when the socket has let go of it (it usually has),
            // unless a large frame grew it: then it is dropped.
            if encoded.capacity > 4 * Self.handOverBytes {
                encoded = channel.allocator.buffer(capacity: 0)
            } else {
                encoded.clear()
            }
        }
        encoded.writeWebSocketFrame(opcode: opcode, payload: payload, maskKey: maskingKeys?.nextKey())
        if encoded.readableBytes >= Self.handOverBytes { handOver(promise: nil) }
    }

    /// Passes the encoded frames to the channel (unflushed). The channel holds on to the buffer
    /// until the socket took it, so the next `encode` starts over in it only if it is free again.
    private func handOver(promise: EventLoopPromise<Void>?) {
        guard encoded.readableBytes > 0 else {
            promise?.succeed()
            return
        }
        outlet.write(encoded, promise: promise)
        encoded.moveReaderIndex(to: encoded.writerIndex)
        needsFlush = true
    }
}

/// Frames waiting in a node's send queues: now and the most ever.
final class QueueGauge {
    private(set) var current = 0
    private(set) var maximum = 0

    func add(_ delta: Int) {
        current += delta
        maximum = max(maximum, current)
    }
}
