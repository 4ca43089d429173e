import XCTest
@testable import Interledger

final class ILPRoundTripTests: XCTestCase {
    private let condition = [UInt8](repeating: 0xC0, count: 32)
    private let expiry = InterledgerTimestamp.date(milliseconds: 1_700_000_000_999)

    private func assertRoundTrip(_ packet: ILPPacket, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertNoThrow(try packet.validate(), file: file, line: line)
        let bytes = packet.serialize()
        XCTAssertEqual(try ILPPacket(bytes: bytes), packet, file: file, line: line)
    }

    func testPrepareEdgeValues() {
        let longAddress = "g." + String(repeating: "a", count: 1021)
        XCTAssertEqual(longAddress.utf8.count, ILPAddress.maximumLength)
        for amount in [UInt64(0), 1, UInt64.max] {
            for data in [[], [UInt8](repeating: 7, count: 127), [UInt8](repeating: 0xFF, count: 32_767)] {
                for destination in ["g.a", "test3.x_y~z-9", "private.node.1", longAddress] {
                    assertRoundTrip(
                        .prepare(
                            ILPPrepare(
                                amount: amount, expiresAt: expiry, executionCondition: condition,
                                destination: destination, data: data)))
                }
            }
        }
    }

    func testMaximumPrepareHasExpectedSize() {
        let prepare = ILPPrepare(
            amount: .max, expiresAt: expiry, executionCondition: condition,
            destination: "g." + String(repeating: "b", count: 1021), data: [UInt8](repeating: 1, count: 32_767))
        // content = 8 + 17 + 32 + (3 + 1023) + (3 + 32767) = 33853 → envelope 1 + 3 + 33853.
        XCTAssertEqual(prepare.serialize().count, 33_857)
    }

    func testFulfillAndRejectEdgeValues() {
        for data in [[], [UInt8](repeating: 3, count: 32_767)] {
            assertRoundTrip(.fulfill(ILPFulfill(fulfillment: condition, data: data)))
            for code in ILPErrorCode.all {
                assertRoundTrip(.reject(ILPReject(code: code, triggeredBy: "", message: "", data: data)))
            }
            assertRoundTrip(
                .reject(
                    ILPReject(
                        code: .T04_insufficientLiquidity, triggeredBy: "g.connector",
                        message: "liquidity ✓ — 残高不足", data: data)))
            assertRoundTrip(
                .reject(
                    ILPReject(
                        code: .F99_applicationError, triggeredBy: "peer.x",
                        message: String(repeating: "m", count: 8_191), data: data)))
        }
    }

    func testUnknownRejectCodeSurvivesRoundTrip() throws {
        let reject = ILPReject(code: ILPErrorCode(code: "F42")!, triggeredBy: "g.x", message: "future code")
        XCTAssertEqual(try ILPReject(bytes: reject.serialize()).code.code, "F42")
    }

    func testValidateNamesTheBadField() {
        let badAddress = ILPPrepare(
            amount: 1, expiresAt: expiry, executionCondition: condition, destination: "gg.x", data: [])
        XCTAssertThrowsError(try badAddress.validate()) {
            XCTAssertTrue("\($0)".contains("ILP Prepare.destination"), "\($0)")
        }
        let shortCondition = ILPPrepare(
            amount: 1, expiresAt: expiry, executionCondition: [1, 2], destination: "g.x", data: [])
        XCTAssertThrowsError(try shortCondition.validate()) { XCTAssertTrue("\($0)".contains("executionCondition")) }
        let bigData = ILPFulfill(fulfillment: condition, data: [UInt8](repeating: 0, count: 32_768))
        XCTAssertThrowsError(try bigData.validate()) { XCTAssertTrue("\($0)".contains("32768")) }
        XCTAssertThrowsError(try ILPReject(code: .F00_badRequest, triggeredBy: "nope", message: "").validate())
    }
}
