import XCTest
@testable import Interledger

final class BTPAuthTests: XCTestCase {
    func testAuthRequestRoundTripsAndYieldsToken() throws {
        let request = BTPAuth.request(requestId: 1, token: "tøken", extra: [.ilp([1, 2])])
        XCTAssertEqual(request.protocolData.map(\.protocolName), ["auth", "auth_token", "ilp"])
        XCTAssertEqual(try BTPAuth.token(from: BTPPacket(bytes: request.serialize())), "tøken")
        XCTAssertEqual(try BTPAuth.token(from: BTPAuth.request(requestId: 2, token: "")), "")
    }

    func testAuthRequestBytes() {
        // MESSAGE, requestId 1, 2 entries: "auth" octet-stream empty, "auth_token" text "ab".
        XCTAssertEqual(
            BTPAuth.request(requestId: 1, token: "ab").serialize(),
            [6, 0, 0, 0, 1, 24, 1, 2, 4] + Array("auth".utf8) + [0, 0, 10] + Array("auth_token".utf8) + [1, 2]
                + Array("ab".utf8))
    }

    func testInvalidAuthRequests() {
        let empty = BTPProtocolData(protocolName: "auth", contentType: .applicationOctetStream, data: [])
        let token = BTPProtocolData(protocolName: "auth_token", contentType: .textPlainUTF8, data: Array("t".utf8))
        let cases: [(BTPPacket, BTPAuthError)] = [
            (.response(requestId: 1, protocolData: [empty, token]), .notAMessage(.response)),
            (.message(requestId: 1, protocolData: []), .primaryProtocolNotAuth(found: nil)),
            (.message(requestId: 1, protocolData: [token, empty]), .primaryProtocolNotAuth(found: "auth_token")),
            (
                .message(
                    requestId: 1,
                    protocolData: [BTPProtocolData(protocolName: "auth", contentType: .textPlainUTF8, data: []), token]),
                .authEntryNotEmptyOctetStream
            ),
            (.message(requestId: 1, protocolData: [empty]), .missingAuthToken),
            (.message(requestId: 1, protocolData: [empty, token, token]), .duplicateProtocolName("auth_token")),
            (
                .message(
                    requestId: 1,
                    protocolData: [
                        empty, BTPProtocolData(protocolName: "auth_token", contentType: .textPlainUTF8, data: [0xFF]),
                    ]),
                .authTokenNotUTF8
            ),
        ]
        for (packet, expected) in cases {
            XCTAssertThrowsError(try BTPAuth.token(from: packet)) { XCTAssertEqual($0 as? BTPAuthError, expected) }
        }
    }
}
