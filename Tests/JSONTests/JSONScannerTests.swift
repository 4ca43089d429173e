import Foundation
import JSON
import SeededRandom
import XCTest

/// The scanner's strictness and values, checked against RFC 8259, Unicode Table 3-7 and
/// Foundation's `JSONDecoder` / the standard library's `Double(String)` as independent readers.
final class JSONScannerTests: XCTestCase {
    private func scan<T>(_ bytes: [UInt8], _ body: (inout JSONScanner) throws(JSONError) -> T) -> Result<T, JSONError> {
        JSONScanner.scan(bytes) { (scanner) -> Result<T, JSONError> in
            do throws(JSONError) {
                let value = try body(&scanner)
                try scanner.finish("doc")
                return .success(value)
            } catch {
                return .failure(error)
            }
        }
    }

    private func problem<T>(_ result: Result<T, JSONError>) -> JSONError.Problem? {
        if case let .failure(error) = result { return error.problem }
        return nil
    }

    private func string(_ text: String) -> Result<String, JSONError> {
        scan(Array(text.utf8)) { (s) throws(JSONError) in try s.readString("doc") }
    }

    /// Bad UTF-8 is refused both when a string is read and when it is skipped.
    func testInvalidUTF8IsAnErrorWhenReadAndWhenSkipped() {
        let bad: [[UInt8]] = [
            [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xE2, 0x82], [0x80], [0xF4, 0x90, 0x80, 0x80],
        ]
        for bytes in bad {
            let document = [UInt8(ascii: "\"")] + bytes + [UInt8(ascii: "\"")]
            XCTAssertEqual(
                problem(scan(document) { (s) throws(JSONError) in try s.readString("doc") }), .invalidUTF8, "\(bytes)")
            XCTAssertEqual(
                problem(
                    scan([UInt8(ascii: "[")] + document + [UInt8(ascii: "]")]) { (s) throws(JSONError) in
                        try s.skipValue("doc")
                    }),
                .invalidUTF8, "\(bytes)")
        }
        XCTAssertEqual(try string("\"é€😀\"").get(), "é€😀")
    }

    /// A `\u` escape of a lone surrogate is refused everywhere; a pair decodes to one scalar.
    func testLoneSurrogatesAreErrorsEverywhere() {
        for text in [#""\ud800""#, #""\udc00""#, #""\ud800\u0041""#, #""\ud800x""#] {
            guard case .invalidEscape? = problem(string(text)) else { return XCTFail(text) }
            let skipped = scan(Array("[\(text)]".utf8)) { (s) throws(JSONError) in try s.skipValue("doc") }
            guard case .invalidEscape? = problem(skipped) else { return XCTFail("skip \(text)") }
        }
        XCTAssertEqual(try string(#""\ud83d\ude00 \u00e9\n\/\"""#).get(), "😀 é\n/\"")
    }

    func testRawControlCharacterNamesItsByteAndOffset() {
        guard case let .failure(error) = string("\"ab\u{1}\"") else { return XCTFail() }
        XCTAssertEqual(error.problem, .controlCharacter(1))
        XCTAssertEqual(error.offset, 3)
    }

    func testSkipValueReturnsTheSpanAndValidatesEverything() {
        let text = #"  {"a":[1,-2.5e3,true,null,{"b":"c"}],"d":{}} "#
        let span = scan(Array(text.utf8)) { (s) throws(JSONError) in try s.skipValue("doc") }
        XCTAssertEqual(try span.get(), 2..<(text.utf8.count - 1))
        for broken in [#"{"a":1,}"#, "[1 2]", "[01]", "[1.]", "[-]", "[tru]", #"{"a" 1}"#, "[1e]", "[1x]"] {
            guard case .syntax? = problem(scan(Array(broken.utf8)) { (s) throws(JSONError) in try s.skipValue("doc") })
            else {
                return XCTFail(broken)
            }
        }
    }

    func testNestingIsBoundedWithoutRecursion() {
        let limit = JSONScanner.maximumDepth
        let deepest = String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
        XCTAssertNoThrow(try scan(Array(deepest.utf8)) { (s) throws(JSONError) in try s.skipValue("doc") }.get())
        let tooDeep = String(repeating: "[", count: 100_000)
        XCTAssertEqual(
            problem(scan(Array(tooDeep.utf8)) { (s) throws(JSONError) in try s.skipValue("doc") }),
            .nestingTooDeep(limit: limit))
    }

    func testIntegersAreExactAndCheckedAtTheLimits() {
        func int(_ text: String) -> Result<Int64, JSONError> {
            scan(Array(text.utf8)) { (s) throws(JSONError) in try s.readInt64("doc") }
        }
        XCTAssertEqual(try int("9223372036854775807").get(), .max)
        XCTAssertEqual(try int("-9223372036854775808").get(), .min)
        XCTAssertEqual(try int("0").get(), 0)
        XCTAssertEqual(problem(int("9223372036854775808")), .integerOverflow)
        XCTAssertEqual(problem(int("-9223372036854775809")), .integerOverflow)
        XCTAssertEqual(problem(int("1.5")), .notWholeNumber)
        XCTAssertEqual(problem(int("1e3")), .notWholeNumber)
        XCTAssertEqual(problem(int("\"1\"")), .wrongType(expected: "an integer"))
        guard case .syntax? = problem(int("012")) else { return XCTFail("leading zero") }
    }

    /// Every value equals the standard library's correctly rounded `Double(String)`.
    func testDoublesAreCorrectlyRounded() {
        let tokens = [
            "0", "-0", "0.1", "1e-05", "123.456", "2.2250738585072014e-308", "4.9e-324", "9007199254740993",
            "1.7976931348623157e308", "123456789012345678901234567890", "0.30000000000000004",
            "1234.5678901234567", "-98765.4321e-3", "5e-324", "1E+2",
        ]
        for token in tokens {
            let value = scan(Array(token.utf8)) { (s) throws(JSONError) in try s.readDouble("doc") }
            guard let expected = Double(token), case let .success(read) = value else { return XCTFail(token) }
            XCTAssertEqual(read.bitPattern, expected.bitPattern, token)
        }
        XCTAssertEqual(
            problem(scan(Array("1e999".utf8)) { (s) throws(JSONError) in try s.readDouble("doc") }), .numberOutOfRange)
        for token in ["NaN", "-Infinity", "Infinity", "nan"] {
            XCTAssertEqual(
                problem(scan(Array(token.utf8)) { (s) throws(JSONError) in try s.readDouble("doc") }),
                .nonFiniteLiteral(token))
        }
    }

    /// Random tokens on both sides of the fast path's limits (19 digits, 2^53, 22 fraction
    /// digits, exponents) read bit for bit as `Double(String)` reads them.
    func testRandomNumbersAreCorrectlyRoundedOnBothPaths() {
        var random = SplitMix64(seed: 7)
        let digits = { (random: inout SplitMix64, count: Int) in
            String((0..<count).map { _ in Character(Unicode.Scalar(UInt8(48 + random.next(below: 10)))) })
        }
        for _ in 0..<20_000 {
            var token = random.next(below: 2) == 0 ? "" : "-"
            let whole = digits(&random, 1 + random.next(below: 20))
            token += whole.first == "0" ? "0" : whole
            if random.next(below: 3) > 0 { token += "." + digits(&random, 1 + random.next(below: 24)) }
            if random.next(below: 4) == 0 {
                token += "e" + (random.next(below: 2) == 0 ? "-" : "+") + String(random.next(below: 300))
            }
            let value = scan(Array(token.utf8)) { (s) throws(JSONError) in try s.readDouble("doc") }
            guard let expected = Double(token) else { return XCTFail(token) }
            if expected.isFinite, case let .success(read) = value {
                XCTAssertEqual(read.bitPattern, expected.bitPattern, token)
            } else {
                XCTAssertEqual(problem(value), expected.isFinite ? nil : .numberOutOfRange, token)
            }
        }
    }

    func testObjectsAndArraysAreWalkedMemberByMember() throws {
        let text = #"{"name":"x","list":["a","b"],"ok":true,"skip":{"deep":[1]}}"#
        let members = try scan(Array(text.utf8)) { (s) throws(JSONError) -> [String] in
            try s.beginObject("doc")
            var first = true
            var seen: [String] = []
            while let key = try s.nextObjectKey(first: &first, "doc") {
                switch key {
                case "name": seen.append(try s.readString(key))
                case "list": seen += try s.readStringArray(key)
                case "ok": seen.append("\(try s.readBool(key))")
                default: try s.skipValue(key)
                }
            }
            return seen
        }.get()
        XCTAssertEqual(members, ["x", "a", "b", "true"])
        let trailing = scan(Array("[] x".utf8)) { (s) throws(JSONError) in try s.skipValue("doc") }
        XCTAssertEqual(problem(trailing), .trailingData(found: "`x`"))
    }

    /// What the writer writes, Foundation reads back as the same values.
    func testWriterOutputIsValidJSONThatFoundationReadsBack() throws {
        let strings = [String(decoding: Array(UInt8(0)..<0x80), as: UTF8.self), "é€😀 \u{7F}", "", "\\\"/"]
        let numbers = [0, 0.1, 1e-05, 3, -2.5, 1e300, 9_007_199_254_740_992, 123.456]
        var writer = JSONWriter()
        writer.append(ascii: #"{"s":"#)
        writer.append(strings: strings)
        writer.append(ascii: #","n":"#)
        writer.append(numbers: numbers)
        writer.append(ascii: #","i":"#)
        writer.append(integers: [Int.min, -1, 0, Int.max])
        writer.append(ascii: #","b":"#)
        writer.append(bool: false)
        writer.append(ascii: "}")
        struct Document: Decodable { let s: [String]; let n: [Double]; let i: [Int]; let b: Bool }
        let decoded = try JSONDecoder().decode(Document.self, from: Data(writer.bytes))
        XCTAssertEqual(decoded.s, strings)
        XCTAssertEqual(decoded.n.map(\.bitPattern), numbers.map(\.bitPattern))
        XCTAssertEqual(decoded.i, [Int.min, -1, 0, Int.max])
        XCTAssertFalse(decoded.b)
        var small = JSONWriter()
        small.append(string: "a\"\\\n\u{1}\u{8}")
        XCTAssertEqual(String(decoding: small.bytes, as: UTF8.self), #""a\"\\\n\u0001\b""#)
    }
}
