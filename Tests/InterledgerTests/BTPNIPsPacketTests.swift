import XCTest
@testable import Interledger

final class BTPNIPsPacketTests: XCTestCase {
    private func decodeError(_ bytes: [UInt8]) -> BTPNIPsError? {
        do { _ = try BTPNIPsPacket(bytes: bytes); return nil } catch { return error }
    }

    /// Header + the given JSON text, with a correct length.
    private func packet(_ json: String, type: UInt8 = 1) -> [UInt8] {
        let payload = Array(json.utf8)
        return [1, type, UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)] + payload
    }

    func testSerializedLayoutIsExact() throws {
        let nostr = Array(#"["NOTICE","hi"]"#.utf8)
        let packet = BTPNIPsPacket(
            type: .notice, payment: BTPNIPsPayment(msat: 100, purpose: "a\"b\\c\nd\u{1}"), nostr: nostr,
            metadata: BTPNIPsMetadata(timestamp: 1_700_000_000_000, sender: "g.n1", ttl: 5))
        let json =
            #"{"payment":{"amount":"100","currency":"msat","purpose":"a\"b\\c\nd\u0001"},"nostr":["NOTICE","hi"],"#
            + #""metadata":{"timestamp":1700000000000,"sender":"g.n1","ttl":5}}"#
        XCTAssertEqual(try packet.serialize(), self.packet(json, type: 4))
        XCTAssertEqual(try BTPNIPsPacket(bytes: packet.serialize()), packet)
    }

    func testNostrBytesSurviveExactlyIncludingEscapesAndBraces() throws {
        // Strings hold quotes, braces, brackets, backslashes and unicode escapes that a naive scanner
        // would mistake for structure; whitespace inside the message is kept byte for byte.
        let nostrText =
            #"[ "EVENT" , {"content":"he said \"}]{[\" \\ \u00e9 \ud83d\ude00 ✓","tags":[["e","x"],[]],"n":-1.5e+3,"o":{},"t":true,"f":false,"z":null} ]"#
        let nostr = Array(nostrText.utf8)
        let original = samplePacket(nostr: nostr)
        let decoded = try BTPNIPsPacket(bytes: original.serialize())
        XCTAssertEqual(decoded.nostr, nostr)
        XCTAssertEqual(decoded, original)
    }

    func testMembersInAnyOrderWithWhitespaceAndUnknownKeys() throws {
        let json = """
            { "metadata" : { "ttl" : 0 , "sender" : "g.a\\u00e9" , "timestamp" : 5, "extra": [1, {"x": "}"}] },
              "future": {"nested": ["]"]},
              "nostr" : ["EOSE","sub"] ,
              "payment" : { "purpose" : "p", "amount" : "18446744073709551615", "currency" : "msat" } }
            """
        let decoded = try BTPNIPsPacket(bytes: packet(json, type: 5))
        XCTAssertEqual(decoded.type, .eose)
        XCTAssertEqual(decoded.nostr, Array(#"["EOSE","sub"]"#.utf8))
        XCTAssertEqual(decoded.metadata, BTPNIPsMetadata(timestamp: 5, sender: "g.aé", ttl: 0))
        XCTAssertEqual(decoded.payment.msat, .max)
    }

    func testHeaderValidation() {
        let good = try! samplePacket().serialize()
        XCTAssertEqual(decodeError([1, 1, 0])?.problem, .headerTooShort(count: 3))
        var version = good; version[0] = 2
        XCTAssertEqual(decodeError(version)?.problem, .unsupportedVersion(2))
        for type: UInt8 in [0, 8, 255] {
            var bad = good; bad[1] = type
            XCTAssertEqual(decodeError(bad)?.problem, .unknownMessageType(type))
        }
        var length = good; length[3] &+= 1
        XCTAssertEqual(decodeError(length)?.problem, .lengthMismatch(declared: good.count - 3, actual: good.count - 4))
        XCTAssertEqual(
            decodeError(good + [0x20])?.problem, .lengthMismatch(declared: good.count - 4, actual: good.count - 3))
        for type in BTPNIPsMessageType.allCases {
            var retyped = good; retyped[1] = type.rawValue
            XCTAssertEqual(try BTPNIPsPacket(bytes: retyped).type, type)
        }
    }

    func testJSONRejectionsNameFieldAndOffset() {
        let cases: [(String, String, BTPNIPsError.Problem)] = [
            (
                #"{"payment":{"amount":"01","currency":"msat","purpose":""},"nostr":[],"metadata":{"timestamp":1,"sender":"","ttl":1}}"#,
                "payment.amount", .invalidAmount("01")
            ),
            (
                #"{"payment":{"amount":"18446744073709551616","currency":"msat","purpose":""},"nostr":[],"metadata":{"timestamp":1,"sender":"","ttl":1}}"#,
                "payment.amount", .invalidAmount("18446744073709551616")
            ),
            (
                #"{"payment":{"amount":100,"currency":"msat","purpose":""},"nostr":[],"metadata":{"timestamp":1,"sender":"","ttl":1}}"#,
                "payment.amount", .wrongType(expected: "a string")
            ),
            (
                #"{"payment":{"amount":"1","currency":"msat","purpose":""},"nostr":{},"metadata":{"timestamp":1,"sender":"","ttl":1}}"#,
                "nostr", .wrongType(expected: "a JSON array (a NIP-01 message)")
            ),
            (
                #"{"payment":{"amount":"1","currency":"msat","purpose":""},"nostr":[],"metadata":{"timestamp":1.5,"sender":"","ttl":1}}"#,
                "metadata.timestamp", .invalidInteger("must be a whole number without fraction or exponent")
            ),
            (
                #"{"payment":{"amount":"1","currency":"msat","purpose":""},"nostr":[],"metadata":{"timestamp":1,"sender":"","ttl":-1}}"#,
                "metadata.ttl", .invalidInteger("must be 0 to 2147483647")
            ),
            (
                #"{"payment":{"amount":"1","currency":"msat","purpose":""},"nostr":[],"metadata":{"timestamp":1,"sender":""}}"#,
                "metadata.ttl", .missingField
            ),
            (
                #"{"payment":{"amount":"1","currency":"msat","purpose":""},"nostr":[],"nostr":[],"metadata":{"timestamp":1,"sender":"","ttl":1}}"#,
                "nostr", .duplicateField
            ),
            (
                #"{"payment":{"amount":"1","currency":"msat","purpose":""},"nostr":["a",],"metadata":{"timestamp":1,"sender":"","ttl":1}}"#,
                "nostr", .invalidJSON("expected a value, found `]`")
            ),
            (
                #"{"payment":{"amount":"1","currency":"msat","purpose":""},"nostr":["\x"],"metadata":{"timestamp":1,"sender":"","ttl":1}}"#,
                "nostr", .invalidJSON("unknown escape \\x")
            ),
            (
                #"{"payment":{"amount":"1","currency":"msat","purpose":""},"nostr":[],"metadata":{"timestamp":1,"sender":"","ttl":1}} x"#,
                "payload", .invalidJSON("unexpected bytes after the JSON object")
            ),
        ]
        for (json, field, problem) in cases {
            let error = decodeError(packet(json))
            XCTAssertEqual(error?.field, field, json)
            XCTAssertEqual(error?.problem, problem, json)
        }
        // Offsets count the 4 header bytes before the JSON text.
        let json = cases[0].0
        XCTAssertEqual(
            decodeError(packet(json))?.offset, 4 + json.range(of: #""01""#)!.lowerBound.utf16Offset(in: json))
    }

    func testInvalidUTF8AndControlCharactersInStrings() {
        let prefix = #"{"payment":{"amount":"1","currency":"msat","purpose":""},"nostr":[""#
        let suffix = #""],"metadata":{"timestamp":1,"sender":"","ttl":1}}"#
        for bad: [UInt8] in [
            [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x0A], [0xFF],
        ] {
            let payload = Array(prefix.utf8) + bad + Array(suffix.utf8)
            let bytes = [1, 1, UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)] + payload
            XCTAssertNotNil(decodeError(bytes), "\(bad)")
        }
    }

    func testSpecialBytesAreFoundAtEveryAlignment() throws {
        // The string scanner reads 8 bytes at a time; put each kind of special byte at every offset
        // of a 40-byte run so every lane of the word test is exercised.
        let base =
            #"{"payment":{"amount":"1","currency":"msat","purpose":""},"metadata":{"timestamp":1,"sender":"","ttl":1},"nostr":["#
        for position in 0..<40 {
            for (special, valid) in [
                ([UInt8(0x01)], false), ([0x1F], false), ([0x5C, 0x22], true), ([0xC3, 0xA9], true),
                ([0x7F], true), ([0x20], true), ([0x5C, 0x78], false), ([0x80], false),
            ] {
                let text =
                    [UInt8](repeating: UInt8(ascii: "a"), count: position) + special
                    + [UInt8](repeating: UInt8(ascii: "b"), count: 40 - position)
                let payload = Array(base.utf8) + [UInt8(ascii: "\"")] + text + Array("\"]}".utf8)
                let bytes = [1, 1, UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)] + payload
                if valid {
                    XCTAssertEqual(
                        try BTPNIPsPacket(bytes: bytes).nostr, Array("[\"".utf8) + text + Array("\"]".utf8),
                        "\(special) at \(position)")
                } else {
                    XCTAssertNotNil(decodeError(bytes), "\(special) at \(position)")
                }
            }
        }
    }

    func testNestingLimitStopsDeepInput() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let error = decodeError(
            packet(
                #"{"payment":{"amount":"1","currency":"msat","purpose":""},"nostr":"# + deep
                    + #","metadata":{"timestamp":1,"sender":"","ttl":1}}"#))
        XCTAssertEqual(error?.problem, .nestingTooDeep(limit: 64))
    }

    func testSerializeRefusesOversizeAndInvalidFields() {
        // `overhead` is the packet size around an empty-string message `[""]` (4 bytes); adding k
        // characters inside the string gives overhead + k bytes in total.
        let overhead = try! samplePacket(nostr: Array(#"[""]"#.utf8)).serialize().count
        let fitting = samplePacket(
            nostr: Array(("[\"" + String(repeating: "x", count: 32_767 - overhead) + "\"]").utf8))
        XCTAssertEqual(try fitting.serialize().count, 32_767)
        XCTAssertEqual(try BTPNIPsPacket(bytes: fitting.serialize()), fitting)
        let oversize = samplePacket(
            nostr: Array(("[\"" + String(repeating: "x", count: 32_768 - overhead) + "\"]").utf8))
        XCTAssertThrowsError(try oversize.serialize()) { error in
            XCTAssertEqual((error as? BTPNIPsError)?.problem, .packetTooLarge(size: 32_768, limit: 32_767))
        }
        var badAmount = samplePacket(); badAmount.payment.amount = "1.5"
        XCTAssertThrowsError(try badAmount.serialize()) {
            XCTAssertEqual(($0 as? BTPNIPsError)?.field, "payment.amount")
        }
        XCTAssertThrowsError(try samplePacket(nostr: Array(#"["EVENT""#.utf8)).serialize())
        XCTAssertThrowsError(try samplePacket(nostr: Array(#"["a"] "#.utf8)).serialize())
        XCTAssertThrowsError(try samplePacket(nostr: Array(#"{"a":1}"#.utf8)).serialize())
    }

    func testPacketFitsILPPrepareData() throws {
        let data = try samplePacket().serialize()
        let prepare = ILPPrepare(
            amount: 1_000, expiresAt: Date(), executionCondition: [UInt8](repeating: 0, count: 32),
            destination: "g.mesh.node-4", data: data)
        XCTAssertNoThrow(try prepare.validate())
        XCTAssertEqual(try BTPNIPsPacket(bytes: ILPPrepare(bytes: prepare.serialize()).data), samplePacket())
    }
}
