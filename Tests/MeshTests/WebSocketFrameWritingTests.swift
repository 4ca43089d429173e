import NIOCore
import NIOEmbedded
import NIOWebSocket
import XCTest
@testable import Mesh

/// The link's own frame encoder against NIO's: the same bytes on the wire, and frames NIO's
/// decoder reads back with the same payloads; and the receive side's unmasking copy.
final class WebSocketFrameWritingTests: XCTestCase {
    private let lengths = [0, 1, 7, 8, 9, 125, 126, 127, 1_000, 65_535, 65_536]
    private let key: WebSocketMaskingKey = [0x9C, 0x01, 0xF0, 0x5A]

    private func payload(_ length: Int) -> [UInt8] {
        (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
    }

    private func written(_ opcode: WebSocketOpcode, _ payload: [UInt8], maskKey: WebSocketMaskingKey?) -> [UInt8] {
        var buffer = ByteBuffer()
        payload.withUnsafeBytes { buffer.writeWebSocketFrame(opcode: opcode, payload: $0, maskKey: maskKey) }
        return Array(buffer.readableBytesView)
    }

    /// What NIO's `WebSocketFrameEncoder` writes for the frame, all its buffers joined.
    private func nioEncoded(
        _ opcode: WebSocketOpcode, _ payload: [UInt8], maskKey: WebSocketMaskingKey?
    ) throws
        -> [UInt8]
    {
        let channel = EmbeddedChannel(handler: WebSocketFrameEncoder())
        defer { _ = try? channel.finish() }
        let frame = WebSocketFrame(fin: true, opcode: opcode, maskKey: maskKey, data: ByteBuffer(bytes: payload))
        try channel.writeOutbound(frame)
        var bytes: [UInt8] = []
        while let part = try channel.readOutbound(as: ByteBuffer.self) { bytes += part.readableBytesView }
        return bytes
    }

    func testBytesAreNIOsEncodersMaskedAndUnmasked() throws {
        for length in lengths {
            for maskKey in [nil, key] {
                let payload = payload(length)
                XCTAssertEqual(
                    written(.binary, payload, maskKey: maskKey), try nioEncoded(.binary, payload, maskKey: maskKey),
                    "binary, \(length) bytes, masked: \(maskKey != nil)")
            }
        }
        for opcode in [WebSocketOpcode.pong, .connectionClose] {
            for maskKey in [nil, key] {
                XCTAssertEqual(
                    written(opcode, [0x03, 0xE9], maskKey: maskKey),
                    try nioEncoded(opcode, [0x03, 0xE9], maskKey: maskKey))
            }
        }
    }

    /// All frames in one buffer, as a link hands them to the channel, decode in order.
    func testFramesInOneBufferDecodeWithNIOsDecoderToTheSamePayloads() throws {
        var buffer = ByteBuffer()
        var expected: [(payload: [UInt8], maskKey: WebSocketMaskingKey?)] = []
        for length in lengths {
            for maskKey in [nil, key] {
                let payload = payload(length)
                payload.withUnsafeBytes { buffer.writeWebSocketFrame(opcode: .binary, payload: $0, maskKey: maskKey) }
                expected.append((payload, maskKey))
            }
        }
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(WebSocketFrameDecoder(maxFrameSize: 1 << 20)))
        defer { _ = try? channel.finish() }
        try channel.writeInbound(buffer)
        for (payload, maskKey) in expected {
            let frame = try XCTUnwrap(try channel.readInbound(as: WebSocketFrame.self))
            XCTAssertTrue(frame.fin)
            XCTAssertEqual(frame.opcode, .binary)
            XCTAssertEqual(frame.maskKey, maskKey)
            XCTAssertEqual(Array(frame.unmaskedData.readableBytesView), payload, "\(payload.count) bytes")
        }
        XCTAssertNil(try channel.readInbound(as: WebSocketFrame.self))
    }

    func testThePatternFromAWireKeyMasksAsTheKeyDoes() {
        for key: [UInt8] in [[0x9C, 0x01, 0xF0, 0x5A], [0, 0, 0, 1], [0xFF, 0x00, 0x80, 0x7F]] {
            let wireKey = UInt32(key[0]) | UInt32(key[1]) << 8 | UInt32(key[2]) << 16 | UInt32(key[3]) << 24
            for length in 0..<21 {
                let source = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
                let expected = source.enumerated().map { $0.element ^ key[$0.offset % 4] }
                var masked = [UInt8](repeating: 0, count: length)
                source.withUnsafeBytes { source in
                    masked.withUnsafeMutableBytes { target in
                        WebSocketMasking.copy(
                            source, into: target, pattern: WebSocketMasking.pattern(wireKey: wireKey))
                    }
                }
                XCTAssertEqual(masked, expected, "key \(key), \(length) B")
            }
        }
    }
}
