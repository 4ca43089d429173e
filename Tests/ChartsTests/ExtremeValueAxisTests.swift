import XCTest
@testable import Charts
import Units

/// Axes over data at the ends of Double: every tick position is converted to a whole decade or
/// step count, and those conversions must stay in range (issue 12, class 1).
final class ExtremeValueAxisTests: XCTestCase {
    private func logTicks(_ extent: ClosedRange<Double>) -> AxisTicks {
        AxisTicks.resolve(
            AxisSpec(title: "Latency", dimension: .duration, scale: .log10), extent: extent,
            length: 600, vertical: true, formatter: UnitFormatter()
        ) { _ in 10 }
    }

    func testLogAxisOverTheWholeDoubleRangeKeepsFiniteTicks() {
        // Padding 2^-1063 (about 1e-320, subnormal)…1.7e308 by 4 % of its log span would reach 0 and
        // +∞ (log10 → ∓∞).
        let ticks = logTicks(0x1p-1063...1.7e308)
        XCTAssertGreaterThanOrEqual(ticks.values.count, 2)
        XCTAssertTrue(ticks.values.allSatisfy { $0.isFinite && $0 > 0 }, "\(ticks.values)")
        XCTAssertTrue(ticks.scale.lower > 0 && ticks.scale.upper.isFinite)
    }

    func testLogAxisWithAnInfiniteEndDoesNotTrap() {
        let ticks = logTicks(1...Double.infinity)
        XCTAssertTrue(ticks.values.allSatisfy(\.isFinite), "\(ticks.values)")
    }

    func testLogAxisOfOrdinaryDataIsUnchanged() {
        // 1 ms … 1 s in nanoseconds: the decades 1e6, 1e7, 1e8, 1e9 all fit.
        let ticks = logTicks(1e6...1e9)
        XCTAssertTrue(ticks.values.contains(1e6) && ticks.values.contains(1e9), "\(ticks.values)")
    }

    func testRoundingStepOfAnInfiniteStepDoesNotTrap() {
        XCTAssertEqual(ExtendedWilkinson.cleaned(3.25, step: .infinity), 3.25)
        XCTAssertEqual(ExtendedWilkinson.cleaned(3.25, step: 0), 3.25)
    }
}
