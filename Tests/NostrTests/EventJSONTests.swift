import Foundation
@testable import Nostr
import SeededRandom
import XCTest

final class EventJSONTests: XCTestCase {
    private let event = KnownEventVectorTests.event

    private func decodeError(_ json: String, line: UInt = #line) -> NostrDecodingError? {
        do {
            _ = try NostrEvent(json: Array(json.utf8))
            XCTFail("decoded: \(json)", line: line)
            return nil
        } catch {
            return error
        }
    }

    func testRoundTrip() throws {
        XCTAssertEqual(try NostrEvent(json: event.jsonBytes()), event)
    }

    func testWireFormatHasNIP01MemberNames() throws {
        let object = try JSONSerialization.jsonObject(with: Data(event.jsonBytes())) as? [String: Any]
        XCTAssertEqual(
            Set(object?.keys.map { $0 } ?? []), ["id", "pubkey", "created_at", "kind", "tags", "content", "sig"])
        XCTAssertEqual(object?["created_at"] as? Int, 1_700_000_000)
        XCTAssertEqual(object?["content"] as? String, event.content)
    }

    func testCodableAgreesWithFastPath() throws {
        let viaEncoder = try JSONEncoder().encode(event)
        XCTAssertEqual(try NostrEvent(json: Array(viaEncoder)), event)
        XCTAssertEqual(try JSONDecoder().decode(NostrEvent.self, from: Data(event.jsonBytes())), event)
    }

    func testAcceptsWhitespaceAnyOrderEscapesAndUnknownMembers() throws {
        let json = """
             { "sig" : "\(event.sig)", "content": "Hello \\"Nostr\\" \\\\ \\/path\\n\\ttab\\r\\b\\f \\u65e5\\u672c\\u8a9e \\ud83c\\udf89",
               "extra": {"nested": [1, 2.5e-3, true, null, "x"]},
               "kind": 1, "tags": [ ["e", "\(event.tags[0][1])", "wss://relay.example.com"], ["p", "\(event.tags[1][1])"], ["t","nostr"] ],
               "created_at": 1700000000, "pubkey": "\(event.pubkey)", "id": "\(event.id)" }\t\n
            """
        let decoded = try NostrEvent(json: Array(json.utf8))
        XCTAssertEqual(decoded, event)
        XCTAssertNoThrow(try decoded.verify())
    }

    func testMissingDuplicateAndMistypedMembers() {
        XCTAssertEqual(
            decodeError(#"{"id":"a","pubkey":"b","created_at":1,"kind":1,"tags":[],"content":""}"#),
            .missingField(field: "sig", object: "event"))
        if case .duplicateField(field: "kind", object: "event", _) = decodeError(#"{"kind":1,"kind":2}"#) {
        } else {
            XCTFail("duplicate")
        }
        if case .wrongType(field: "event.kind", _, _) = decodeError(#"{"kind":"1"}"#) {
        } else {
            XCTFail("kind as string")
        }
        if case .wrongType(field: "event.created_at", _, _) = decodeError(#"{"created_at":1.5}"#) {
        } else {
            XCTFail("fractional time")
        }
        if case .wrongType(field: "event.tags[1][0]", _, _) = decodeError(#"{"tags":[["a"],[1]]}"#) {
        } else {
            XCTFail("tag number")
        }
        if case .wrongType(field: "event.tags[0]", _, _) = decodeError(#"{"tags":["a"]}"#) {
        } else {
            XCTFail("flat tags")
        }
        if case .invalidValue(field: "event.kind", _) = decodeError(
            #"{"id":"","pubkey":"","created_at":1,"kind":65536,"tags":[],"content":"","sig":""}"#)
        {
        } else {
            XCTFail("kind range")
        }
        if case .invalidValue(field: "event.created_at", _) = decodeError(#"{"created_at":99999999999999999999}"#) {
        } else {
            XCTFail("overflow")
        }
    }

    func testMalformedJSONNeverCrashes() {
        let inputs = [
            "", "{", "}", "[]", "null", "{\"id\"", "{\"id\":", "{\"id\":\"abc", "{\"id\":\"a\\", "{\"id\":\"\\u12\"}",
            "{\"id\":\"\\ud800\"}", "{\"id\":\"\\udc00\"}", "{\"id\":\"\\ud800\\u0041\"}", "{\"id\":\"\\x\"}",
            "{\"id\":\"a\"} x", "{,}", "{\"id\":\"a\",}", "{\"tags\":[[\"a\",]]}", "{\"kind\":01}", "{\"kind\":-}",
            "{\"extra\":tru}", "{\"extra\":[1,2}", "{\"extra\":1.}", "{\"extra\":1e}", "{\"id\":\"raw\u{1}\"}",
            String(repeating: "{\"x\":[", count: 200),
        ]
        for input in inputs {
            XCTAssertThrowsError(try NostrEvent(json: Array(input.utf8)), "input: \(input.prefix(40))")
        }
        // Invalid UTF-8 inside a string.
        XCTAssertThrowsError(try NostrEvent(json: Array("{\"content\":\"".utf8) + [0xC3, 0x28] + Array("\"}".utf8))) {
            guard case .invalidUTF8(field: "event.content", _)? = $0 as? NostrDecodingError else {
                return XCTFail("\($0)")
            }
        }
    }

    func testDeepNestingIsBoundedNotRecursedWithoutLimit() {
        let deep = "{\"extra\":" + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
        XCTAssertThrowsError(try NostrEvent(json: Array(deep.utf8))) {
            guard case .nestingTooDeep(_, limit: 64)? = $0 as? NostrDecodingError else { return XCTFail("\($0)") }
        }
    }

    func testRandomMutationsOfValidJSONNeverCrash() {
        var generator = SplitMix64(seed: 2024)
        let valid = event.jsonBytes()
        for _ in 0..<3000 {
            var bytes = valid
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let position = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes[position] = UInt8.random(in: 0...255, using: &generator)
                case 1: bytes.remove(at: position)
                default: bytes.insert(UInt8.random(in: 0...255, using: &generator), at: position)
                }
            }
            if let decoded = try? NostrEvent(json: bytes) {
                // Whatever decodes must re-encode and decode to itself.
                XCTAssertEqual(try? NostrEvent(json: decoded.jsonBytes()), decoded)
            }
        }
    }

    func testErrorDescriptionsNamePlaceAndFix() {
        let missing = NostrDecodingError.missingField(field: "sig", object: "EVENT[1]").description
        XCTAssertTrue(missing.contains("EVENT[1]") && missing.contains("sig") && missing.contains("add"), missing)
        let control = NostrDecodingError.unescapedControlCharacter(field: "event.content", offset: 12, byte: 1)
            .description
        XCTAssertTrue(control.contains("byte 12") && control.contains("\\u0001"), control)
    }
}
