import Foundation
import XCTest
@testable import BenchFormats

/// The adapters' JSON tree (built with the one `JSONScanner`) agrees with Foundation's on every
/// fixture, names lines, and is as strict as every other reader (a lone surrogate is an error).
final class LocatedJSONTests: XCTestCase {
    private func same(_ mine: LocatedJSON, _ theirs: Any, _ path: String) {
        switch (mine.value, theirs) {
        case (.null, is NSNull): break
        case (.string(let s), let t as String): XCTAssertEqual(s, t, path)
        case (.bool(let b), let t as NSNumber): XCTAssertEqual(b, t.boolValue, path)
        case (.number(let n), let t as NSNumber): ForeignFixtures.assertSame([n], [t.doubleValue], path)
        case (.array(let a), let t as [Any]):
            XCTAssertEqual(a.count, t.count, path)
            for (k, (x, y)) in zip(a, t).enumerated() { same(x, y, "\(path)[\(k)]") }
        case (.object(let members), let t as [String: Any]):
            XCTAssertEqual(Set(members.map(\.key)), Set(t.keys), path)
            for (key, value) in members { same(value, t[key] as Any, "\(path).\(key)") }
        default: XCTFail("\(path): \(mine.kindName) vs \(type(of: theirs))")
        }
    }

    func testEveryFixtureParsesToWhatFoundationReads() throws {
        for file in [
            "hyperfine/hyperfine-two-commands.json", "google-benchmark/google-benchmark-repetitions.json",
            "pytest-benchmark/pytest-benchmark-data.json", "pytest-benchmark/pytest-benchmark-saved-summary.json",
        ] {
            let data = try Data(contentsOf: URL(fileURLWithPath: ForeignFixtures.path(file)))
            same(try LocatedJSONParser.parse([UInt8](data)), try JSONSerialization.jsonObject(with: data), file)
        }
    }

    /// hyperfine (Rust) prints each time as the shortest text that reads back to the same double,
    /// as Swift's `description` does: reading exactly gives back the same text for every number.
    func testEveryNumberReadsBackToTheTextTheHarnessPrinted() throws {
        let text = try String(
            contentsOfFile: ForeignFixtures.path("hyperfine/hyperfine-two-commands.json"), encoding: .utf8)
        let tokens = text.split(whereSeparator: { " \n,[]:".contains($0) }).filter {
            $0.first.map { $0.isNumber } ?? false
        }
        .filter { $0.contains(".") && Double($0) != nil }
        XCTAssertEqual(tokens.count, 34, "every time and statistic (the exit codes are integers)")
        var read: [Double] = []
        func collect(_ node: LocatedJSON) {
            switch node.value {
            case .number(let n): read.append(n)
            case .array(let a): a.forEach(collect)
            case .object(let m): m.filter { $0.key != "exit_codes" }.forEach { collect($0.value) }
            default: break
            }
        }
        collect(try LocatedJSONParser.parse(Array(text.utf8)))
        XCTAssertEqual(read.map(\.description), tokens.map(String.init))
    }

    func testValuesKnowTheirLineAndEscapesDecode() throws {
        let doc = try LocatedJSONParser.parse(
            Array("{\n \"a\": [1,\n  \"x\\u00e9\\ud83d\\ude00\\n\"],\n \"b\": -2.5e-3\n}".utf8))
        XCTAssertEqual(doc.line, 1)
        XCTAssertEqual(doc["a"]?.line, 2)
        XCTAssertEqual(doc["a"]?.array?[1].line, 3)
        XCTAssertEqual(doc["a"]?.array?[1].string, "xé😀\n")
        XCTAssertEqual(doc["b"]?.number, -0.0025)
        XCTAssertEqual(doc["b"]?.line, 4)
    }

    func testSyntaxErrorsGiveLineColumnAndWhetherTheInputEnded() {
        let cases: [(String, Int, Int, Bool, String)] = [
            ("{\n  \"a\": [1, 2", 2, 13, true, "expected `]` or an element, found the end of the input"),
            ("{\"a\": NaN}", 1, 7, false, "`NaN` is not a JSON number; JSON cannot hold NaN or Infinity"),
            ("{\"a\": 1e999}", 1, 7, false, "number outside the range of a 64-bit float"),
            ("{\"a\": 1} x", 1, 10, false, "unexpected `x` after the JSON value; write exactly one JSON document"),
            ("[01]", 1, 3, false, "expected a number without leading zeros, found `1`"),
            (
                "[\"\\ud800\"]", 1, 3, false,
                "invalid escape (high surrogate without a low surrogate); use a JSON escape such as \\n or \\u00e9"
            ),
        ]
        for (text, line, column, ended, detail) in cases {
            do {
                _ = try LocatedJSONParser.parse(Array(text.utf8))
                XCTFail("accepted \(text)")
            } catch {
                XCTAssertEqual([error.line, error.column], [line, column], text)
                XCTAssertEqual(error.endOfInput, ended, text)
                XCTAssertEqual(error.detail, detail, text)
            }
        }
    }
}
