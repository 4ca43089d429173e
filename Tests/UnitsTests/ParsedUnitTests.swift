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

    func testUnknownUnitsAreRefusedWithTheOffendingText() {
        XCTAssertThrowsError(try ParsedUnit("m/s²")) { error in
            XCTAssertEqual(error as? UnitParseError, .unknownUnit("m/s²"))
            XCTAssertTrue("\(error)".contains("\"m/s²\""))
        }
        XCTAssertThrowsError(try ParsedUnit(""))
    }
}
