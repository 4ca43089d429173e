import NIOCore
import NIOEmbedded
import NIOWebSocket
import SeededRandom
import XCTest
@testable import Mesh

/// The node's one inbound WebSocket decoder on an `EmbeddedChannel`: frames in any cut of reads,
/// every length form, both masking directions, each broken rule closing with its code before the
/// payload is waited for, and the same messages as NIO's decoder and aggregator on seeded random
/// valid traffic.
final class WebSocketMessageDecoderTests: XCTestCase {
    private typealias Failure = WebSocketMessageDecoder.Failure
    private let key: WebSocketMaskingKey = [0x12, 0x34, 0x56, 0x78]
    private let limit = 100_000

    /// How a frame writes its length: RFC 6455 wants the shortest, NIO's decoder takes any.
    private enum LengthForm { case minimal, sixteenBit, sixtyFourBit }

    /// One frame's bytes as a peer would send them, masked with `mask` if given.
    private func frame(
        _ opcode: UInt8, _ payload: [UInt8], fin: Bool = true, mask: WebSocketMaskingKey?,
        reservedBits: UInt8 = 0, length form: LengthForm = .minimal, declaredLength: UInt64? = nil
    ) -> [UInt8] {
        let maskBit: UInt8 = mask == nil ? 0 : 0x80
        let length = declaredLength ?? UInt64(payload.count)
        var bytes: [UInt8] = [(fin ? 0x80 : 0) | reservedBits << 4 | opcode]
        switch form {
        case .minimal where length < 126:
            bytes.append(maskBit | UInt8(length))
        case .minimal where length <= 0xFFFF, .sixteenBit:
            bytes += [maskBit | 126, UInt8(length >> 8), UInt8(length & 0xFF)]
        case .minimal, .sixtyFourBit:
            bytes.append(maskBit | 127)
            bytes += (0..<8).reversed().map { UInt8((length >> (8 * UInt64($0))) & 0xFF) }
        }
        guard let mask else { return bytes + payload }
        return bytes + Array(mask) + payload.enumerated().map { $0.element ^ mask[$0.offset % 4] }
    }

    private func masked(_ opcode: UInt8, _ payload: [UInt8], fin: Bool = true) -> [UInt8] {
        frame(opcode, payload, fin: fin, mask: key)
    }

    private struct Outcome {
        var messages: [WebSocketMessage] = []
        var failure: Failure?
    }

    /// Feeds `reads` one after another to a fresh decoder (server side unless said otherwise),
    /// collecting every message and the first failure (reads after it are still fed: they must
    /// give nothing).
    private func decode(
        _ reads: [[UInt8]], framesMustBeMasked: Bool = true, limit: Int? = nil
    ) throws -> Outcome {
        let decoder = WebSocketMessageDecoder(
            maxMessageSize: limit ?? self.limit, framesMustBeMasked: framesMustBeMasked)
        let channel = EmbeddedChannel(handler: decoder)
        defer { _ = try? channel.finish() }
        var outcome = Outcome()
        for read in reads {
            do {
                try channel.writeInbound(channel.allocator.buffer(bytes: read))
            } catch let failure as Failure {
                XCTAssertNil(
                    outcome.failure, "a second failure, \(failure), after \(outcome.failure.map { "\($0)" } ?? "")")
                outcome.failure = failure
            }
            while let message = try channel.readInbound(as: WebSocketMessage.self) { outcome.messages.append(message) }
        }
        return outcome
    }

    private func payload(_ count: Int, seed: UInt8 = 0) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ Int(seed)) }
    }

    func testEveryLengthFormMaskedAndUnmaskedDecodesToThePayload() throws {
        for count in [0, 1, 7, 8, 9, 125, 126, 127, 65_535, 65_536, 70_001] {
            let bytes = payload(count, seed: 5)
            for mustBeMasked in [true, false] {
                let mask = mustBeMasked ? key : nil
                let outcome = try decode([frame(0x2, bytes, mask: mask)], framesMustBeMasked: mustBeMasked)
                XCTAssertNil(outcome.failure, "\(count) bytes")
                XCTAssertEqual(outcome.messages, [.binary(bytes)], "\(count) bytes, masked: \(mustBeMasked)")
            }
        }
        // Lengths in a longer form than needed are taken, as NIO's decoder takes them.
        for form in [LengthForm.sixteenBit, .sixtyFourBit] {
            let outcome = try decode([frame(0x1, payload(5), mask: key, length: form)])
            XCTAssertEqual(outcome.messages, [.text(payload(5))], "\(form)")
        }
    }

    /// Every message kind, a fragmented one with a ping between its fragments, cut into two reads
    /// at every byte boundary and into one-byte reads.
    func testFramesCutAtEveryByteBoundaryGiveTheSameMessages() throws {
        let stream =
            masked(0x2, payload(300)) + masked(0x1, payload(3, seed: 1), fin: false) + masked(0x9, [1, 2])
            + masked(0x0, payload(130, seed: 2), fin: false) + masked(0xA, []) + masked(0x0, [9]) + masked(0x2, [])
            + masked(0x8, [0x03, 0xE8])
        let expected: [WebSocketMessage] = [
            .binary(payload(300)), .ping([1, 2]), .pong, .text(payload(3, seed: 1) + payload(130, seed: 2) + [9]),
            .binary([]), .close,
        ]
        XCTAssertEqual(try decode([stream]).messages, expected, "all in one read")
        for cut in 1..<stream.count {
            let outcome = try decode([Array(stream[..<cut]), Array(stream[cut...])])
            XCTAssertNil(outcome.failure)
            XCTAssertEqual(outcome.messages, expected, "cut at byte \(cut)")
        }
        XCTAssertEqual(try decode(stream.map { [$0] }).messages, expected, "one byte per read")
    }

    func testEachBrokenRuleFailsWithItsCloseCodeAndNothingAfterItIsRead() throws {
        let start = masked(0x2, [1], fin: false)
        let cases: [(String, [UInt8], Failure)] = [
            ("RSV1", frame(0x2, [1], mask: key, reservedBits: 0x4), .reservedBitsSet(4)),
            ("RSV3", frame(0x2, [1], mask: key, reservedBits: 0x1), .reservedBitsSet(1)),
            ("reserved data opcode", masked(0x3, [1]), .reservedOpcode(3)),
            ("reserved control opcode", masked(0xB, [1]), .reservedOpcode(0xB)),
            ("continuation without a start", masked(0x0, [1]), .continuationWithoutStart),
            ("new message while one is open", start + masked(0x2, [2]), .messageStartedBeforeTheLastEnded),
            ("new fragment while one is open", start + masked(0x1, [2], fin: false), .messageStartedBeforeTheLastEnded),
            ("fragmented ping", masked(0x9, [1], fin: false), .fragmentedControlFrame),
            ("fragmented close between fragments", start + masked(0x8, [], fin: false), .fragmentedControlFrame),
            ("ping over 125 bytes", masked(0x9, payload(126)), .controlFrameTooLong(bytes: 126)),
            ("empty non-final fragment", masked(0x2, [], fin: false), .emptyFragment),
            ("unmasked frame to a server", frame(0x2, [1], mask: nil), .maskedWrongly(framesMustBeMasked: true)),
        ]
        let after = masked(0x2, [7])
        for (name, bytes, failure) in cases {
            let outcome = try decode([masked(0x2, [6]) + bytes + after, after])
            XCTAssertEqual(outcome.failure, failure, name)
            XCTAssertEqual(failure.closeCode, .protocolError, name)
            XCTAssertEqual(outcome.messages, [.binary([6])], "\(name): only the frame before it")
        }
        let fromServer = try decode([frame(0x2, [1], mask: key)], framesMustBeMasked: false)
        XCTAssertEqual(fromServer.failure, .maskedWrongly(framesMustBeMasked: false))
        XCTAssertEqual(fromServer.messages, [])
    }

    /// At most 64 fragments, the last of them final.
    func testAMessageHasAtMost64Fragments() throws {
        let fragments = (0..<63).map { masked($0 == 0 ? 0x2 : 0x0, [UInt8($0)], fin: false) }
        let whole = try decode([fragments.joined() + masked(0x0, [63])])
        XCTAssertEqual(whole.messages, [.binary((0..<64).map { UInt8($0) })])
        let tooMany = try decode([fragments.joined() + masked(0x0, [63], fin: false)])
        XCTAssertEqual(tooMany.failure, .tooManyFragments)
        XCTAssertEqual(tooMany.failure?.closeCode, .protocolError)
    }

    /// The size limit is judged on the header, before any of the payload has arrived.
    func testOversizeIsRefusedBeforeItsPayloadArrives() throws {
        let limit = 1_000
        let atLimit = try decode([masked(0x2, payload(limit))], limit: limit)
        XCTAssertEqual(atLimit.messages, [.binary(payload(limit))])

        let header = Array(masked(0x2, payload(limit + 1)).prefix(8))  // 2 + 2 length + 4 key
        let over = try decode([header], limit: limit)
        XCTAssertEqual(over.failure, .messageTooLarge(bytes: 1_001, limit: limit))
        XCTAssertEqual(over.failure?.closeCode, .messageTooLarge)

        let huge = frame(0x2, [], mask: key, declaredLength: UInt64.max)
        XCTAssertEqual(try decode([huge], limit: limit).failure, .messageTooLarge(bytes: UInt64.max, limit: limit))
        // Unmasked and oversize: the size is judged first, as NIO's chain did.
        let unmaskedHuge = frame(0x2, [], mask: nil, declaredLength: 1 << 40)
        XCTAssertEqual(try decode([unmaskedHuge], limit: limit).failure, .messageTooLarge(bytes: 1 << 40, limit: limit))

        // Fragments: the second's header brings the joined size over the limit.
        let first = masked(0x2, payload(600), fin: false)
        let second = Array(masked(0x0, payload(401)).prefix(8))
        let joined = try decode([first, second], limit: limit)
        XCTAssertEqual(joined.failure, .messageTooLarge(bytes: 1_001, limit: limit))
        let fits = try decode([first, masked(0x9, [1]), masked(0x0, payload(400))], limit: limit)
        XCTAssertEqual(fits.messages, [.ping([1]), .binary(payload(600) + payload(400))])
    }

    // MARK: - Against NIO's own chain

    /// Seeded random valid traffic (both masking directions, every length form, fragments with
    /// pings and pongs between them, random cuts into reads) gives the same messages from this
    /// decoder as from NIO's `WebSocketFrameDecoder` and `NIOWebSocketFrameAggregator`.
    func testSameMessagesAsNIOsDecoderAndAggregatorOnRandomValidTraffic() throws {
        var random = SplitMix64(seed: 15)
        for round in 0..<300 {
            let fromClient = random.next(below: 2) == 0
            let (stream, expected) = randomTraffic(&random, masked: fromClient)
            var reads: [[UInt8]] = []
            var offset = 0
            while offset < stream.count {
                let largest = [8, 512, 8_192][random.next(below: 3)]
                let size = 1 + random.next(below: min(stream.count - offset, largest))
                reads.append(Array(stream[offset..<offset + size]))
                offset += size
            }
            let ours = try decode(reads, framesMustBeMasked: fromClient)
            XCTAssertNil(ours.failure, "round \(round)")
            let nios = try decodeWithNIO(reads)
            XCTAssertEqual(ours.messages, nios, "round \(round)")
            XCTAssertEqual(ours.messages, expected, "round \(round)")
        }
    }

    /// Up to six messages, each whole or in up to five fragments, with control frames between.
    private func randomTraffic(_ random: inout SplitMix64, masked: Bool) -> ([UInt8], [WebSocketMessage]) {
        var stream: [UInt8] = []
        var expected: [WebSocketMessage] = []
        func anyFrame(_ opcode: UInt8, _ payload: [UInt8], fin: Bool) -> [UInt8] {
            let forms: [LengthForm] = [.minimal, .minimal, .minimal, .sixteenBit, .sixtyFourBit]
            let form = forms[random.next(below: forms.count)]
            let mask = masked ? WebSocketMaskingKey.random(using: &random) : nil
            return frame(opcode, payload, fin: fin, mask: mask, length: payload.count > 0xFFFF ? .minimal : form)
        }
        func control() {
            if random.next(below: 2) == 0 {
                let ping = (0..<random.next(below: 126)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
                stream += anyFrame(0x9, ping, fin: true)
                expected.append(.ping(ping))
            } else {
                stream += anyFrame(0xA, [], fin: true)
                expected.append(.pong)
            }
        }
        for _ in 0..<(1 + random.next(below: 6)) {
            let sizes = [0, 1, 7, 125, 126, 300, 65_536]
            let count = random.next(below: 4) == 0 ? sizes[random.next(below: sizes.count)] : random.next(below: 200)
            let message = (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            let isText = random.next(below: 2) == 0
            let pieces = count < 2 ? 1 : 1 + random.next(below: min(5, count))
            var cuts = Set((1..<pieces).map { _ in 1 + random.next(below: count - 1) }).sorted()
            cuts.append(count)
            var from = 0
            for (index, cut) in cuts.enumerated() {
                let opcode: UInt8 = index > 0 ? 0x0 : isText ? 0x1 : 0x2
                stream += anyFrame(opcode, Array(message[from..<cut]), fin: index == cuts.count - 1)
                from = cut
                if index < cuts.count - 1 && random.next(below: 3) == 0 { control() }
            }
            expected.append(isText ? .text(message) : .binary(message))
            if random.next(below: 4) == 0 { control() }
        }
        if random.next(below: 4) == 0 {
            stream += anyFrame(0x8, [0x03, 0xE8], fin: true)
            expected.append(.close)
        }
        return (stream, expected)
    }

    /// The chain the node used before: NIO's decoder, then NIO's aggregator with the same limits.
    private func decodeWithNIO(_ reads: [[UInt8]]) throws -> [WebSocketMessage] {
        let channel = EmbeddedChannel()
        defer { _ = try? channel.finish() }
        try channel.pipeline.syncOperations.addHandlers([
            ByteToMessageHandler(WebSocketFrameDecoder(maxFrameSize: limit)),
            NIOWebSocketFrameAggregator(
                minNonFinalFragmentSize: 1, maxAccumulatedFrameCount: WebSocketMessageDecoder.maximumFragments,
                maxAccumulatedFrameSize: limit),
        ])
        var messages: [WebSocketMessage] = []
        for read in reads {
            try channel.writeInbound(channel.allocator.buffer(bytes: read))
            while let frame = try channel.readInbound(as: WebSocketFrame.self) {
                let bytes = Array(frame.unmaskedData.readableBytesView)
                switch frame.opcode {
                case .binary: messages.append(.binary(bytes))
                case .text: messages.append(.text(bytes))
                case .ping: messages.append(.ping(bytes))
                case .pong: messages.append(.pong)
                case .connectionClose: messages.append(.close)
                default: XCTFail("NIO handed on opcode \(frame.opcode)")
                }
            }
        }
        return messages
    }
}
