import BenchFormats
import Charts
import ExecutableTesting
import Foundation
@testable import Reports
import XCTest

/// `render trends` through its pipeline: trends.md against its golden file (regenerate with
/// MESHBENCH_UPDATE_GOLDEN=1), every PNG drawn, sized and unclipped, and the document's
/// behaviour with too little history, no baseline and a section it cannot read.
final class TrendReportTests: ScratchTestCase {
    private func render(
        _ results: LoadedResults, baseline: Baseline? = TrendFixtures.baseline
    ) throws -> (markdown: String, written: ReportPipeline.Written) {
        let templates = try TemplateSet(required: [.trends])
        let folder = try OutputFolder(path: scratch.path("trends"))
        let written = try TrendReportPipeline(options: .init(outputPath: folder.url.path))
            .write(
                results, baseline: baseline.map { (".benchmarks/baseline.json", $0) }, templates: templates,
                into: folder)
        return (try String(contentsOf: folder.file(TrendReportPipeline.documentFile), encoding: .utf8), written)
    }

    /// Issue 10: trends.png drew each series relative to its first point, so one noisy first run
    /// shifted a whole line. Against the window's median (100 here) the steady runs sit at 0 %.
    func testOverviewDrawsEachSeriesAgainstTheWindowsMedian() throws {
        let values: [Double] = [150, 100, 101, 99, 100, 98]
        let points = values.enumerated().map {
            TrendPoint(t: Date(timeIntervalSince1970: Double($0) * 86_400), value: $1, runID: "r\($0)")
        }
        let trend = TrendResult(
            scenario: "s", metric: "latency", stat: .p95, unit: "ms", better: .lower, points: points,
            slopePerDay: -4, direction: .stable, anomalyRule: "")
        guard case .draw(let chart as LineChart, _) = TrendCharts.overview([trend]) else {
            return XCTFail("no chart drawn")
        }
        // (v − median)/|median|·100 with median(values) = 100 (numpy.median).
        XCTAssertEqual(chart.series[0].points.map(\.y), [50, 0, 1, -1, 0, -2])
        XCTAssertTrue(chart.subtitle?.contains("median over the window") == true, chart.subtitle ?? "")
    }

    func testTrendsMarkdownMatchesGolden() throws {
        let (markdown, _) = try render(LoadedResults(TrendFixtures.document))
        GoldenFiles.assertMatches(markdown, golden: "trends.md")
        XCTAssertEqual(GFMTableChecker.problems(in: markdown), [], markdown)
        XCTAssertFalse(markdown.contains("<script>"), "untrusted names must be escaped")
    }

    func testEveryTrendGetsAChartAndInsufficientHistoryIsSaidPlainly() throws {
        let (markdown, written) = try render(LoadedResults(TrendFixtures.document))
        let files = ["trends.png"] + TrendCharts.singles(TrendFixtures.document.trends, baselines: .none).map(\.file)
        XCTAssertEqual(Set(written.charts.filter(\.isDrawn).map(\.file)), Set(files))
        for file in files {
            let png = try XCTUnwrap(PNGInspector(path: scratch.path("trends/" + file)), file)
            XCTAssertEqual(png.width, 960, file)
            XCTAssertEqual(png.height, 540, file)
            XCTAssertGreaterThan(png.inkFraction, 0.01, "\(file) is (nearly) blank")
            XCTAssertEqual(png.inkOnEdge, 0, "\(file) is clipped at its edge")
        }
        XCTAssertTrue(markdown.contains("insufficient history: 3 runs in the window, too few to fit a trend"), markdown)
    }

    func testTheFitAndItsBandAreDrawnOnlyWhereAnalyzeFittedATrend() throws {
        let document = TrendFixtures.document
        let baselines = TrendBaselines(baseline: TrendFixtures.baseline)
        for trend in document.trends {
            guard case .draw(let drawing, _) = TrendCharts.single(trend, baseline: baselines.value(for: trend)),
                let chart = drawing as? LineChart
            else {
                return XCTFail("\(trend.scenario) was not drawn as a line chart")
            }
            let fitted = chart.series.contains { !$0.band.isEmpty }
            XCTAssertEqual(fitted, trend.slopePerDay != nil, "\(trend.scenario): fit drawn only with a slope")
        }
    }

    func testBaselineLineUsesTheTrendsStatisticInItsUnit() throws {
        let baselines = TrendBaselines(baseline: TrendFixtures.baseline)
        let trend = TrendFixtures.document.trends.first { $0.scenario == "propagation-10" }!
        let value = try XCTUnwrap(baselines.value(for: trend))
        // Fixtures.summary(mean: 61.7) has p95 = 2.2 × mean; the trend follows p95 in ms (1 ms = 1e6 ns).
        XCTAssertEqual(value.value, 61.7 * 2.2, accuracy: 1e-9)
        XCTAssertEqual(value.base, 61.7 * 2.2 * 1e6, accuracy: 1e-3)
        let short = TrendFixtures.document.trends.first { $0.scenario == "propagation-50" }!
        XCTAssertNil(baselines.value(for: short), "no baseline for propagation-50")
    }

    func testHundredMetricsStayReadable() throws {
        let (markdown, written) = try render(LoadedResults(TrendFixtures.manyTrends(100)))
        XCTAssertEqual(written.charts.filter(\.isDrawn).count, 101)
        let overview = try XCTUnwrap(PNGInspector(path: scratch.path("trends/trends.png")))
        XCTAssertEqual(overview.inkOnEdge, 0)
        XCTAssertEqual(GFMTableChecker.problems(in: markdown), [])
        XCTAssertTrue(markdown.contains("100 metrics trended"), String(markdown.prefix(600)))
    }

    func testDocumentWithoutTrendsSaysSo() throws {
        let bytes = Data(
            #"{"schema":"meshbench.results/2","generated_at":"2025-01-31T12:10:00Z","verdict":"pass","metrics":[],"trends":[{"scenario":"x"}]}"#
                .utf8)
        let results = try ResultsLoader.parse(bytes, name: "trends.json")
        let (markdown, written) = try render(results, baseline: nil)
        XCTAssertTrue(markdown.contains("schema meshbench.results/2"), markdown)
        XCTAssertTrue(markdown.contains("trends\\[0\\] was skipped"), markdown)
        XCTAssertTrue(markdown.contains("No trends in this document"), markdown)
        XCTAssertEqual(written.charts.filter(\.isDrawn).count, 0)
    }
}
