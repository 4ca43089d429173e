import Charts
import XCTest

/// Every chart kind renders an image of the requested size that is not blank, leaves its edges
/// white (nothing clipped) and places no two text labels on top of each other.
final class ChartRenderingTests: XCTestCase {
    private func check(
        _ name: String, _ chart: any Chart, width: Int = 640, height: Int = 400, scale: Double = 2,
        file: StaticString = #filePath, line: UInt = #line
    ) throws -> ChartContext {
        let page = ChartPage(width: width, height: height, scale: scale, sourceLine: DemoCharts.source)
        let context = try page.render(chart)
        let pixels = context.canvas.pixels()
        XCTAssertEqual(pixels.width, Int(Double(width) * scale), name, file: file, line: line)
        XCTAssertEqual(pixels.height, Int(Double(height) * scale), name, file: file, line: line)

        var inked = 0
        for y in 0..<pixels.height { for x in 0..<pixels.width where !pixels.isWhite(x: x, y: y) { inked += 1 } }
        let fraction = Double(inked) / Double(pixels.width * pixels.height)
        // An empty-state chart is mostly white by design, but still has its title and message.
        let minimumInk = name.hasPrefix("empty") ? 0.002 : 0.01
        XCTAssertGreaterThan(fraction, minimumInk, "\(name): image is (nearly) blank", file: file, line: line)

        // The outermost 2 pixel rows and columns stay white: no mark or label reaches the edge.
        var border = 0, borderWhite = 0
        for y in 0..<pixels.height {
            for x in 0..<pixels.width where x < 2 || y < 2 || x >= pixels.width - 2 || y >= pixels.height - 2 {
                border += 1
                if pixels.isWhite(x: x, y: y) { borderWhite += 1 }
            }
        }
        XCTAssertGreaterThan(
            Double(borderWhite) / Double(border), 0.99, "\(name): something touches the edge", file: file, line: line)

        let labels = context.labels
        for (index, label) in labels.enumerated() {
            XCTAssertTrue(
                context.canvas.bounds.contains(label.rect), "\(name): \"\(label.text)\" leaves the canvas", file: file,
                line: line)
            for other in labels[(index + 1)...] where label.rect.intersects(other.rect) {
                XCTFail(
                    "\(name): \"\(label.text)\" \(label.rect) overlaps \"\(other.text)\" \(other.rect)", file: file,
                    line: line)
            }
        }
        return context
    }

    func testEveryChartKindRendersCleanly() throws {
        for (name, chart) in DemoCharts.all() {
            let size = name == "grid" ? (1200, 800) : (640, 400)
            _ = try check(name, chart, width: size.0, height: size.1)
        }
    }

    func testChartsStayCleanInSmallAndLargeFrames() throws {
        for (name, chart) in DemoCharts.all() where name != "grid" {
            _ = try check("\(name) small", chart, width: 420, height: 300, scale: 1)
            _ = try check("\(name) large", chart, width: 1400, height: 900, scale: 1)
        }
    }

    func testDeviceScaleDoublesPixelsButKeepsTheLayout() throws {
        let one = try ChartPage(width: 500, height: 300, scale: 1).render(DemoCharts.trend())
        let two = try ChartPage(width: 500, height: 300, scale: 2).render(DemoCharts.trend())
        XCTAssertEqual(one.canvas.pixelWidth * 2, two.canvas.pixelWidth)
        XCTAssertEqual(one.labels, two.labels)
    }

    func testTheSourceLineAndTitlesAreDrawn() throws {
        let context = try check("trend", DemoCharts.trend())
        let texts = context.labels.map(\.text)
        XCTAssertTrue(texts.contains(DemoCharts.source))
        XCTAssertTrue(texts.contains("p99 latency, last 30 days"))
        XCTAssertTrue(texts.contains("p99 latency (ms)"), "the y axis title carries its unit: \(texts)")
    }

    func testAnEmptyChartSaysWhy() throws {
        let context = try check("empty", DemoCharts.empty())
        XCTAssertTrue(
            context.labels.contains { $0.text == "no data: the resource sampler was disabled (--no-resources)" })
    }

    func testManyBarsShowTheWorstAndSayHowManyMore() throws {
        let context = try check("bars", DemoCharts.baselineDelta(maxRows: 25), width: 800, height: 600)
        let note = context.labels.first { $0.text.hasPrefix("showing worst") }?.text
        XCTAssertEqual(note, "showing worst 25 of 120 metrics · 95 more not shown")
        XCTAssertTrue(
            context.labels.contains { $0.text == "publish.memory.rss n=50" }, "the largest regression is listed first")
    }

    func testFewSeriesAreLabelledDirectly() throws {
        let context = try check("spectrum", DemoCharts.latencySpectrum())
        let names = ["10 nodes", "25 nodes", "50 nodes"]
        XCTAssertTrue(names.allSatisfy { name in context.labels.contains { $0.text == name } })
        XCTAssertTrue(["0%", "90%", "99%", "99.9%"].allSatisfy { tick in context.labels.contains { $0.text == tick } })
    }

    func testGraphOfAHundredNodesKeepsLabelsApart() throws {
        let context = try check("topology", DemoCharts.topology(nodes: 100), width: 800, height: 600)
        XCTAssertTrue(context.labels.contains { $0.text == "publisher" })
        XCTAssertTrue(context.labels.contains { $0.text == "Arrival time (ms)" })
    }

    func testWritingToAMissingFolderNamesThePath() throws {
        let page = ChartPage(width: 100, height: 80)
        XCTAssertThrowsError(try page.write(DemoCharts.trend(), to: "/nonexistent-folder/chart.png")) { error in
            guard case .pngWrite(let path, _) = error as? ChartError else { return XCTFail("\(error)") }
            XCTAssertEqual(path, "/nonexistent-folder/chart.png")
            XCTAssertTrue("\(error)".contains("/nonexistent-folder/chart.png"))
        }
    }

    func testWritesAPNGFile() throws {
        let path = NSTemporaryDirectory() + "/charts-test-\(UInt32.random(in: 0...UInt32.max)).png"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ChartPage(width: 200, height: 120, scale: 2).write(DemoCharts.phaseBreakdown(), to: path)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertEqual(Array(bytes.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }

    func testInvalidSizesAreRefused() {
        XCTAssertThrowsError(try Canvas(width: 0, height: 10)) {
            XCTAssertEqual($0 as? ChartError, .invalidSize(width: 0, height: 10, scale: 1))
        }
        XCTAssertThrowsError(try Canvas(width: 10, height: 10, scale: 0.5))
    }
}
