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
}
