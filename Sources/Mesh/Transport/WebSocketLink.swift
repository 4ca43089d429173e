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
final class WebSocketLink {
    let id: UInt64
    let role: LinkRole
    let channel: Channel
    /// Keys for the frames this end masks: only a client masks (RFC 6455 §5.1).
    private let maskingKeys: MaskingKeySource?
    private let queueLimit: Int
    private let gauge: QueueGauge
    private var queue: Deque<ByteBuffer> = []
    private var needsFlush = false
    private(set) var isClosed = false

    /// `maskingKeys`: the node's key source on the client side of the connection, `nil` on the server side.
    init(
        id: UInt64, role: LinkRole, channel: Channel, maskingKeys: MaskingKeySource?, queueLimit: Int,
        gauge: QueueGauge
    ) {
        self.id = id
        self.role = role
        self.channel = channel
        self.maskingKeys = maskingKeys
        self.queueLimit = queueLimit
        self.gauge = gauge
    }

    /// Writes (or queues) one binary frame; call `flush()` after a batch. Returns `false` when the
    /// queue was full and the frame was dropped.
    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
        guard !isClosed else { return false }
        var buffer = channel.allocator.buffer(capacity: bytes.count)
        buffer.writeBytes(bytes)
        if queue.isEmpty && channel.isWritable {
            write(buffer)
            return true
        }
        guard queue.count < queueLimit else { return false }
        queue.append(buffer)
        gauge.add(1)
        return true
    }

    func flush() {
        guard needsFlush else { return }
        needsFlush = false
        channel.flush()
    }

    /// The channel became writable again: drain what fits.
    func drain() {
        while channel.isWritable, let buffer = queue.popFirst() {
            gauge.add(-1)
            write(buffer)
        }
        flush()
    }

    /// Sends a WebSocket close frame with `code`, then closes the TCP connection.
    func close(code: WebSocketErrorCode = .normalClosure) {
        guard !isClosed else { return }
        markClosed()
        var data = channel.allocator.buffer(capacity: 2)
        data.write(webSocketErrorCode: code)
        let frame = WebSocketFrame(fin: true, opcode: .connectionClose, maskKey: maskingKeys?.next(), data: data)
        let channel = self.channel
        channel.writeAndFlush(frame).whenComplete { _ in channel.close(promise: nil) }
    }

    /// Forgets queued frames once the connection is gone, so the gauge stays exact.
    func markClosed() {
        guard !isClosed else { return }
        isClosed = true
        gauge.add(-queue.count)
        queue.removeAll()
    }

    private func write(_ buffer: ByteBuffer) {
        let frame = WebSocketFrame(fin: true, opcode: .binary, maskKey: maskingKeys?.next(), data: buffer)
        channel.write(frame, promise: nil)
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
