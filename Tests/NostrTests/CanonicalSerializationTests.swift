import XCTest
@testable import Nostr

/// NIP-01 escaping. Python's `json.dumps(x, separators=(',', ':'), ensure_ascii=False)` produces the
/// same bytes as NIP-01 for every character NIP-01 names (\n \" \\ \r \t \b \f), for '/', DEL and
/// non-ASCII. For the other control characters 0x00–0x1F NIP-01 says "all other characters must be
/// included verbatim", whereas Python (like JSON.stringify) writes \u00XX: we follow NIP-01's text.
final class CanonicalSerializationTests: XCTestCase {
    private let pubkey = String(repeating: "a", count: 64)

    private func event(content: String, tags: [[String]] = []) -> NostrEvent {
        NostrEvent(id: "", pubkey: pubkey, createdAt: 1, kind: 1, tags: tags, content: content, sig: "")
    }

    private func canonicalString(_ event: NostrEvent) -> String {
        String(decoding: event.canonicalJSON(), as: UTF8.self)
    }

    func testLayoutIsCompactArray() {
        let event = NostrEvent(
            id: "", pubkey: "pk", createdAt: -5, kind: 65535, tags: [["e", "x", "y"], ["t"]], content: "", sig: "")
        XCTAssertEqual(canonicalString(event), #"[0,"pk",-5,65535,[["e","x","y"],["t"]],""]"#)
        XCTAssertEqual(
            canonicalString(
                NostrEvent(id: "", pubkey: "", createdAt: Int64.min, kind: 0, tags: [], content: "", sig: "")),
            #"[0,"",-9223372036854775808,0,[],""]"#)
        XCTAssertEqual(
            canonicalString(
                NostrEvent(id: "", pubkey: "", createdAt: Int64.max, kind: 0, tags: [], content: "", sig: "")),
            #"[0,"",9223372036854775807,0,[],""]"#)
    }

    /// Python (escaping.py):
    /// ```python
    /// import hashlib, json
    /// s = json.dumps([0, "a"*64, 1, 1, [["t", 'x/y"z']],
    ///     'quote" backslash\\ slash/ del\x7f nl\n cr\r tab\t bs\b ff\f emoji😀 cjk中文 é'],
    ///     separators=(',', ':'), ensure_ascii=False)
    /// print(hashlib.sha256(s.encode()).hexdigest())
    /// ```
    func testNamedEscapesSlashDELAndUnicodeMatchPython() {
        let event = event(
            content: "quote\" backslash\\ slash/ del\u{7F} nl\n cr\r tab\t bs\u{8} ff\u{C} emoji😀 cjk中文 é",
            tags: [["t", "x/y\"z"]])
        let expected =
            "[0,\"\(pubkey)\",1,1,[[\"t\",\"x/y\\\"z\"]],\"quote\\\" backslash\\\\ slash/ del\u{7F} nl\\n cr\\r tab\\t bs\\b ff\\f emoji😀 cjk中文 é\"]"
        XCTAssertEqual(canonicalString(event), expected)
        XCTAssertEqual(event.computeID(), "653e2f6742c5729698a7ebc85db2a8109129e97963305cbad83470bf2d1d7470")
    }

    func testEachControlCharacter() {
        let named: [UInt8: String] = [0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r"]
        for byte in UInt8(0)...0x1F {
            let expectedContent: [UInt8] = named[byte].map { Array($0.utf8) } ?? [byte]
            let expected = Array("[0,\"\(pubkey)\",1,1,[],\"".utf8) + expectedContent + Array("\"]".utf8)
            XCTAssertEqual(
                event(content: String(decoding: [byte], as: UTF8.self)).canonicalJSON(), expected,
                "byte 0x\(String(byte, radix: 16))")
        }
    }

    /// All 32 control characters in one content string. Expected ids (escaping.py):
    /// ```python
    /// import re
    /// allc = ''.join(chr(i) for i in range(32))
    /// b = json.dumps([0, "a"*64, 1, 1, [], allc], separators=(',', ':'), ensure_ascii=False)
    /// python_id = hashlib.sha256(b.encode()).hexdigest()       # \u00XX for unnamed controls
    /// nip01 = re.sub(r'\\u00([01][0-9a-f])', lambda m: chr(int(m.group(1), 16)), b)
    /// nip01_id = hashlib.sha256(nip01.encode()).hexdigest()    # NIP-01 text: verbatim
    /// ```
    func testAllControlCharactersFollowNIP01TextNotJSONStringify() {
        let content = String(decoding: Array(UInt8(0)...0x1F), as: UTF8.self)
        let event = event(content: content)
        XCTAssertEqual(event.computeID(), "3deb20b46f69781a887c6d87c27aa82f69e87d8cce8b2cd28a5bd6f766833f94")
        XCTAssertNotEqual(
            event.computeID(), "54a3ec93e3cd8763d71eecb16acfb0a80a36c3803149e41b77ead6c590f2dbc4",
            "Python/JSON.stringify form (\\u00XX) differs from NIP-01's verbatim rule")
    }

    func testWireJSONEscapesUnnamedControlsAndRoundTrips() throws {
        let content = String(decoding: Array(UInt8(0)...0x1F) + [0x7F], as: UTF8.self) + "/é😀"
        let original = event(content: content, tags: [["t", "\u{1}\u{1F}"]])
        let wire = original.jsonBytes()
        XCTAssertFalse(wire.contains { $0 < 0x20 }, "wire JSON must not carry raw control characters (RFC 8259)")
        XCTAssertTrue(String(decoding: wire, as: UTF8.self).contains(#""\u0000\u0001"#))
        let decoded = try NostrEvent(json: wire)
        XCTAssertEqual(decoded, original)
        XCTAssertEqual(decoded.computeID(), original.computeID())
    }
}
