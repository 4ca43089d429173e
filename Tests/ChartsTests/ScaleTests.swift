import XCTest
@testable import Charts
import Units

final class ScaleTests: XCTestCase {
    func testLinearMapsAndInverts() {
        let scale = Scale(kind: .linear, lower: -10, upper: 30)
        XCTAssertEqual(scale.fraction(-10), 0)
        XCTAssertEqual(scale.fraction(10), 0.5)
        XCTAssertEqual(scale.fraction(30), 1)
        XCTAssertEqual(scale.value(atFraction: 0.25), 0, accuracy: 1e-12)
    }

    func testLogMapsDecadesEvenly() {
        let scale = Scale(kind: .log10, lower: 1, upper: 1000)
        XCTAssertEqual(scale.fraction(10), 1.0 / 3, accuracy: 1e-12)
        XCTAssertEqual(scale.fraction(100), 2.0 / 3, accuracy: 1e-12)
        XCTAssertEqual(scale.value(atFraction: 0.5), 31.622776601683793, accuracy: 1e-9)  // 10^1.5
        XCTAssertFalse(scale.canShow(0))
    }

    func testPercentileScaleSpacesNinesEvenly() {
        // x = log10(1 / (1 − p)): 0 → 0, 0.9 → 1, 0.99 → 2, 0.999 → 3, 0.9999 → 4.
        let scale = Scale(kind: .percentile, lower: 0, upper: 0.9999)
        XCTAssertEqual(scale.fraction(0), 0)
        XCTAssertEqual(scale.fraction(0.9), 0.25, accuracy: 1e-12)
        XCTAssertEqual(scale.fraction(0.99), 0.5, accuracy: 1e-12)
        XCTAssertEqual(scale.fraction(0.999), 0.75, accuracy: 1e-12)
        XCTAssertEqual(scale.value(atFraction: 0.5), 0.99, accuracy: 1e-12)
        XCTAssertEqual(scale.fraction(0.5), log10(2) / 4, accuracy: 1e-12)
        XCTAssertFalse(scale.canShow(1))
    }

    func testPercentileAxisLabels() {
        let ticks = AxisTicks.resolve(
            .percentile(), extent: 0...0.99995, length: 800, vertical: false,
            formatter: UnitFormatter()
        ) { Double($0.count) * 6 }
        XCTAssertEqual(ticks.labels, ["0%", "90%", "99%", "99.9%", "99.99%", "99.999%"])
        XCTAssertEqual(ticks.scale.upper, 0.99999, accuracy: 1e-12)
    }

    func testCrowdedLabelsAreThinned() {
        // 20 points is room for one short label only, however the ticks are chosen.
        let ticks = AxisTicks.resolve(
            AxisSpec(title: "x", dimension: .count(noun: nil)), extent: 0...1000, length: 60,
            vertical: false, formatter: UnitFormatter()
        ) { Double($0.count) * 6 }
        XCTAssertTrue(ticks.labelsFit(length: 60) { Double($0.count) * 6 })
        XCTAssertGreaterThanOrEqual(ticks.values.count, 1)
    }

    func testLogAxisTicksAreDecadesOrOneTwoFive() {
        let ticks = AxisTicks.resolve(
            AxisSpec(title: "Latency", dimension: .duration, scale: .log10), extent: 0.3e6...25e6,
            length: 400, vertical: true, formatter: UnitFormatter()
        ) { _ in 12 }
        XCTAssertEqual(ticks.unit?.symbol, "ms")
        XCTAssertEqual(ticks.labels, ["0.5", "1", "2", "5", "10", "20"])
    }
}
