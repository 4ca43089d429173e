import BenchFormats
import Charts
import Foundation
@testable import Reports
import XCTest

/// What each chart chooses to draw from results shaped like a real tier 2 run: phase timings,
/// byte-rate and per-node series, latency under load with thin hop counts, all-zero flakes.
final class ChartChoiceTests: XCTestCase {
    func metric(
        _ scenario: String, _ name: String, unit: String = "ms", n: Int = 1000, mean: Double = 1, p50: Double = 1,
        byHops: [HopBucket]? = nil, meshSize: Int? = nil
    ) -> MetricResult {
        MetricResult(
            scenario: scenario, metric: name, unit: unit, better: .lower, n: n, runs: 1, mean: mean, sd: nil,
            min: p50 / 2,
            p50: p50, p90: p50 * 2, p95: p50 * 3, p99: p50 * 4, p999: p50 * 5, max: p50 * 6,
            spectrum: [SpectrumPoint(p: 0.5, value: p50), SpectrumPoint(p: 0.99, value: p50 * 4)],
            byHops: byHops, meshSize: meshSize)
    }

    func results(metrics: [MetricResult] = [], series: [Series] = [], flakes: [FlakeResult] = []) -> LoadedResults {
        var document = ResultsDocument(
            run: Fixtures.run, generatedAt: Date(timeIntervalSince1970: 0), verdict: .pass,
            verdictReason: "", metrics: metrics)
        document.series = series
        document.flakes = flakes
        return LoadedResults(document)
    }

    func drawn<C>(_ plan: ChartPlan, as type: C.Type, line: UInt = #line) throws -> C {
        guard case .draw(let chart, _) = plan else { XCTFail("not drawn: \(plan)", line: line); throw XCTSkip() }
        return try XCTUnwrap(chart as? C, line: line)
    }

    func testBreakdownStacksPhaseMeansInPipelineOrderPerScenario() throws {
        // Recorded in alphabetical order, in µs; the bars must follow the pipeline and add means.
        let phases = [("forward", 67.0), ("decode", 27.0), ("match", 16.0), ("store", 118.0), ("verify", 77.0)]
        let metrics =
            phases.map { metric("tier2.propagation-10", "phase." + $0.0, unit: "us", mean: $0.1 * 1.5, p50: $0.1) }
            + [
                metric("tier2.five-hop-10", "phase.verify", unit: "us", mean: 80, p50: 70),
                metric("tier2.five-hop-10", "latency"),
            ]
        let chart = try drawn(LatencyBreakdownChart().plan(results(metrics: metrics)), as: StackedBarChart.self)
        XCTAssertEqual(chart.phases, ["decode", "verify", "store", "match", "forward"])
        XCTAssertEqual(chart.bars.map(\.label), ["tier2.propagation-10", "tier2.five-hop-10"])
        // Means in ns (the chart's base unit): 1.5 × the p50 above, 1,000 ns per µs.
        XCTAssertEqual(chart.bars[0].segments, [27, 77, 118, 16, 67].map { $0 * 1.5 * 1_000 })
        XCTAssertEqual(chart.bars[1].segments, [0, 80_000, 0, 0, 0])
    }

    func testSpectrumAndMeshSizeLeavePhasesOut() throws {
        let metrics = [
            metric("tier2.propagation-10", "phase.store", unit: "us", p50: 50_000, meshSize: 10),
            metric("tier2.propagation-5", "phase.store", unit: "us", p50: 40_000, meshSize: 5),
            metric("tier2.propagation-10", "latency", p50: 5, meshSize: 10),
            metric("tier2.propagation-5", "latency", p50: 1, meshSize: 5),
        ]
        let spectrum = try drawn(LatencySpectrumChart().plan(results(metrics: metrics)), as: LineChart.self)
        XCTAssertEqual(
            spectrum.series.map(\.name), ["tier2.propagation-10 · latency", "tier2.propagation-5 · latency"])
        let sizes = try drawn(LatencyByMeshSizeChart().plan(results(metrics: metrics)), as: LineChart.self)
        XCTAssertTrue(sizes.subtitle!.hasPrefix("tier2.propagation · latency"), sizes.subtitle!)
        XCTAssertFalse(sizes.series.contains { $0.name.hasPrefix("fit") }, "two sizes fit any power law: no curve")
        XCTAssertTrue(sizes.subtitle!.contains("no fit from two points"), sizes.subtitle!)
    }

    /// A capacity ramp's saturated steps are its slowest latencies and CPU per event is a duration:
    /// neither may take the spectrum's few lines from the latencies a user compares.
    func testSpectrumLeavesOutCPUTimeAndTheRampsSteps() throws {
        let ramp = "tier2.throughput-network-10"
        let metrics = [
            metric(ramp, "load_latency.r1682", p50: 900),
            metric(ramp, "load_latency.r2000", p50: 1_500),
            metric(ramp, "cpu_per_event_at_knee", unit: "us", p50: 1_200),
            metric(ramp, "node_event_verify", unit: "us", p50: 46),
            metric(ramp, "load_latency_at_knee", p50: 2),
            metric("tier2.propagation-10", "latency", p50: 0.5),
        ]
        let spectrum = try drawn(LatencySpectrumChart().plan(results(metrics: metrics)), as: LineChart.self)
        XCTAssertEqual(
            spectrum.series.map(\.name), ["\(ramp) · load_latency_at_knee", "tier2.propagation-10 · latency"])
        XCTAssertFalse(spectrum.subtitle!.contains("not shown"), spectrum.subtitle!)
    }

    func testHopBoxesComeFromTheMetricWithMostWellPopulatedHopCounts() throws {
        func buckets(_ counts: [Int]) -> [HopBucket] {
            counts.enumerated().map { HopBucket(hops: $0.offset + 1, n: $0.element, p25: 1, p50: 2, p75: 3, p95: 4) }
        }
        // Under load: 7 hop counts, but 6 and 7 hold 7 and 1 deliveries (and 5 is under 1 %).
        let underLoad = metric(
            "tier2.throughput-network-10", "latency", n: 19_890,
            byHops: buckets([7384, 7433, 3903, 1029, 133, 7, 1]))
        let line = metric("tier2.five-hop-10", "latency", n: 5000, byHops: buckets([1000, 1000, 1000, 1000, 1000]))
        let chart = try drawn(LatencyByHopsChart().plan(results(metrics: [underLoad, line])), as: BoxChart.self)
        XCTAssertTrue(chart.subtitle!.hasPrefix("tier2.five-hop-10"), chart.subtitle!)
        XCTAssertEqual(chart.groups.map(\.label), ["1", "2", "3", "4", "5"])
        let alone = try drawn(LatencyByHopsChart().plan(results(metrics: [underLoad])), as: BoxChart.self)
        XCTAssertEqual(alone.groups.map(\.label), ["1", "2", "3", "4"])
        XCTAssertTrue(alone.subtitle!.contains("3 hop counts with under 198 deliveries not shown"), alone.subtitle!)
    }

    /// The chart draws the line the hop_linearity check judges: ordinary least squares over every
    /// recorded hop count, unweighted. Medians 1, 2, 3, 10 ms at hops 1…4, whatever the counts:
    /// x̄ = 2.5, ȳ = 4, Sxx = 5, Sxy = (−1.5)(−3) + (−0.5)(−2) + (0.5)(−1) + (1.5)(6) = 14, so the
    /// slope is 2.8 ms per hop and the intercept 4 − 2.8 · 2.5 = −3 ms (a weighted fit differs).
    func testHopFitIsTheUnweightedLineTheHopLinearityCheckFits() throws {
        let medians = [1.0, 2, 3, 10], counts = [10_000, 5_000, 1_000, 100]
        let buckets = zip(medians, counts).enumerated().map {
            HopBucket(
                hops: $0.offset + 1, n: $0.element.1, p25: $0.element.0, p50: $0.element.0, p75: $0.element.0,
                p95: $0.element.0)
        }
        let chart = try drawn(
            LatencyByHopsChart().plan(
                results(metrics: [metric("tier2.five-hop-10", "latency", n: 16_100, byHops: buckets)])),
            as: BoxChart.self)
        let fit = try XCTUnwrap(chart.fit)
        XCTAssertEqual(fit.slope, 2.8e6, accuracy: 1e-6)  // ns: the chart's base unit
        XCTAssertEqual(fit.intercept, -3e6, accuracy: 1e-6)
    }

    /// Three sizes: the curve is the power law analyze's scaling check fits (OLS on log–log).
    /// p95 = 3 · p50 = 3, 12, 48 ms at 5, 10, 20 nodes is exactly 3 ms · (n/5)², exponent 2.
    func testMeshSizeCurveIsThePowerLawFit() throws {
        let metrics = [(5, 1.0), (10, 4.0), (20, 16.0)].map {
            metric("tier2.propagation-\($0.0)", "latency", p50: $0.1, meshSize: $0.0)
        }
        let chart = try drawn(LatencyByMeshSizeChart().plan(results(metrics: metrics)), as: LineChart.self)
        let curve = try XCTUnwrap(chart.series.first { $0.name.hasPrefix("fit") })
        XCTAssertEqual(curve.name, "fit p95 ∝ n^2.00")
        for point in curve.points { XCTAssertEqual(point.y, 3e6 * pow(point.x / 5, 2), accuracy: 1e-3 * point.y) }
    }

    func testThroughputIsEventsPerSecondAndQueuesCollapseToTheDeepestNode() throws {
        let t = [0.0, 1, 2]
        var series = [
            Series(
                scenario: "tier2.throughput-network-10", metric: "throughput", unit: "events/s", t: t,
                values: [70, 75, 72])
        ]
        for node in 0..<10 {
            series.append(
                Series(
                    scenario: "tier2.throughput-network-10", metric: "bytes_in", unit: "B/s", node: node, t: t,
                    values: [200_000, 300_000, 250_000]))
            series.append(
                Series(
                    scenario: "tier2.throughput-network-10", metric: "queue_depth", unit: "frames", node: node, t: t,
                    values: [0, Double(node), 0]))
        }
        let chart = try drawn(ThroughputTimelineChart().plan(results(series: series)), as: PanelChart.self)
        XCTAssertEqual(chart.panels[0].series.map(\.name), ["tier2.throughput-network-10 · throughput"])
        XCTAssertEqual(
            chart.panels[1].series.map(\.name), ["tier2.throughput-network-10 · queue_depth (deepest of 10 nodes)"])
        XCTAssertEqual(chart.panels[1].series[0].points.map(\.y), [0, 9, 0])
        XCTAssertEqual(chart.panels[1].yAxis.dimension, .count(noun: "frames"))
        XCTAssertTrue(chart.spans.isEmpty, "no burst scenario drawn: the run's burst window is not shaded")
    }

    func testThroughputKeepsTheBurstAndLongestScenariosAndDropsAnEmptyQueuePanel() throws {
        func run(_ scenario: String, seconds: Int) -> [Series] {
            let t = (0...seconds).map(Double.init)
            return [
                Series(scenario: scenario, metric: "throughput", unit: "events/s", t: t, values: t.map { _ in 50 }),
                Series(
                    scenario: scenario, metric: "queue_depth", unit: "frames", node: 0, t: t, values: t.map { _ in 0 }),
            ]
        }
        let series =
            run("tier3.scalability-25", seconds: 20) + run("tier3.scalability-50", seconds: 15)
            + run("tier2.burst-10", seconds: 10) + run("tier3.soak-10", seconds: 120)
            + run("tier3.stress-100", seconds: 90)
        let chart = try drawn(ThroughputTimelineChart().plan(results(series: series)), as: PanelChart.self)
        XCTAssertEqual(chart.panels.count, 1, "a queue that stayed empty gets a sentence, not a panel")
        XCTAssertEqual(
            chart.panels[0].series.map(\.name),
            ["tier2.burst-10 · throughput", "tier3.soak-10 · throughput", "tier3.stress-100 · throughput"])
        XCTAssertEqual(
            chart.subtitle,
            "tier2.burst-10: no burst window in the run's config · queue depth 0 throughout · 2 shorter scenarios not shown"
        )
    }

    func testResourcesShowRSSNotDatabaseSizeAndNameEachCPUSeries() throws {
        let t = [0.0, 1, 2]
        var series = [
            Series(
                scenario: "tier2.throughput-single-10", metric: "process_rss", unit: "MB", t: t, values: [90, 95, 100]),
            Series(
                scenario: "tier2.throughput-single-10", metric: "process_cpu_user", unit: "%", t: t,
                values: [30, 35, 40]),
            Series(
                scenario: "tier2.throughput-single-10", metric: "process_cpu_system", unit: "%", t: t,
                values: [10, 15, 20]),
        ]
        for node in 0..<10 {
            series.append(
                Series(
                    scenario: "tier2.throughput-single-10", metric: "store_size", unit: "MB", node: node, t: t,
                    values: [1, 4, 7]))
        }
        // A shorter scenario: another run, whose clock only looks shared; not drawn.
        series.append(
            Series(
                scenario: "tier2.throughput-network-10", metric: "process_rss", unit: "MB", t: [0, 1], values: [95, 96])
        )
        let chart = try drawn(ResourcesChart().plan(results(series: series)), as: PanelChart.self)
        XCTAssertEqual(chart.subtitle, "tier2.throughput-single-10 (longest-running of 2 scenarios) · no leak check")
        XCTAssertEqual(chart.panels[0].series.map(\.name), ["tier2.throughput-single-10 · process_rss"])
        XCTAssertEqual(
            chart.panels[1].series.map(\.name),
            [
                "tier2.throughput-single-10 · process_cpu_user",
                "tier2.throughput-single-10 · process_cpu_system",
            ])
    }

    func testFlakesChartDrawsOnlyTestsThatNeededARetry() throws {
        let steady = (0..<68).map {
            FlakeResult(
                test: "t\($0)", tier: 2, runs: 1, failures: 0, passesAfterRetry: 0, flakeRate: 0, quarantined: false)
        }
        guard case .noData(let reason) = FlakesChart().plan(results(flakes: steady)) else {
            return XCTFail("drew 68 bars of 0 %")
        }
        XCTAssertEqual(reason, "none of the 68 tests in the flake history needed a retry (up to 1 run each)")
        let flaky = FlakeResult(
            test: "dedup", tier: 2, runs: 40, failures: 0, passesAfterRetry: 2, flakeRate: 0.05, quarantined: false)
        let chart = try drawn(FlakesChart().plan(results(flakes: steady + [flaky])), as: HorizontalBarChart.self)
        XCTAssertEqual(chart.rows.map(\.label), ["dedup"])
        XCTAssertTrue(chart.subtitle!.contains("68 tests that never needed a retry not shown"), chart.subtitle!)
    }

    func testReportListsPhasesInTheirOwnTableAndKeepsUnitsConsistentInARow() throws {
        let phases = [("decode", 20.2), ("verify", 65.2)].map {
            metric("s", "phase." + $0.0, unit: "us", mean: $0.1, p50: $0.1)
        }
        var latency = metric("s", "latency", p50: 0.5)
        latency.ci.p95 = Interval(low: 0.0415, high: 2.5)
        let model = ReportViewModel(results: results(metrics: phases + [latency]), charts: [])
        XCTAssertEqual(model.latencyRows.map(\.metric), ["latency"])
        XCTAssertEqual(model.phaseRows.map(\.phase), ["decode", "verify"])
        XCTAssertEqual(model.phaseRows.map(\.share), ["24 %", "76 %"])  // 20.2 / 85.4 and 65.2 / 85.4
        XCTAssertEqual(model.latencyRows[0].p95, "1.50 ms (0.0415 ms – 2.50 ms)")
    }
}
