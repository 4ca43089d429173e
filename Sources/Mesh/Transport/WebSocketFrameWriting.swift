import NIOCore
import NIOWebSocket

extension ByteBuffer {
    /// Appends one unfragmented frame (FIN set, no extensions): the RFC 6455 §5.2 header, the
    /// masking key if any, and the payload, masked on the way in when there is a key. These are
    /// the bytes NIO's `WebSocketFrameEncoder` writes for the same frame, without its per-frame
    /// `WebSocketFrame`, header buffer and second pass over the payload for masking.
    mutating func writeWebSocketFrame(
        opcode: WebSocketOpcode, payload: UnsafeRawBufferPointer, maskKey: WebSocketMaskingKey?
    ) {
        let maskBit: UInt8 = maskKey == nil ? 0 : 0x80
        reserveCapacity(minimumWritableBytes: 14 + payload.count)
        writeInteger(0x80 | UInt8(webSocketOpcode: opcode))
        switch payload.count {
        case 0...125:
            writeInteger(UInt8(payload.count) | maskBit)
        case 126...Int(UInt16.max):
            writeInteger(126 | maskBit)
            writeInteger(UInt16(payload.count))
        default:
            writeInteger(127 | maskBit)
            writeInteger(UInt64(payload.count))
        }
        guard let maskKey else {
            writeBytes(payload)
            return
        }
        writeBytes(maskKey)
        writeWithUnsafeMutableBytes(minimumWritableBytes: payload.count) { target in
            WebSocketMasking.copy(payload, into: target, key: maskKey)
            return payload.count
        }
    }
}
