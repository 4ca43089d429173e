import XCTest
@testable import Interledger

final class BTPFrameTests: XCTestCase {
    private func decodeError(_ bytes: [UInt8]) -> BTPError? {
        do { _ = try BTPPacket(bytes: bytes); return nil } catch { return error }
    }

    func testRoundTripsWithEdgeValues() throws {
        let bigILP = ILPPacket.prepare(
            ILPPrepare(
                amount: .max, expiresAt: InterledgerTimestamp.date(milliseconds: 0),
                executionCondition: [UInt8](repeating: 9, count: 32), destination: "g.x",
                data: [UInt8](repeating: 1, count: 32_767))
        ).serialize()
        let packets: [BTPPacket] = [
            .message(requestId: 0, protocolData: []),
            .message(requestId: .max, protocolData: [.ilp(bigILP)]),
            .response(
                requestId: 7,
                protocolData: (0..<300).map {
                    BTPProtocolData(
                        protocolName: "p\($0)", contentType: BTPContentType(rawValue: UInt8($0 % 256)),
                        data: [UInt8($0 % 256)])
                }),
            .error(
                requestId: 3,
                BTPErrorInfo(
                    .F00_notAccepted, triggeredAt: InterledgerTimestamp.date(milliseconds: 1_700_000_000_001),
                    data: [UInt8](repeating: 2, count: 8_192))),
            BTPPacket(requestId: 9, body: .transfer(amount: .max, protocolData: [])),
        ]
        for packet in packets {
            XCTAssertNoThrow(try packet.validate())
            XCTAssertEqual(try BTPPacket(bytes: packet.serialize()), packet)
        }
        XCTAssertEqual(try BTPPacket(bytes: packets[1].serialize()).protocolData.entry(named: "ilp")?.data, bigILP)
    }

    func testSequenceCountUsesMultipleOctetsAbove255() {
        let packet = BTPPacket.response(
            requestId: 1,
            protocolData: Array(
                repeating: BTPProtocolData(protocolName: "", contentType: .applicationOctetStream, data: []), count: 256
            ))
        let bytes = packet.serialize()
        // type(1) + requestId(4) + length prefix 0x82 0x03 0x03 (771 = 3 + 256·3), then count octets [2, 1, 0].
        XCTAssertEqual(Array(bytes[5..<11]), [0x82, 0x03, 0x03, 2, 1, 0])
    }

    func testRejections() {
        XCTAssertEqual(decodeError([8, 0, 0, 0, 1, 0])?.problem, .unknownPacketType(8))
        XCTAssertEqual(decodeError([0, 0, 0, 0, 1, 0])?.problem, .unknownPacketType(0))
        // Count claims 4 billion entries in a 3-byte body: refused before reserving memory.
        XCTAssertEqual(
            decodeError([6, 0, 0, 0, 1, 5, 4, 0xFF, 0xFF, 0xFF, 0xFF])?.problem,
            .structure(.truncated(needed: 4_294_967_295 * 3, available: 0)))
        // Zero count octets, or a count with a leading zero octet.
        XCTAssertNotNil(decodeError([6, 0, 0, 0, 1, 1, 0]))
        XCTAssertNotNil(decodeError([6, 0, 0, 0, 1, 3, 2, 0, 0]))
        // Trailing bytes after the frame and inside the content.
        XCTAssertEqual(decodeError([6, 0, 0, 0, 1, 2, 1, 0, 0xAA])?.problem, .structure(.trailingBytes(count: 1)))
        XCTAssertEqual(decodeError([6, 0, 0, 0, 1, 3, 1, 0, 0xAA])?.offset, 8)
        // Bad GeneralizedTime in an ERROR.
        var error = BTPPacket.error(
            requestId: 1, BTPErrorInfo(.T00_unreachable, triggeredAt: Date(timeIntervalSince1970: 0))
        ).serialize()
        let timeStart = 6 + 3 + 1 + "UnreachableError".utf8.count + 1
        error[timeStart + 4] = UInt8(ascii: "9")  // month 90
        let problem = decodeError(error)
        XCTAssertEqual(problem?.problem, .invalidTimestamp("19709101000000.000Z"))
        XCTAssertEqual(problem?.offset, timeStart - 1)
        // Non-IA5 protocol name.
        XCTAssertEqual(decodeError([6, 0, 0, 0, 1, 6, 1, 1, 1, 0xC3, 0, 0])?.problem, .structure(.notIA5(byte: 0xC3)))
    }

    func testTruncationAtEveryOffsetThrows() {
        let frame = BTPAuth.request(requestId: 42, token: "secret").serialize()
        for length in 0..<frame.count {
            XCTAssertNotNil(decodeError(Array(frame.prefix(length))), "prefix \(length)")
        }
    }

    func testValidateCatchesUnencodableValues() {
        let badCode = BTPPacket.error(requestId: 1, BTPErrorInfo(code: "F1", name: "x", triggeredAt: Date()))
        XCTAssertThrowsError(try badCode.validate()) { XCTAssertTrue("\($0)".contains("BTP Error.code")) }
        let badName = BTPPacket.message(
            requestId: 1,
            protocolData: [BTPProtocolData(protocolName: "ilp✓", contentType: .applicationOctetStream, data: [])])
        XCTAssertThrowsError(try badName.validate())
        let shortId = BTPPacket(requestId: 1, body: .reject(BTPRejectInfo(transferId: [1], protocolData: [])))
        XCTAssertThrowsError(try shortId.validate())
    }
}
