import Foundation
import XCTest

@testable import Interledger

/// `BTPPacket.ilpMessage` / `ilpResponse` write the ILP packet in place: their bytes must be the
/// general path's, byte for byte, across the lengths where OER's length determinants change form.
final class BTPILPFrameTests: XCTestCase {
    func testThePacketWrittenInPlaceGivesTheGeneralPathsBytes() throws {
        let expiry = Date(timeIntervalSince1970: 1_700_000_000.123)
        for dataLength in [0, 1, 60, 127, 128, 200, 255, 256, 4_000, ILPLimits.maximumDataLength] {
            let data = (0..<dataLength).map { UInt8(truncatingIfNeeded: $0 &* 29 &+ 5) }
            let packets: [ILPPacket] = [
                .prepare(
                    ILPPrepare(
                        amount: 1_234, expiresAt: expiry, executionCondition: Array(repeating: 7, count: 32),
                        destination: "g.meshbench.node12", data: data)),
                .fulfill(ILPFulfill(fulfillment: Array(repeating: 9, count: 32), data: data)),
                .reject(
                    ILPReject(
                        code: ILPErrorCode(code: "F99")!, triggeredBy: "g.meshbench.node3", message: "no", data: data)),
            ]
            for (index, packet) in packets.enumerated() {
                let requestId = UInt32(dataLength * 3 + index)
                XCTAssertEqual(
                    BTPPacket.ilpMessage(requestId: requestId, packet),
                    BTPPacket.message(requestId: requestId, protocolData: [.ilp(packet.serialize())]).serialize(),
                    "message, packet \(index), data \(dataLength) B")
                let response = BTPPacket.ilpResponse(requestId: requestId, packet)
                XCTAssertEqual(
                    response,
                    BTPPacket.response(requestId: requestId, protocolData: [.ilp(packet.serialize())]).serialize(),
                    "response, packet \(index), data \(dataLength) B")
                let decoded = try BTPPacket(bytes: response)
                XCTAssertEqual(
                    try ILPPacket(bytes: try XCTUnwrap(decoded.protocolData.entry(named: "ilp")).data), packet)
            }
        }
    }

    func testTheILPEntryReadInPlaceIsTheGeneralDecodersAndOtherFramesAreLeftToIt() throws {
        let prepare = ILPPacket.prepare(
            ILPPrepare(
                amount: 5, expiresAt: Date(timeIntervalSince1970: 1_700_000_000),
                executionCondition: Array(repeating: 1, count: 32),
                destination: "g.meshbench.node1", data: Array(repeating: 0x42, count: 300)))
        let fulfill = ILPPacket.fulfill(ILPFulfill(fulfillment: Array(repeating: 3, count: 32), data: []))
        for (type, packet) in [(BTPPacketType.message, prepare), (.response, fulfill), (.response, prepare)] {
            let frame =
                type == .message
                ? BTPPacket.ilpMessage(requestId: 9, packet) : BTPPacket.ilpResponse(requestId: 9, packet)
            let carried = try XCTUnwrap(BTPPacket.ilpEntry(of: frame))
            XCTAssertEqual(carried.type, type)
            XCTAssertEqual(carried.requestId, 9)
            XCTAssertEqual(carried.ilp, packet)
            XCTAssertEqual(
                try ILPPacket(bytes: try XCTUnwrap(BTPPacket(bytes: frame).protocolData.entry(named: "ilp")).data),
                carried.ilp)
        }
        let ilp = prepare.serialize()
        let entry = BTPProtocolData.ilp(ilp)
        let otherName = BTPProtocolData(protocolName: "auth", contentType: .applicationOctetStream, data: ilp)
        let leftToTheGeneralDecoder: [(String, [UInt8])] = [
            ("two entries", BTPPacket.message(requestId: 1, protocolData: [entry, entry]).serialize()),
            ("another name", BTPPacket.message(requestId: 1, protocolData: [otherName]).serialize()),
            ("no entry", BTPPacket.response(requestId: 1, protocolData: []).serialize()),
            ("not ILP", BTPPacket.message(requestId: 1, protocolData: [.ilp([12, 1, 0])]).serialize()),
            ("ILP with a byte after it", BTPPacket.message(requestId: 1, protocolData: [.ilp(ilp + [0])]).serialize()),
            ("a byte after the frame", BTPPacket.ilpMessage(requestId: 1, prepare) + [0]),
            ("cut short", Array(BTPPacket.ilpMessage(requestId: 1, prepare).dropLast())),
            (
                "an ERROR frame",
                BTPPacket.error(requestId: 1, BTPErrorInfo(.F00_notAccepted, triggeredAt: Date())).serialize()
            ),
            ("empty", []),
        ]
        for (what, frame) in leftToTheGeneralDecoder {
            XCTAssertNil(BTPPacket.ilpEntry(of: frame), what)
        }
    }
}
