import XCTest
@testable import Interledger

final class ILPConditionTests: XCTestCase {
    func testHMACMatchesRFC4231TestCase2() {
        // RFC 4231 §4.3: key "Jefe", data "what do ya want for nothing?".
        XCTAssertEqual(
            hexString(
                ILPCondition.fulfillment(
                    sharedSecret: Array("Jefe".utf8),
                    data: Array("what do ya want for nothing?".utf8))),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    func testConditionIsSHA256OfFulfillment() {
        // FIPS 180-2 example: SHA-256("abc").
        XCTAssertEqual(
            hexString(ILPCondition.condition(for: Array("abc".utf8))),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    func testFulfillmentChecksAgainstCondition() {
        // python3: f = hmac.new(b'meshbench-secret', b'hello', hashlib.sha256).digest(); hashlib.sha256(f).hexdigest()
        let fulfillment = ILPCondition.fulfillment(
            sharedSecret: Array("meshbench-secret".utf8), data: Array("hello".utf8))
        XCTAssertEqual(hexString(fulfillment), "18d13285b6b132e688e8d843a71fd4c938abc37eac018dee22e5e74286c9c39e")
        let condition = ILPCondition.condition(for: fulfillment)
        XCTAssertEqual(hexString(condition), "22f5f0a0da2a106a2b5b8e2d8705527fe747d87f2a043975bce1aa6b7a011add")
        XCTAssertTrue(ILPCondition.isFulfilled(condition, by: fulfillment))
        var wrong = fulfillment
        wrong[31] ^= 1
        XCTAssertFalse(ILPCondition.isFulfilled(condition, by: wrong))
        XCTAssertFalse(ILPCondition.isFulfilled(condition, by: Array(fulfillment.prefix(31))))
    }

    func testHMACMatchesRFC4231TestCase6WithAKeyLongerThanABlock() {
        // RFC 4231 §4.7: a 131-byte key (hashed first), "Test Using Larger Than Block-Size Key - Hash Key First".
        XCTAssertEqual(
            hexString(
                ILPCondition.fulfillment(
                    sharedSecret: Array(repeating: 0xAA, count: 131),
                    data: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8))),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }

    func testTheSendersInlineFulfillmentGivesTheSameConditionAndAcceptsOnlyItself() {
        let secret = Array("meshbench-secret".utf8), data = Array("hello".utf8)
        let key = ILPFulfillmentKey(sharedSecret: secret)
        let expected = key.fulfillmentDigest(data: data)
        let fulfillment = ILPCondition.fulfillment(sharedSecret: secret, data: data)
        XCTAssertEqual(expected.bytes, fulfillment)
        XCTAssertEqual(ILPCondition.condition(for: expected), ILPCondition.condition(for: fulfillment))
        XCTAssertTrue(ILPCondition.isFulfillment(fulfillment, equalTo: expected))
        for index in 0..<32 {
            var wrong = fulfillment
            wrong[index] ^= 0x80
            XCTAssertFalse(ILPCondition.isFulfillment(wrong, equalTo: expected), "byte \(index)")
        }
        XCTAssertFalse(ILPCondition.isFulfillment(Array(fulfillment.prefix(31)), equalTo: expected))
        XCTAssertFalse(ILPCondition.isFulfillment(fulfillment + [0], equalTo: expected))
    }
}
