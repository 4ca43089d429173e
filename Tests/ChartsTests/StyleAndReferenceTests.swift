import Charts
import XCTest

/// Per-series styles, reference lines on bar charts and where a bar's value label goes.
final class StyleAndReferenceTests: XCTestCase {
    private func rgb(_ color: Color) -> UInt32 {
        UInt32(color.red * 255 + 0.5) << 16 | UInt32(color.green * 255 + 0.5) << 8 | UInt32(color.blue * 255 + 0.5)
    }

    private func count(_ color: Color, in pixels: PixelBuffer, within rect: Rect? = nil, scale: Double = 1) -> Int {
        let target = rgb(color)
        var found = 0
        for y in 0..<pixels.height {
            for x in 0..<pixels.width where pixels.argb[y * pixels.width + x] & 0xFFFFFF == target {
                if let rect, !rect.contains(Rect(x: Double(x) / scale, y: Double(y) / scale, width: 0, height: 0)) {
                    continue
                }
                found += 1
            }
        }
        return found
    }

    func testAnExplicitStyleReplacesThePalettePosition() throws {
        let points = (0..<20).map { DataPoint(x: Double($0), y: Double($0 * $0)) }
        let chart = LineChart(
            title: "styled", xAxis: AxisSpec(title: "x", dimension: .plain(symbol: "s")),
            yAxis: AxisSpec(title: "y", dimension: .plain(symbol: "u")),
            series: [
                LineSeries(
                    name: "a", points: points,
                    style: SeriesStyle(color: Palette.vermillion, dash: Palette.referenceDash, marker: .circle))
            ])
        let pixels = try ChartPage(width: 480, height: 300).render(chart).canvas.pixels()
        XCTAssertGreaterThan(count(Palette.vermillion, in: pixels), 50, "the series is drawn in its own colour")
        XCTAssertEqual(count(Palette.style(0).color, in: pixels), 0, "not in the first palette colour")
    }

    func testReferenceLinesAreDrawnLabelledAndWidenTheAxis() throws {
        let chart = HorizontalBarChart(
            title: "flakes", axis: AxisSpec(title: "Flake rate", dimension: .percent),
            rows: [BarRow(label: "a", value: 1, category: "ok"), BarRow(label: "b", value: 2.5, category: "ok")],
            categories: [BarCategory(name: "ok", color: Palette.bluishGreen)],
            referenceLines: [ThresholdLine(.horizontal, at: 5, label: "limit 5 %", color: Palette.vermillion)],
            signedValues: false)
        let context = try ChartPage(width: 640, height: 360).render(chart)
        XCTAssertTrue(context.labels.contains { $0.text == "limit 5 %" }, "the line is labelled")
        XCTAssertTrue(context.labels.contains { $0.text == "5" }, "the axis reaches the limit (a tick at 5)")
        XCTAssertGreaterThan(
            count(Palette.vermillion, in: context.canvas.pixels()), 20, "the line is drawn, vertically")
        XCTAssertFalse(context.labels.contains { $0.text.hasPrefix("+") }, "rates are not signed")
    }

    /// The label of a negative bar used to be placed right of its whisker's upper end, on top of
    /// the bar. It now sits beyond the whisker on the side away from zero, clear of the bar.
    func testNegativeBarLabelStaysOffItsBarAndWhisker() throws {
        let green = Palette.bluishGreen
        let chart = HorizontalBarChart(
            title: "delta", axis: AxisSpec(title: "Change", dimension: .percent),
            rows: [
                BarRow(label: "slower", value: 62, interval: 48...77, category: "fail"),
                BarRow(label: "faster", value: -21, interval: (-30)...(-12), category: "improved"),
            ],
            categories: [
                BarCategory(name: "fail", color: Palette.vermillion), BarCategory(name: "improved", color: green),
            ])
        let context = try ChartPage(width: 640, height: 360).render(chart)
        let label = try XCTUnwrap(context.labels.first { $0.text.contains("21") }, "the negative bar is labelled")
        let zero = try XCTUnwrap(context.labels.first { $0.text == "0" }, "tick at zero")
        let pixels = context.canvas.pixels()
        XCTAssertEqual(count(green, in: pixels, within: label.rect), 0, "label over the bar")
        // Left of zero, the bar and whisker run from −30 % to 0; the label must end before the
        // whisker's end, whose x is left of the bar's green pixels.
        let row = Int(label.rect.midY)
        let greenXs = (0..<pixels.width).filter { pixels.argb[row * pixels.width + $0] & 0xFFFFFF == rgb(green) }
        let barLeft = Double(try XCTUnwrap(greenXs.min()))
        XCTAssertLessThan(
            label.rect.maxX, barLeft - 10,
            "label should sit beyond the whisker's far end; zero tick at \(zero.rect.midX)")
    }

    /// WARN at +20 % and FAIL at +50 % sit close together on a wide axis: both are labelled, in
    /// the strip above the plot, and neither label covers a bar.
    func testNearbyWarnAndFailLinesAreBothLabelledAboveTheBars() throws {
        let barColor = Palette.bluishGreen
        let chart = HorizontalBarChart(
            title: "delta", axis: AxisSpec(title: "Change", dimension: .percent),
            rows: [
                BarRow(label: "latency", value: 112, interval: (-87)...310, category: "fail"),
                BarRow(label: "store", value: 92, interval: (-16)...200, category: "fail"),
            ],
            categories: [BarCategory(name: "fail", color: barColor)],
            referenceLines: [
                ThresholdLine(.vertical, at: 20, label: "WARN +20 %", color: Palette.orange),
                ThresholdLine(.vertical, at: 50, label: "FAIL +50 %", color: Palette.vermillion),
            ])
        let context = try ChartPage(width: 960, height: 540).render(chart)
        let pixels = context.canvas.pixels()
        for text in ["WARN +20 %", "FAIL +50 %"] {
            let label = try XCTUnwrap(context.labels.first { $0.text == text }, "\(text) is labelled")
            let bar = try XCTUnwrap(context.labels.first { $0.text == "latency" }, "the first bar's category label")
            XCTAssertLessThan(label.rect.maxY, bar.rect.minY, "\(text) sits above the first bar")
            XCTAssertEqual(count(barColor, in: pixels, within: label.rect), 0, "\(text) covers no bar")
        }
    }
}
