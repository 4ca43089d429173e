import BenchFormats
import Foundation
import Statistics

/// Constructed trend documents (what `analyze trends` writes), baselines and thresholds for the
/// trend, baseline-doc and chart tests. Points are inputs chosen to exercise every branch; the
/// slope, CI, R² and p of each fitted trend are computed from those points with Statistics'
/// `LinearRegression` (the regression `analyze trends` uses), so table and chart agree.
enum TrendFixtures {
    static let latest = Fixtures.run.startedAt

    /// `count` runs `spacing` days apart ending at `latest`, values from `value(i)`.
    static func points(
        _ count: Int, spacing: Double = 2.5, anomalies: Set<Int> = [], _ value: (Int) -> Double
    ) -> [TrendPoint] {
        (0..<count).map { i in
            TrendPoint(
                t: latest.addingTimeInterval(Double(i - count + 1) * spacing * 86_400), value: value(i),
                runID: "run-\(i)", anomaly: anomalies.contains(i) ? true : nil)
        }
    }

    /// A trend with analyze's statistics over its points (direction from the slope's p at α 0.05).
    static func trend(
        _ scenario: String, _ metric: String, stat: Statistic = .p95, unit: String = "ms", better: Better = .lower,
        points: [TrendPoint], changePoints: [Int] = []
    ) -> TrendResult {
        let rule = "robust z = (x − median)/(1.4826·MAD) beyond ±3.5"
        guard points.count >= 5 else {
            return TrendResult(
                scenario: scenario, metric: metric, stat: stat, unit: unit, better: better, points: points,
                direction: .insufficientHistory,
                anomalyRule: rule + "; not applied: \(points.count) run(s) in the window, at least 5 are needed")
        }
        let days = points.map { $0.t.timeIntervalSince(points[0].t) / 86_400 }
        let fit = try! LinearRegression(x: days, y: points.map(\.value))
        let significant = fit.slopePValue < 0.05
        let direction: TrendDirection =
            !significant ? .stable : ((fit.slope > 0) == (better == .lower) ? .degrading : .improving)
        return TrendResult(
            scenario: scenario, metric: metric, stat: stat, unit: unit, better: better, points: points,
            slopePerDay: fit.slope, slopeCI: Interval(low: fit.slopeInterval.lower, high: fit.slopeInterval.upper),
            r2: fit.rSquared, p: fit.slopePValue, direction: direction, changePoints: changePoints, anomalyRule: rule)
    }

    /// Four kinds of trend: degrading with an anomaly and a step, improving, stable, too short;
    /// one with a hostile name.
    static var document: ResultsDocument {
        let degrading = trend(
            "propagation-10", "latency",
            points: points(12, anomalies: [7]) { i in
                i == 7 ? 160 : 98 + Double(i) * 0.8 + (i >= 9 ? 40 : 0)
            }, changePoints: [9])
        let improving = trend(
            "throughput-10", "events", stat: .mean, unit: "events/s", better: .higher,
            points: points(12) { i in 1100 + Double(i) * 12 + Double(i % 3) * 4 })
        let stable = trend(
            "resources-10", "rss", stat: .mean, unit: "MB",
            points: points(10, spacing: 3) { i in
                180 + [0.4, -1.1, 0.8, -0.3, 1.2, -0.9, 0.1, 0.7, -0.6, 0.2][i]
            })
        let short = trend("propagation-50", "latency", points: points(3, spacing: 4) { i in 900 + Double(i) * 10 })
        let hostile = trend(
            Fixtures.hostileScenario, "latency",
            points: points(8) { i in 12 + [0.2, -0.1, 0.3, 0.0, -0.2, 0.1, 0.2, -0.3][i] })
        return ResultsDocument(
            run: Fixtures.run, generatedAt: latest.addingTimeInterval(600), verdict: .pass,
            verdictReason: "trend report over 30 days: no run was analysed, so no verdict on one",
            trends: [stable, short, improving, hostile, degrading],
            notes: ["12 recorded run(s) from 2025-01-04T00:00:00Z to 2025-01-31T12:00:00Z"])
    }

    /// `count` metrics of mixed slopes, for readability at scale.
    static func manyTrends(_ count: Int) -> ResultsDocument {
        var document = document
        document.trends = (0..<count).map { k in
            trend(
                "scenario-\(k / 10)", "metric_\(k)",
                points: points(12) { i in
                    100 + (Double(k % 13) - 6 + Double(k) / 40) * Double(i) * 0.6 + Double((i * 7 + k) % 5)
                })
        }
        return document
    }

    static func baselineMetric(
        _ scenario: String, _ metric: String, unit: String = "ms", mean: Double, noise: Double? = 3.1
    ) -> BaselineMetric {
        BaselineMetric(
            scenario: scenario, metric: metric, unit: unit, better: unit.hasSuffix("/s") ? .higher : .lower,
            summary: Fixtures.summary(mean: mean), sample: [mean * 0.9, mean, mean * 1.2],
            perRun: PerRunStats(mean: [mean]), noiseFloorPct: noise)
    }

    static var baseline: Baseline {
        Baseline(
            recordedAt: latest.addingTimeInterval(-20 * 86_400), run: Fixtures.run,
            metrics: [
                baselineMetric("propagation-10", "latency", mean: 61.7),
                baselineMetric("single-hop-10", "latency", mean: 21.0, noise: nil),
                baselineMetric("throughput-10", "events", unit: "events/s", mean: 1180),
                baselineMetric("propagation-25", "latency", mean: 150),
                baselineMetric("resources-10", "rss", unit: "MB", mean: 179),
                baselineMetric(Fixtures.hostileScenario, "latency", mean: 12),
            ],
            counters: [BaselineCounter(scenario: "propagation-10", metric: "frames_out", unit: "frames", value: 9000)])
    }

    static var thresholds: Thresholds {
        Thresholds(
            noisePct: 5, alpha: 0.05,
            regression: [
                .latency: RegressionLimits(warnPct: 20, failPct: 50),
                .throughput: RegressionLimits(warnPct: 20, failPct: 50),
                .memory: RegressionLimits(warnPct: 30, failPct: nil),
            ],
            slas: [
                SLAEntry(
                    meshSize: 10, metricClass: .latency, slaClass: "single_hop", stat: .p95, op: .below, limit: 100,
                    unit: "ms", source: "story 11.6 AC 2"),
                SLAEntry(
                    meshSize: 10, metricClass: .throughput, slaClass: "network_wide", stat: .mean, op: .above,
                    limit: 1000, unit: "events/s", source: "story 11.6 AC 3"),
                SLAEntry(
                    meshSize: 25, metricClass: .latency, slaClass: "propagation", stat: .p95, op: .below, limit: 1000,
                    unit: "ms", source: "story 11.6 AC 1"),
                SLAEntry(
                    meshSize: 100, metricClass: .memory, slaClass: "per_node", stat: .max, op: .below, limit: 2048,
                    unit: "MB", source: "story 11.6 AC 1"),
                SLAEntry(
                    metricClass: .latency, slaClass: "serialization", stat: .p95, op: .below, limit: 5, unit: "ms",
                    source: "story 11.6 AC 2 | <b>"),
            ],
            checks: CheckLimits(
                burstRecoveryS: 60, burstRateEventsPerS: 500, burstDurationS: 30, queueDepthMax: 1000,
                leakGrowthPct: 10, leakWindowS: 600, cpuSaturationPct: 80, cpuSaturationWindowS: 60,
                oomRiskPct: 90, stragglerMS: 10_000, maxDiameterHops: ["25": 5], packetLossPct: 0),
            flakes: FlakePolicy(maxRatePct: 5, minRuns: 20, retries: 1), retentionDays: 90, trendWindowDays: 30)
    }

    static func json<T: Encodable>(_ value: T) -> Data {
        try! FormatsJSON.encoder(pretty: true).encode(value)
    }
}
