import XCTest
@testable import Units

final class ParsedUnitTests: XCTestCase {
    func testKnownUnitsResolveToTheirDimensionAndFactor() throws {
        XCTAssertEqual(try ParsedUnit("ns"), ParsedUnit(dimension: .duration, toBase: 1))
        XCTAssertEqual(try ParsedUnit("us"), ParsedUnit(dimension: .duration, toBase: 1e3))
        XCTAssertEqual(try ParsedUnit(" ms "), ParsedUnit(dimension: .duration, toBase: 1e6))
        XCTAssertEqual(try ParsedUnit("bytes"), ParsedUnit(dimension: .bytes, toBase: 1))
        XCTAssertEqual(try ParsedUnit("events/s"), ParsedUnit(dimension: .rate(noun: "events"), toBase: 1))
        XCTAssertEqual(try ParsedUnit("%"), ParsedUnit(dimension: .percent, toBase: 1))
        XCTAssertEqual(try ParsedUnit("frames"), ParsedUnit(dimension: .count(noun: "frames"), toBase: 1))
    }

    /// The spellings the metric classes and the importers once read differently: each factor is
    /// written here from its definition (1 min = 60 s, 1 KiB = 2¹⁰ B, 1 kB = 10³ B).
    func testTimeAndSizeSpellingsResolveToTheirDefinitions() throws {
        let second = 1e9
        XCTAssertEqual(try ParsedUnit("min"), ParsedUnit(dimension: .duration, toBase: 60 * second))
        XCTAssertEqual(try ParsedUnit("h"), ParsedUnit(dimension: .duration, toBase: 60 * 60 * second))
        XCTAssertEqual(try ParsedUnit("sec"), ParsedUnit(dimension: .duration, toBase: second))
        XCTAssertEqual(try ParsedUnit("\u{00B5}s"), ParsedUnit(dimension: .duration, toBase: 1000))  // micro sign
        XCTAssertEqual(try ParsedUnit("\u{03BC}s"), ParsedUnit(dimension: .duration, toBase: 1000))  // Greek mu
        XCTAssertEqual(try ParsedUnit("bytes"), try ParsedUnit("B"))
        XCTAssertEqual(try ParsedUnit("kB"), ParsedUnit(dimension: .bytes, toBase: 1000))
        XCTAssertEqual(try ParsedUnit("KiB"), ParsedUnit(dimension: .bytes, toBase: Double(1 << 10)))
        XCTAssertEqual(try ParsedUnit("MiB"), ParsedUnit(dimension: .bytes, toBase: Double(1 << 20)))
        XCTAssertEqual(try ParsedUnit("GiB"), ParsedUnit(dimension: .bytes, toBase: Double(1 << 30)))
        XCTAssertEqual(try ParsedUnit("TiB"), ParsedUnit(dimension: .bytes, toBase: Double(1 << 40)))
        XCTAssertEqual(try ParsedUnit("GiB").base(1.5), 1_610_612_736)
    }

    func testCanonicalSymbolsAreTheASCIISpellingFilesUse() {
        XCTAssertEqual(ParsedUnit.canonicalSymbol("\u{00B5}s"), "us")
        XCTAssertEqual(ParsedUnit.canonicalSymbol("\u{03BC}s"), "us")
        XCTAssertEqual(ParsedUnit.canonicalSymbol("sec"), "s")
        XCTAssertEqual(ParsedUnit.canonicalSymbol("bytes"), "B")
        XCTAssertEqual(ParsedUnit.canonicalSymbol("kB"), "KB")
        XCTAssertNil(ParsedUnit.canonicalSymbol("events/s"))
        XCTAssertNil(ParsedUnit.canonicalSymbol("frames"))
    }

    func testUnknownUnitsAreRefusedWithTheOffendingText() {
        XCTAssertThrowsError(try ParsedUnit("m/s²")) { error in
            XCTAssertEqual(error as? UnitParseError, .unknownUnit("m/s²"))
            XCTAssertTrue("\(error)".contains("\"m/s²\""))
            XCTAssertTrue("\(error)".contains("ns, us, µs, ms, s, sec, min, h, B, bytes, KB, kB"), "\(error)")
        }
        XCTAssertThrowsError(try ParsedUnit(""))
    }

    /// `known` is the same vocabulary without the error: it agrees with `init` on every spelling.
    func testKnownAgreesWithTheThrowingInitializer() throws {
        for unit in ["ns", "\u{00B5}s", "\u{03BC}s", " ms ", "min", "KiB", "bytes", "events/s", "%", "count", "writes"]
        {
            XCTAssertEqual(ParsedUnit.known(unit), try ParsedUnit(unit), unit)
        }
        for unit in ["m/s\u{00B2}", "", "/s", "2 ms"] {
            XCTAssertNil(ParsedUnit.known(unit), unit)
            XCTAssertThrowsError(try ParsedUnit(unit), unit)
        }
    }
}
