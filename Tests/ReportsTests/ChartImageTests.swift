import BenchFormats
import ExecutableTesting
import Foundation
@testable import Reports
import XCTest

/// Every PNG of the chart set, checked as a reader would: there, the right size (× scale),
/// not blank, nothing running off the edge; and a chart without data is left out with a reason.
final class ChartImageTests: ScratchTestCase {
    private func draw(_ document: ResultsDocument, scale: Double = 1) throws -> [ChartOutcome] {
        let folder = try OutputFolder(path: scratch.path("charts"))
        let outcomes = try ChartSet.standard.draw(LoadedResults(document), into: folder, scale: scale)
        try folder.commit()
        return outcomes
    }

    private func assertLooksDrawn(_ file: String, width: Int, height: Int, line: UInt = #line) throws {
        let png = try XCTUnwrap(
            PNGInspector(path: scratch.path("charts/" + file)), "\(file) is not a readable PNG", line: line)
        XCTAssertEqual(png.width, width, "\(file) width", line: line)
        XCTAssertEqual(png.height, height, "\(file) height", line: line)
        XCTAssertGreaterThan(png.inkFraction, 0.01, "\(file) is (nearly) blank", line: line)
        XCTAssertLessThan(png.inkFraction, 0.6, "\(file) is mostly ink: a fill ran wild", line: line)
        XCTAssertEqual(png.inkOnEdge, 0, "\(file) draws on its outer edge: something is clipped", line: line)
    }

    func testEveryChartOfARunWithBaselineIsDrawnAndSized() throws {
        let outcomes = try draw(Fixtures.withBaseline)
        for outcome in outcomes {
            XCTAssertTrue(outcome.isDrawn, "\(outcome.file): \(outcome.missingReason ?? "")")
            XCTAssertFalse(outcome.alt.isEmpty, "\(outcome.file) needs alt text")
        }
        let chart = ChartSet.standard.charts.first { $0.file == LatencySpectrumChart.fileName }!
        try assertLooksDrawn(LatencySpectrumChart.fileName, width: chart.size.width, height: chart.size.height)
        try assertLooksDrawn(BaselineDeltaChart.fileName, width: 960, height: 540)
        let panels = ChartSet.standard.compositePanels.count
        let composite = ChartSet.compositeSize(panelCount: panels)
        try assertLooksDrawn(ChartSet.compositeFile, width: composite.width, height: composite.height)
        for file in ExpectedFiles.withBaseline where file.hasSuffix(".png") {
            let png = try XCTUnwrap(PNGInspector(path: scratch.path("charts/" + file)), file)
            XCTAssertGreaterThan(png.inkFraction, 0.01, "\(file) is (nearly) blank")
            XCTAssertEqual(png.inkOnEdge, 0, "\(file) is clipped at its edge")
        }
    }

    func testScaleMultipliesEveryDimension() throws {
        _ = try draw(Fixtures.withBaseline, scale: 2)
        try assertLooksDrawn(LatencySpectrumChart.fileName, width: 1920, height: 1080)
        let composite = ChartSet.compositeSize(panelCount: ChartSet.standard.compositePanels.count)
        try assertLooksDrawn(ChartSet.compositeFile, width: composite.width * 2, height: composite.height * 2)
    }

    func testChartsWithoutDataAreLeftOutWithAReason() throws {
        let outcomes = try draw(Fixtures.withoutBaseline)
        let delta = try XCTUnwrap(outcomes.first { $0.file == BaselineDeltaChart.fileName })
        XCTAssertFalse(delta.isDrawn)
        XCTAssertTrue(delta.missingReason?.contains("no baseline comparison") == true, delta.missingReason ?? "")
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.path("charts/" + BaselineDeltaChart.fileName)))
    }

    func testEmptyResultsDrawNothingAndSayWhy() throws {
        var document = Fixtures.withoutBaseline
        document.metrics = document.metrics.filter { !ValueText.isDuration($0.unit) }
        document.series = []
        document.trends = []
        document.flakes = []
        document.topology = nil
        let outcomes = try draw(document)
        for outcome in outcomes {
            XCTAssertFalse(outcome.isDrawn, "\(outcome.file) drawn without data")
            XCTAssertFalse(outcome.missingReason?.isEmpty ?? true, "\(outcome.file) needs a reason")
        }
        XCTAssertEqual(
            outcomes.first { $0.file == LatencySpectrumChart.fileName }?.missingReason,
            "the results contain no latency metrics")
        XCTAssertEqual(outcomes.first { $0.file == ChartSet.compositeFile }?.isDrawn, false)
    }

    /// A large run: 100 compared metrics, a 100-node mesh, 100 flaky tests. The charts keep the
    /// worst rows, say how many more there are, and nothing runs off the edge.
    func testHundredNodesAndHundredMetricsStayReadable() throws {
        var document = Fixtures.withBaseline
        document.metrics = (0..<100).map { k in
            let delta = Double(k % 17) * 4 - 20
            return Fixtures.latency(
                "mesh-\(k / 10)", offset: 10, scale: 5, meshSize: nil, baseline: Fixtures.summary(mean: 15),
                change: Change(
                    deltaPct: delta, ci: Interval(low: delta - 6, high: delta + 6), q: 0.01,
                    verdict: delta > 50 ? .fail : delta > 20 ? .warn : delta < -5 ? .improved : .noise, reason: ""))
        }
        document.comparison?.noisePct = 5
        document.comparison?.regression = [.latency: RegressionLimits(warnPct: 20, failPct: 50)]
        document.topology = TopologyResult(
            nodes: 100, kind: "small-world",
            edges: (0..<100).flatMap { [Edge($0, ($0 + 1) % 100), Edge($0, ($0 + 7) % 100)] }, diameter: 8,
            publisher: 0,
            arrivals: (0..<100).map {
                Arrival(node: $0, ms: Double(min($0, 100 - $0)) * 3, hops: min($0, 100 - $0) / 7)
            })
        document.flakes = (0..<100).map {
            FlakeResult(
                test: "tier2.test\($0)", tier: 2, runs: 40, failures: $0 % 5, passesAfterRetry: $0 % 5,
                flakeRate: Double($0 % 5) / 40, quarantined: $0 % 5 > 2)
        }
        let outcomes = try draw(document)
        for file in [BaselineDeltaChart.fileName, TopologyChart.fileName, FlakesChart.fileName] {
            XCTAssertTrue(outcomes.first { $0.file == file }?.isDrawn == true, file)
            let png = try XCTUnwrap(PNGInspector(path: scratch.path("charts/" + file)), file)
            XCTAssertGreaterThan(png.inkFraction, 0.01, file)
            XCTAssertEqual(png.inkOnEdge, 0, "\(file) is clipped at its edge")
        }
    }
}
