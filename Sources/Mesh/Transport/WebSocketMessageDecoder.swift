import NIOCore
import NIOWebSocket

/// One inbound WebSocket message: a data message whole (its fragments joined) and unmasked, or a
/// control frame.
enum WebSocketMessage: Equatable {
    case binary([UInt8])
    case text([UInt8])
    case ping([UInt8])
    case pong
    case close
}

/// The inbound half of a node's WebSocket connections (peer links and NIP-01 clients), in one
/// decoder: RFC 6455 frames parsed straight from the bytes read, each message unmasked in the one
/// copy that makes its array, fragments joined. It replaces NIO's frame decoder, a masking check
/// and NIO's aggregator, whose per-frame `WebSocketFrame`s, buffer slices, `NIOAny` boxes and
/// three pipeline hops cost 4.8 % of all CPU at 900 events/s on 10 nodes (docs/bottlenecks.md).
///
/// Every rule is checked as soon as a frame's header is complete, before its payload is waited
/// for: the declared length and the joined fragments against `maxMessageSize`, the masking
/// direction (RFC 6455 §5.1), reserved bits and opcodes, control frames (≤ 125 bytes, never
/// fragmented) and the order of fragments (at most `maximumFragments`, none empty but the last;
/// control frames may come between them). The first broken rule is raised as a `Failure`
/// (`errorCaught`) and nothing after it is read; the frame handler closes with its `closeCode`.
/// Lengths need not be minimally encoded, as with NIO's decoder.
///
/// A channel handler of its own rather than a `ByteToMessageDecoder`: NIO's generic
/// `ByteToMessageHandler` around it took ~1.8 % of all CPU at 900 events/s on 10 nodes for its
/// loop and buffer handling. A frame cut by a read waits in a buffer of ours, appended in place.
///
/// Thread safety: a channel handler, confined to its channel's event loop.
final class WebSocketMessageDecoder: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = WebSocketMessage

    enum Failure: Error, Equatable, CustomStringConvertible {
        case messageTooLarge(bytes: UInt64, limit: Int)
        case maskedWrongly(framesMustBeMasked: Bool)
        case reservedBitsSet(UInt8)
        case reservedOpcode(UInt8)
        case fragmentedControlFrame
        case controlFrameTooLong(bytes: UInt64)
        case continuationWithoutStart
        case messageStartedBeforeTheLastEnded
        case emptyFragment
        case tooManyFragments

        /// 1009 for a message over the size limit, 1002 for every other broken rule.
        var closeCode: WebSocketErrorCode {
            if case .messageTooLarge = self { return .messageTooLarge }
            return .protocolError
        }

        var description: String {
            switch self {
            case let .messageTooLarge(bytes, limit): "message of \(bytes) bytes over the limit of \(limit)"
            case .maskedWrongly(true): "unmasked frame from a client (RFC 6455 §5.1)"
            case .maskedWrongly(false): "masked frame from a server (RFC 6455 §5.1)"
            case let .reservedBitsSet(bits): "reserved bits \(bits) set without an extension (RFC 6455 §5.2)"
            case let .reservedOpcode(opcode): "reserved opcode \(opcode) (RFC 6455 §5.2)"
            case .fragmentedControlFrame: "fragmented control frame (RFC 6455 §5.5)"
            case let .controlFrameTooLong(bytes): "control frame of \(bytes) bytes, over 125 (RFC 6455 §5.5)"
            case .continuationWithoutStart: "continuation frame without a message to continue"
            case .messageStartedBeforeTheLastEnded: "new data frame before the fragmented message ended"
            case .emptyFragment: "empty non-final fragment"
            case .tooManyFragments: "message in more than \(WebSocketMessageDecoder.maximumFragments) fragments"
            }
        }
    }

    static let maximumFragments = 64
    static let maximumControlPayload = 125

    private let maxMessageSize: Int
    private let framesMustBeMasked: Bool
    /// The fragmented message being joined: its kind, its bytes so far and its fragment count.
    private var open: (isText: Bool, bytes: [UInt8], fragments: Int)?

    /// The start of a frame whose rest has not been read yet; our own buffer.
    private var unread: ByteBuffer?
    /// A rule was broken: nothing more is read.
    private var failed = false

    /// `framesMustBeMasked`: true on the server side of a connection, false on the client side.
    init(maxMessageSize: Int, framesMustBeMasked: Bool) {
        self.maxMessageSize = maxMessageSize
        self.framesMustBeMasked = framesMustBeMasked
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !failed else { return }
        var buffer = unwrapInboundIn(data)
        let isOurs = unread != nil
        if var unread {
            self.unread = nil  // so that the append below happens in place
            unread.writeBuffer(&buffer)
            buffer = unread
        }
        var frameSize = 0
        do {
            while let header = FrameHeader(peeking: buffer) {
                try check(header)
                // `check` bounded the length by `maxMessageSize`, an `Int`.
                let length = Int(header.length)
                frameSize = header.size + length
                guard buffer.readableBytes >= frameSize else { break }
                let message = buffer.withUnsafeReadableBytes { bytes in
                    receive(header, payload: UnsafeRawBufferPointer(rebasing: bytes[header.size..<frameSize]))
                }
                buffer.moveReaderIndex(forwardBy: frameSize)
                frameSize = 0
                if let message { context.fireChannelRead(wrapInboundOut(message)) }
            }
        } catch {
            failed = true
            context.fireErrorCaught(error)
            return
        }
        guard buffer.readableBytes > 0 else { return }
        if isOurs {
            buffer.discardReadBytes()
            unread = buffer
        } else {
            // Room for the whole frame when its header is known, so its rest appends in place.
            var copy = context.channel.allocator.buffer(capacity: max(frameSize, buffer.readableBytes))
            copy.writeBuffer(&buffer)
            unread = copy
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        unread = nil
    }

    /// The rules a frame must keep, in the order NIO's chain checked them: size and control-frame
    /// shape first, then masking, then (new here) reserved bits and opcodes, then fragment order.
    private func check(_ header: FrameHeader) throws {
        let limit = UInt64(maxMessageSize)
        guard header.length <= limit else { throw Failure.messageTooLarge(bytes: header.length, limit: maxMessageSize) }
        // Both terms are at most `limit` here, so the sum cannot overflow.
        let joined = header.opcode == 0 ? UInt64(open?.bytes.count ?? 0) + header.length : header.length
        guard joined <= limit else { throw Failure.messageTooLarge(bytes: joined, limit: maxMessageSize) }
        let isControl = header.opcode & 0x8 != 0
        if isControl && !header.fin { throw Failure.fragmentedControlFrame }
        if isControl && header.length > Self.maximumControlPayload {
            throw Failure.controlFrameTooLong(bytes: header.length)
        }
        if (header.maskPattern != nil) != framesMustBeMasked {
            throw Failure.maskedWrongly(framesMustBeMasked: framesMustBeMasked)
        }
        if header.reservedBits != 0 { throw Failure.reservedBitsSet(header.reservedBits) }
        switch header.opcode {
        case 0x0:
            guard let open else { throw Failure.continuationWithoutStart }
            try checkFragment(header, count: open.fragments + 1)
        case 0x1, 0x2:
            guard open == nil else { throw Failure.messageStartedBeforeTheLastEnded }
            if !header.fin { try checkFragment(header, count: 1) }
        case 0x8, 0x9, 0xA:
            break
        default:
            throw Failure.reservedOpcode(header.opcode)
        }
    }

    /// A message's `count`th fragment: only the last may be empty, and the 64th must be the last.
    private func checkFragment(_ header: FrameHeader, count: Int) throws {
        if !header.fin && header.length == 0 { throw Failure.emptyFragment }
        if !header.fin && count >= Self.maximumFragments { throw Failure.tooManyFragments }
    }

    /// Joins or hands on the checked frame's payload; returns the message it completes, if any.
    private func receive(_ header: FrameHeader, payload: UnsafeRawBufferPointer) -> WebSocketMessage? {
        switch header.opcode {
        case 0x0:
            guard var joining = open else { return nil }  // `check` made sure it is open
            open = nil  // so the array is uniquely referenced while it grows
            Self.appendUnmasked(payload, pattern: header.maskPattern, to: &joining.bytes)
            guard header.fin else {
                open = (joining.isText, joining.bytes, joining.fragments + 1)
                return nil
            }
            return joining.isText ? .text(joining.bytes) : .binary(joining.bytes)
        case 0x1, 0x2:
            let isText = header.opcode == 0x1
            guard header.fin else {
                var bytes: [UInt8] = []
                Self.appendUnmasked(payload, pattern: header.maskPattern, to: &bytes)
                open = (isText, bytes, 1)
                return nil
            }
            let bytes = Self.unmasked(payload, pattern: header.maskPattern)
            return isText ? .text(bytes) : .binary(bytes)
        case 0x9:
            return .ping(Self.unmasked(payload, pattern: header.maskPattern))
        case 0xA:
            return .pong
        default:
            return .close
        }
    }

    private static func unmasked(_ payload: UnsafeRawBufferPointer, pattern: UInt64?) -> [UInt8] {
        guard let pattern else { return [UInt8](payload) }
        return [UInt8](unsafeUninitializedCapacity: payload.count) { target, initialized in
            WebSocketMasking.copy(payload, into: UnsafeMutableRawBufferPointer(target), pattern: pattern)
            initialized = payload.count
        }
    }

    private static func appendUnmasked(
        _ payload: UnsafeRawBufferPointer, pattern: UInt64?, to bytes: inout [UInt8]
    ) {
        guard let pattern else { return bytes.append(contentsOf: payload) }
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: payload.count))
        bytes.withUnsafeMutableBytes { target in
            WebSocketMasking.copy(
                payload, into: UnsafeMutableRawBufferPointer(rebasing: target[start...]), pattern: pattern)
        }
    }
}

/// A frame's header (RFC 6455 §5.2), read without consuming it.
private struct FrameHeader {
    let fin: Bool
    let reservedBits: UInt8
    let opcode: UInt8
    let length: UInt64
    /// The masking key as `WebSocketMasking`'s eight-byte pattern; nil for an unmasked frame.
    let maskPattern: UInt64?
    /// The header's own bytes, before the payload.
    let size: Int

    /// Nil until the whole header has arrived.
    init?(peeking buffer: ByteBuffer) {
        let start = buffer.readerIndex
        guard let first = buffer.getInteger(at: start, as: UInt8.self),
            let second = buffer.getInteger(at: start + 1, as: UInt8.self)
        else { return nil }
        fin = first & 0x80 != 0
        reservedBits = (first >> 4) & 0x7
        opcode = first & 0xF
        var size = 2
        switch second & 0x7F {
        case 126:
            guard let word = buffer.getInteger(at: start + 2, as: UInt16.self) else { return nil }
            length = UInt64(word)
            size = 4
        case 127:
            guard let word = buffer.getInteger(at: start + 2, as: UInt64.self) else { return nil }
            length = word
            size = 10
        case let short:
            length = UInt64(short)
        }
        if second & 0x80 != 0 {
            guard let key = buffer.getInteger(at: start + size, endianness: .little, as: UInt32.self) else {
                return nil
            }
            maskPattern = WebSocketMasking.pattern(wireKey: key)
            size += 4
        } else {
            maskPattern = nil
        }
        self.size = size
    }
}
