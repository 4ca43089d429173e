import XCTest
@testable import Interledger

/// Byte vectors from interledgerjs/btp-packet: `test/index.spec.ts` (BTP 2.0: RESPONSE, ERROR,
/// MESSAGE, TRANSFER) and `test/indexSpec.js` (BTP/1.0 PREPARE, FULFILL, REJECT, whose `ilp` entry
/// carries an old-style ILP payment that is opaque bytes here).
final class BTPVectorTests: XCTestCase {
    private let protocolData = [
        BTPProtocolData(protocolName: "ilp", contentType: .applicationOctetStream, data: []),
        BTPProtocolData(protocolName: "foo", contentType: .applicationOctetStream, data: Array("bar".utf8)),
        BTPProtocolData(protocolName: "beep", contentType: .textPlainUTF8, data: Array("boop".utf8)),
        BTPProtocolData(protocolName: "json", contentType: .applicationJSON, data: Array("{}".utf8)),
    ]
    private let protocolDataTail: [UInt8] = [
        1, 4, 3, 105, 108, 112, 0, 0, 3, 102, 111, 111, 0, 3, 98, 97, 114, 4, 98, 101, 101,
        112, 1, 4, 98, 111, 111, 112, 4, 106, 115, 111, 110, 2, 2, 123, 125,
    ]

    private func assertVector(_ packet: BTPPacket, _ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line)
    {
        XCTAssertEqual(packet.serialize(), bytes, file: file, line: line)
        XCTAssertEqual(try BTPPacket(bytes: bytes), packet, file: file, line: line)
        XCTAssertNoThrow(try packet.validate(), file: file, line: line)
    }

    func testResponseAndMessage() {
        assertVector(.response(requestId: 1, protocolData: protocolData), [1, 0, 0, 0, 1, 37] + protocolDataTail)
        assertVector(.message(requestId: 1, protocolData: protocolData), [6, 0, 0, 0, 1, 37] + protocolDataTail)
    }

    func testError() {
        // code "L13", name "errorName", triggeredAt 2017-08-28T18:32:00.000Z, data "boo".
        let bytes: [UInt8] =
            [
                2, 0, 0, 0, 1, 74, 76, 49, 51, 9, 101, 114, 114, 111, 114, 78, 97, 109, 101, 19, 50, 48, 49, 55,
                48, 56, 50, 56, 49, 56, 51, 50, 48, 48, 46, 48, 48, 48, 90, 3, 98, 111, 111,
            ] + protocolDataTail
        let info = BTPErrorInfo(
            code: "L13", name: "errorName", triggeredAt: InterledgerTimestamp.date(milliseconds: 1_503_945_120_000),
            data: Array("boo".utf8), protocolData: protocolData)
        assertVector(.error(requestId: 1, info), bytes)
    }

    func testTransfer() {
        assertVector(
            BTPPacket(requestId: 1, body: .transfer(amount: 100, protocolData: protocolData)),
            [7, 0, 0, 0, 1, 45, 0, 0, 0, 0, 0, 0, 0, 100] + protocolDataTail)
    }

    // BTP/1.0 frames; their `ilp` entry holds the old ILP payment [1, 28, 0…100, 17, "example.red.alice", 0, 0].
    private let legacyTail: [UInt8] = [
        1, 4, 3, 105, 108, 112, 0, 30, 1, 28, 0, 0, 0, 0, 0, 0, 0, 100, 17, 101, 120, 97, 109, 112,
        108, 101, 46, 114, 101, 100, 46, 97, 108, 105, 99, 101, 0, 0, 3, 102, 111, 111, 0, 3, 98,
        97, 114, 4, 98, 101, 101, 112, 1, 4, 98, 111, 111, 112, 4, 106, 115, 111, 110, 2, 2, 123, 125,
    ]
    private var legacyProtocolData: [BTPProtocolData] {
        var entries = protocolData
        entries[0].data = Array(legacyTail[8..<38])
        return entries
    }
    private let transferId = hex("b4c838f680b147f8a82eb1fcfbed89d5")
    private let condition: [UInt8] = [
        219, 42, 249, 249, 219, 166, 255, 52, 179, 237, 173, 251, 152, 107, 155, 180, 205, 75, 75,
        65, 229, 4, 65, 25, 197, 93, 52, 175, 218, 191, 252, 2,
    ]

    func testLegacyPrepare() {
        // amount 1234567890123 (prepare2), expiresAt 2017-08-28T09:32:00.000Z.
        let bytes: [UInt8] =
            [3, 0, 0, 0, 1, 129, 143] + transferId + [0, 0, 1, 31, 113, 251, 4, 203] + condition
            + [19, 50, 48, 49, 55, 48, 56, 50, 56, 48, 57, 51, 50, 48, 48, 46, 48, 48, 48, 90] + legacyTail
        let info = BTPPrepareInfo(
            transferId: transferId, amount: 1_234_567_890_123, executionCondition: condition,
            expiresAt: InterledgerTimestamp.date(milliseconds: 1_503_912_720_000), protocolData: legacyProtocolData)
        assertVector(BTPPacket(requestId: 1, body: .prepare(info)), bytes)
    }

    func testLegacyFulfillAndReject() {
        assertVector(
            BTPPacket(
                requestId: 1,
                body: .fulfill(
                    BTPFulfillInfo(
                        transferId: transferId, fulfillment: condition,
                        protocolData: legacyProtocolData))),
            [4, 0, 0, 0, 1, 115] + transferId + condition + legacyTail)
        assertVector(
            BTPPacket(
                requestId: 1, body: .reject(BTPRejectInfo(transferId: transferId, protocolData: legacyProtocolData))),
            [5, 0, 0, 0, 1, 83] + transferId + legacyTail)
    }
}
