import XCTest
@testable import Interledger

/// Published byte vectors: interledger-rs `crates/interledger-packet/src/fixtures.rs` and
/// interledgerjs `packages/codecs/ilp-packet/test/data/ilp_fulfill/valid/example01.json`.
final class ILPVectorTests: XCTestCase {
    private var prepare: ILPPrepare {
        ILPPrepare(
            amount: 107, expiresAt: InterledgerTimestamp.date(milliseconds: RustFixtures.expiresAtMilliseconds),
            executionCondition: RustFixtures.executionCondition, destination: "example.alice", data: RustFixtures.data)
    }

    func testPrepareVector() throws {
        XCTAssertEqual(RustFixtures.prepareBytes.count, 335)
        XCTAssertEqual(try ILPPacket(bytes: RustFixtures.prepareBytes), .prepare(prepare))
        XCTAssertEqual(ILPPacket.prepare(prepare).serialize(), RustFixtures.prepareBytes)
        XCTAssertEqual(try ILPPrepare(bytes: RustFixtures.prepareBytes).amount, 107)
    }

    func testFulfillVector() throws {
        let fulfill = ILPFulfill(fulfillment: RustFixtures.executionCondition, data: RustFixtures.data)
        XCTAssertEqual(try ILPPacket(bytes: RustFixtures.fulfillBytes), .fulfill(fulfill))
        XCTAssertEqual(fulfill.serialize(), RustFixtures.fulfillBytes)
    }

    func testRejectVector() throws {
        let reject = ILPReject(
            code: .F99_applicationError, triggeredBy: "example.connector", message: "Some error",
            data: RustFixtures.data)
        let decoded = try ILPReject(bytes: RustFixtures.rejectBytes)
        XCTAssertEqual(decoded, reject)
        XCTAssertEqual(decoded.code.name, "Application Error")
        XCTAssertEqual(reject.serialize(), RustFixtures.rejectBytes)
    }

    func testInterledgerJSFulfillVector() throws {
        // fulfillment base64 "w4ZrSHSczxE7LhXCXSQH+/wUR2/nKWuxvxvNnm5BZlA=", data "Zz/r14ozso4cDbFMmgYlGgX6gx7U7ZHrzRUOcknC5gA=".
        let bytes = hex(
            "0d41c3866b48749ccf113b2e15c25d2407fbfc14476fe7296bb1bf1bcd9e6e416650"
                + "20673febd78a33b28e1c0db14c9a06251a05fa831ed4ed91ebcd150e7249c2e600")
        let fulfill = ILPFulfill(
            fulfillment: Array(Data(base64Encoded: "w4ZrSHSczxE7LhXCXSQH+/wUR2/nKWuxvxvNnm5BZlA=")!),
            data: Array(Data(base64Encoded: "Zz/r14ozso4cDbFMmgYlGgX6gx7U7ZHrzRUOcknC5gA=")!))
        XCTAssertEqual(try ILPFulfill(bytes: bytes), fulfill)
        XCTAssertEqual(fulfill.serialize(), bytes)
    }

    func testTypedDecodersRefuseOtherPacketTypes() {
        XCTAssertThrowsError(try ILPPrepare(bytes: RustFixtures.fulfillBytes)) { error in
            XCTAssertEqual((error as? ILPDecodingError)?.problem, .unexpectedPacketType(expected: 12, found: 13))
        }
        XCTAssertThrowsError(try ILPFulfill(bytes: RustFixtures.rejectBytes))
        XCTAssertThrowsError(try ILPReject(bytes: RustFixtures.prepareBytes))
    }

    func testErrorCodeTableIsCompleteAndNamed() {
        // RFC 27 §Error Codes lists 21 codes.
        XCTAssertEqual(
            ILPErrorCode.all.map(\.code),
            [
                "F00", "F01", "F02", "F03", "F04", "F05", "F06", "F07", "F08", "F99",
                "T00", "T01", "T02", "T03", "T04", "T05", "T99",
                "R00", "R01", "R02", "R99",
            ])
        XCTAssertEqual(ILPErrorCode.T04_insufficientLiquidity.name, "Insufficient Liquidity")
        XCTAssertEqual(ILPErrorCode.R00_transferTimedOut.category, .relative)
        XCTAssertEqual(ILPErrorCode(code: "F08"), .F08_amountTooLarge)
        XCTAssertEqual(ILPErrorCode(code: "F42")?.name, "Unknown Error")
        XCTAssertNil(ILPErrorCode(code: "F0"))
    }
}
