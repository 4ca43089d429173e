import XCTest
@testable import Units

/// Exact strings: these are what reviewers read in charts and Markdown tables.
final class UnitFormatterTests: XCTestCase {
    let formatter = UnitFormatter()

    func testDurationsPickTheUnitThatPutsTheNumberBetweenOneAndAThousand() {
        XCTAssertEqual(formatter.format(0.5, .duration), "0.500 ns")
        XCTAssertEqual(formatter.format(950, .duration), "950 ns")
        XCTAssertEqual(formatter.format(1234, .duration), "1.23 µs")
        XCTAssertEqual(formatter.format(12e6, .duration), "12.0 ms")
        XCTAssertEqual(formatter.format(2.5e9, .duration), "2.50 s")
        XCTAssertEqual(formatter.format(-1500, .duration), "\u{2212}1.50 µs")
    }

    func testRoundingThatCarriesMovesUpAUnit() {
        XCTAssertEqual(formatter.format(999.6, .duration), "1.00 µs")
        XCTAssertEqual(formatter.format(9.996e6, .duration), "10.0 ms")
    }

    func testIntegerDigitsAreNeverRoundedAway() {
        XCTAssertEqual(formatter.format(1234e9, .duration), "1,234 s")
    }

    func testInputUnitsConvertToTheBaseUnit() throws {
        XCTAssertEqual(formatter.format(try ParsedUnit("us").base(1234), .duration), "1.23 ms")
        XCTAssertEqual(formatter.format(try ParsedUnit("µs").base(0.25), .duration), "250 ns")
        XCTAssertEqual(formatter.format(try ParsedUnit("s").base(0.0042), .duration), "4.20 ms")
        XCTAssertEqual(formatter.format(try ParsedUnit("MB").base(1.5), .bytes), "1.50 MB")
    }

    func testBytesUseDecimalMultiples() {
        XCTAssertEqual(formatter.format(512, .bytes), "512 B")
        XCTAssertEqual(formatter.format(1500, .bytes), "1.50 KB")
        XCTAssertEqual(formatter.format(123_456_789, .bytes), "123 MB")
        XCTAssertEqual(formatter.format(2.5e9, .bytes), "2.50 GB")
    }

    func testRates() {
        XCTAssertEqual(formatter.format(950, .rate(noun: "events")), "950 events/s")
        XCTAssertEqual(formatter.format(12_345, .rate(noun: "events")), "12.3 k events/s")
        XCTAssertEqual(formatter.format(2.5e6, .rate(noun: "events")), "2.50 M events/s")
    }

    func testSignedPercentages() {
        XCTAssertEqual(formatter.signedPercent(12.34), "+12.3 %")
        XCTAssertEqual(formatter.signedPercent(-4.5), "\u{2212}4.50 %")
        XCTAssertEqual(formatter.signedPercent(150), "+150 %")
        XCTAssertEqual(formatter.signedPercent(0), "0 %")
        XCTAssertEqual(formatter.format(99.5, .percent), "99.5 %")
    }

    func testCountsAreExactWithThousandsSeparators() {
        XCTAssertEqual(formatter.count(999), "999")
        XCTAssertEqual(formatter.count(1_234_567), "1,234,567")
        XCTAssertEqual(formatter.count(-1234), "\u{2212}1,234")
        XCTAssertEqual(formatter.format(1_234_567, .count(noun: "events")), "1,234,567 events")
        XCTAssertEqual(formatter.format(2.5, .count(noun: nil)), "2.50")
    }

    func testSignificantDigitsAreConfigurable() {
        XCTAssertEqual(UnitFormatter(significantDigits: 4).format(1_234_567, .duration), "1.235 ms")
        XCTAssertEqual(UnitFormatter(significantDigits: 2).format(1_234_567, .duration), "1.2 ms")
    }

    func testNonFiniteValuesAreNamedNotPrinted() {
        XCTAssertEqual(formatter.format(.nan, .duration), "n/a ns")
        XCTAssertEqual(formatter.number(.infinity, in: Dimension.duration.ladder[0], .duration), "∞")
    }

    func testAColumnSharesOneUnitChosenFromItsLargestValue() {
        let column = formatter.column([1500, 250_000, 999_000], .duration)
        XCTAssertEqual(column.unit.symbol, "µs")
        XCTAssertEqual(column.cells, ["1.50", "250", "999"])
        let mixed = formatter.column([1e6, 2e5], .duration)
        XCTAssertEqual(mixed.unit.symbol, "ms")
        XCTAssertEqual(mixed.cells, ["1.00", "0.200"])
    }

    func testLinearAxisLabelsShareUnitAndDecimals() {
        let halves = formatter.axisLabels([0, 5e5, 1e6, 1.5e6], .duration)
        XCTAssertEqual(halves.unit.symbol, "ms")
        XCTAssertEqual(halves.labels, ["0.0", "0.5", "1.0", "1.5"])
        let tens = formatter.axisLabels([0, 20e6, 40e6, 60e6, 80e6, 100e6], .duration)
        XCTAssertEqual(tens.labels, ["0", "20", "40", "60", "80", "100"])
        XCTAssertEqual(formatter.axisLabels([0, 5000, 10000], .count(noun: nil)).labels, ["0", "5,000", "10,000"])
    }

    func testLogAxisLabelsTakeTheUnitOfTheGeometricMiddle() {
        // 0.5 ms … 1 s: the middle, √(5e5 · 1e9) ns ≈ 22 ms, is in ms, so no label reads 0.0005.
        let spread = formatter.logAxisLabels([5e5, 1e6, 1e7, 1e8, 1e9], .duration)
        XCTAssertEqual(spread.unit.symbol, "ms")
        XCTAssertEqual(spread.labels, ["0.5", "1", "10", "100", "1,000"])
        // Within one decade the middle and the top agree.
        XCTAssertEqual(formatter.logAxisLabels([2e6, 5e6, 9e6], .duration).unit.symbol, "ms")
    }

    func testLogAxisLabelsUseEachTicksOwnDecimals() {
        let labels = formatter.axisLabels([1e4, 1e5, 1e6, 1e7], .duration, uniformDecimals: false)
        XCTAssertEqual(labels.unit.symbol, "ms")
        XCTAssertEqual(labels.labels, ["0.01", "0.1", "1", "10"])
    }

    func testTitlesCarryTheUnit() {
        XCTAssertEqual(Dimension.duration.title("Latency", unit: Dimension.duration.ladder[2]), "Latency (ms)")
        XCTAssertEqual(
            Dimension.count(noun: nil).title("Deliveries", unit: Dimension.count(noun: nil).ladder[0]), "Deliveries")
    }
}
