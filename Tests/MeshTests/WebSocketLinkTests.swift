import NIOCore
import NIOEmbedded
import NIOWebSocket
import XCTest
@testable import Mesh

/// A link on an `EmbeddedChannel` with the production arrangement of its pipeline (the outlet in
/// front of NIO's encoder): one write per batch, the bounded queue while the channel is not
/// writable, and the control frames.
final class WebSocketLinkTests: XCTestCase {
    private struct Setup {
        let channel: EmbeddedChannel
        let link: WebSocketLink
        let gauge: QueueGauge
    }

    private func makeLink(queueLimit: Int = 3, maskingKeys: MaskingKeySource? = nil) throws -> Setup {
        let channel = EmbeddedChannel()
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).wait()
        let encoder = WebSocketFrameEncoder()
        let outlet = EncodedFrameOutlet()
        try channel.pipeline.syncOperations.addHandler(encoder)
        try channel.pipeline.syncOperations.addHandler(outlet, position: .before(encoder))
        let gauge = QueueGauge()
        let link = WebSocketLink(
            id: 1, role: .listener, channel: channel, outlet: outlet, maskingKeys: maskingKeys,
            queueLimit: queueLimit, gauge: gauge)
        return Setup(channel: channel, link: link, gauge: gauge)
    }

    /// The buffers the link wrote since the last call, each decoded by NIO's decoder.
    private func writtenBuffers(_ channel: EmbeddedChannel) throws -> [[WebSocketFrame]] {
        var buffers: [[WebSocketFrame]] = []
        while let buffer = try channel.readOutbound(as: ByteBuffer.self) {
            let decoder = EmbeddedChannel(handler: ByteToMessageHandler(WebSocketFrameDecoder(maxFrameSize: 1 << 20)))
            try decoder.writeInbound(buffer)
            var frames: [WebSocketFrame] = []
            while let frame = try decoder.readInbound(as: WebSocketFrame.self) { frames.append(frame) }
            buffers.append(frames)
            _ = try decoder.finish()
        }
        return buffers
    }

    private func payloads(_ frames: [WebSocketFrame]) -> [[UInt8]] {
        frames.map { Array($0.unmaskedData.readableBytesView) }
    }

    func testABatchOfFramesIsOneWriteAtFlush() throws {
        let setup = try makeLink()
        let frames: [[UInt8]] = [[1, 2, 3], [UInt8](repeating: 9, count: 300), []]
        for frame in frames { XCTAssertTrue(setup.link.send(frame)) }
        XCTAssertEqual(try writtenBuffers(setup.channel).count, 0, "nothing leaves before the flush")
        setup.link.flush()
        let buffers = try writtenBuffers(setup.channel)
        XCTAssertEqual(buffers.count, 1)
        XCTAssertEqual(payloads(buffers[0]), frames)
        XCTAssertEqual(buffers[0].map(\.opcode), [.binary, .binary, .binary])
        XCTAssertEqual(buffers[0].map(\.maskKey), [nil, nil, nil], "a server does not mask")
        XCTAssertEqual(setup.gauge.maximum, 0)
        _ = try setup.channel.finish()
    }

    func testFramesWaitInTheBoundedQueueWhileTheChannelIsNotWritable() throws {
        let setup = try makeLink(queueLimit: 3)
        setup.channel.isWritable = false
        XCTAssertTrue(setup.link.send([0]))
        XCTAssertTrue(setup.link.send([1]))
        XCTAssertEqual(setup.gauge.current, 2)
        setup.link.flush()
        XCTAssertEqual(try writtenBuffers(setup.channel).count, 0, "queued frames are not written")

        setup.channel.isWritable = true
        XCTAssertTrue(setup.link.send([2]), "while frames wait, a new one queues behind them")
        XCTAssertFalse(setup.link.send([3]), "a full queue drops the frame")
        XCTAssertEqual(setup.gauge.current, 3)
        setup.link.drain()
        XCTAssertEqual(try writtenBuffers(setup.channel).map(payloads), [[[0], [1], [2]]])
        XCTAssertEqual(setup.gauge.current, 0)
        XCTAssertEqual(setup.gauge.maximum, 3)

        XCTAssertTrue(setup.link.send([4]))
        setup.link.flush()
        XCTAssertEqual(try writtenBuffers(setup.channel).map(payloads), [[[4]]])
        _ = try setup.channel.finish()
    }

    /// A client masks every frame with the next key of its source; `close` sends the frames
    /// already written, then the close frame, forgets the queue and closes the channel.
    func testAClientMasksWithFreshKeysAndClosesAfterItsWrittenFrames() throws {
        var nextByte: UInt8 = 0
        let keys = MaskingKeySource(capacity: 16) { buffer in
            for index in buffer.indices {
                buffer[index] = nextByte
                nextByte &+= 1
            }
        }
        let setup = try makeLink(maskingKeys: keys)
        XCTAssertTrue(setup.channel.isActive)
        XCTAssertTrue(setup.link.send([7, 7, 7, 7, 7]))
        setup.channel.isWritable = false
        XCTAssertTrue(setup.link.send([8]))
        XCTAssertEqual(setup.gauge.current, 1)
        setup.link.close(code: .goingAway)
        XCTAssertEqual(setup.gauge.current, 0, "the queued frame is forgotten")
        XCTAssertFalse(setup.link.send([9]), "nothing is sent after close")

        let frames = try writtenBuffers(setup.channel).flatMap { $0 }
        XCTAssertEqual(frames.map(\.opcode), [.binary, .connectionClose])
        XCTAssertEqual(frames.map(\.maskKey), [[3, 2, 1, 0], [11, 10, 9, 8]])
        XCTAssertEqual(payloads(frames), [[7, 7, 7, 7, 7], [0x03, 0xE9]])
        XCTAssertFalse(setup.channel.isActive, "the connection is closed after the close frame")
    }

    func testAPingIsAnsweredAtOnceAheadOfQueuedFrames() throws {
        let setup = try makeLink()
        setup.channel.isWritable = false
        XCTAssertTrue(setup.link.send([1]))
        setup.link.pong([0xAB, 0xCD])
        let frames = try writtenBuffers(setup.channel).flatMap { $0 }
        XCTAssertEqual(frames.map(\.opcode), [.pong])
        XCTAssertEqual(payloads(frames), [[0xAB, 0xCD]])
        XCTAssertEqual(setup.gauge.current, 1)
        _ = try setup.channel.finish()
    }
}
