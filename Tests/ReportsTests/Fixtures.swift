import BenchFormats
import Foundation

/// Constructed results documents for the golden, escaping, chart and end-to-end tests. The
/// numbers are inputs chosen to exercise every branch (a FAIL, a WARN, an improvement, noise, a
/// missed SLA, a flaky test), not measurements; the latency spectra follow a shifted exponential
/// quantile function q(p) = offset − scale·ln(1 − p) so the charts look like real tails.
enum Fixtures {
    static let hostileScenario = "evil | `tick` <script>alert(1)</script> [x](y) @team"

    static var run: RunHeader {
        RunHeader(
            runID: "run-2025-01-31-a1", startedAt: Date(timeIntervalSince1970: 1_738_324_800), tier: 2, seed: 42,
            git: GitInfo(
                commit: "0123456789abcdef0123456789abcdef01234567", branch: "feature/faster-dedup", dirty: false),
            host: HostInfo(
                fingerprint: "h-5f2a9c", cpuModel: "Test CPU", cpus: 2, memoryMB: 24_000,
                os: "Debian 12", swift: "6.3.1"),
            mode: .real)
    }

    static func spectrum(offset: Double, scale: Double) -> [SpectrumPoint] {
        [0, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.995, 0.999, 0.9999].map {
            SpectrumPoint(p: $0, value: offset - scale * log(1 - $0))
        }
    }

    /// A latency metric whose summary statistics come from the same quantile function.
    static func latency(
        _ scenario: String, offset: Double, scale: Double, meshSize: Int? = 10,
        baseline: MetricSummary? = nil, change: Change? = nil, sla: [SLAResult]? = nil,
        byHops: [HopBucket]? = nil
    ) -> MetricResult {
        func q(_ p: Double) -> Double { offset - scale * log(1 - p) }
        return MetricResult(
            scenario: scenario, metric: "latency", unit: "ms", better: .lower, n: 1000, runs: 5,
            mean: offset + scale, sd: scale, min: offset, p50: q(0.5), p90: q(0.9), p95: q(0.95),
            p99: q(0.99), p999: q(0.999), max: q(0.9999),
            ci: MetricCIs(
                mean: Interval(low: offset + scale * 0.95, high: offset + scale * 1.05),
                p95: Interval(low: q(0.95) * 0.97, high: q(0.95) * 1.03)),
            spectrum: spectrum(offset: offset, scale: scale), byHops: byHops, meshSize: meshSize,
            baseline: baseline, change: change, sla: sla)
    }

    static func summary(mean: Double) -> MetricSummary {
        MetricSummary(
            n: 1000, runs: 5, mean: mean, sd: mean / 4, p50: mean * 0.9, p95: mean * 2.2, p99: mean * 3.5, max: mean * 6
        )
    }

    /// With a baseline comparison: a FAIL, a WARN, an improvement, noise rows, a missed SLA.
    static var withBaseline: ResultsDocument {
        let metrics = [
            latency(
                "propagation-10", offset: 40, scale: 60,
                baseline: summary(mean: 61.7),
                change: Change(
                    deltaPct: 62.1, ci: Interval(low: 48.0, high: 77.3), welch: WelchTest(t: 9.1, df: 7.6, p: 0.00002),
                    mannWhitney: MannWhitneyTest(u: 25, p: 0.0079), q: 0.0001, verdict: .fail,
                    reason: "p95 +62 % > FAIL 50 %", testLevel: .runs),
                sla: [
                    SLAResult(
                        stat: .p95, op: .below, limit: 500, measured: 40 + 60 * log(20), ok: true,
                        source: "story 11.6 AC 1")
                ]),
            latency(
                "single-hop", offset: 20, scale: 30, meshSize: 2,
                baseline: summary(mean: 40.3),
                change: Change(
                    deltaPct: 24.2, ci: Interval(low: 12.5, high: 35.9), welch: WelchTest(t: 4.2, df: 7.9, p: 0.003),
                    q: 0.006, verdict: .warn, reason: "+24 % > WARN 20 %", testLevel: .runs),
                sla: [
                    SLAResult(
                        stat: .p95, op: .below, limit: 100, measured: 20 + 30 * log(20), ok: false,
                        source: "story 11.6 AC 2")
                ]),
            latency(
                hostileScenario, offset: 10, scale: 5, meshSize: nil,
                baseline: summary(mean: 19.0),
                change: Change(
                    deltaPct: -21.1, ci: Interval(low: -30.2, high: -12.0), welch: WelchTest(t: -5.0, df: 8, p: 0.001),
                    q: 0.003, verdict: .improved, reason: "faster", testLevel: .runs)),
            MetricResult(
                scenario: "throughput-10", metric: "events", unit: "events/s", better: .higher, n: 30, runs: 5,
                mean: 1250, sd: 40, min: 1150, p50: 1248, p90: 1300, p95: 1310, p99: 1330, p999: 1335, max: 1336,
                baseline: MetricSummary(n: 30, runs: 5, mean: 1262, sd: 42, p50: 1260, p95: 1320, p99: 1340, max: 1345),
                change: Change(
                    deltaPct: -0.95, ci: Interval(low: -4.1, high: 2.2), welch: WelchTest(t: -0.5, df: 7.8, p: 0.63),
                    q: 0.63, verdict: .noise, reason: "within noise", testLevel: .runs)),
            MetricResult(
                scenario: "resources-10", metric: "rss", unit: "MB", better: .lower, n: 50, runs: 5,
                mean: 182, sd: 6, min: 170, p50: 181, p90: 190, p95: 192, p99: 195, p999: 196, max: 196,
                baseline: MetricSummary(n: 50, runs: 5, mean: 179, sd: 6, p50: 178, p95: 190, p99: 193, max: 194),
                change: Change(
                    deltaPct: 1.7, ci: Interval(low: -1.2, high: 4.6), welch: WelchTest(t: 1.1, df: 7.9, p: 0.30),
                    q: 0.45, verdict: .noise, reason: "within noise", testLevel: .pooledSamples)),
        ]
        var sizes: [MetricResult] = []
        for (nodes, offset, scale, limit) in [(25, 120.0, 150.0, 1000.0), (50, 260.0, 330.0, 2000.0)] {
            sizes.append(
                latency(
                    "propagation-" + String(nodes), offset: offset, scale: scale, meshSize: nodes,
                    sla: [SLAResult(stat: .p95, op: .below, limit: limit, measured: offset + scale * log(20), ok: true)]
                ))
        }
        // A capacity scenario whose SLA (500 events/s) is above this machine's ceiling (284 events/s).
        let capacity = [
            (
                "throughput", 174.0,
                [SLAResult(stat: .mean, op: .above, limit: 500, measured: 174, ok: false, source: "story 11.6 AC 1")]
            ),
            ("ceiling", 284.0, nil),
        ].map { metric, value, sla in
            MetricResult(
                scenario: "scalability-50", metric: metric, unit: "events/s", better: .higher, n: 1, runs: 1,
                mean: value, sd: nil, min: value, p50: value, p90: value, p95: value, p99: value, p999: value,
                max: value,
                meshSize: 50, sla: sla)
        }
        // Its floor, (100.8 + 40.04) µs × 50 nodes = 7.04 ms (2 cores ÷ 7.04 ms = 284 events/s), and
        // the CPU its mesh spent per event at the knee.
        let perEvent = [
            ("node_event_verify", 100.8), ("node_event_insert", 40.04), ("cpu_per_event_at_knee", 10_300.0),
        ]
        .map { metric, value in
            MetricResult(
                scenario: "scalability-50", metric: metric, unit: "us", better: .lower, n: 1, runs: 1,
                mean: value, sd: nil, min: value, p50: value, p90: value, p95: value, p99: value, p999: value,
                max: value, meshSize: 50)
        }
        let hops = latency(
            "hops-line", offset: 5, scale: 4, meshSize: 6,
            byHops: (1...5).map { h in
                let d = Double(h)
                return HopBucket(hops: h, n: 200, p25: 8 * d, p50: 10 * d + 1, p75: 12 * d + 2, p95: 16 * d + 4)
            })
        let phases = [("decode", 0.4), ("verify", 2.1), ("store", 6.5), ("match", 1.2), ("forward", 3.3)].map {
            name, median in
            MetricResult(
                scenario: "breakdown-10", metric: "phase.\(name)", unit: "ms", better: .lower, n: 500, runs: 5,
                mean: median * 1.1, sd: median / 5, min: median / 2, p50: median, p90: median * 1.6, p95: median * 1.9,
                p99: median * 2.6, p999: median * 3.1, max: median * 3.5)
        }
        let seconds = (0..<60).map(Double.init)
        // The burst scenario's series: the run config's burst window is shaded on them.
        var series = [
            Series(
                scenario: "burst-10", metric: "events", unit: "events/s", t: seconds,
                values: seconds.map(throughput)),
            Series(
                scenario: "burst-10", metric: "queue_depth", unit: "events", t: seconds,
                values: seconds.map(queueDepth)),
        ]
        for node in 0..<3 {
            series.append(
                Series(
                    scenario: "soak", metric: "rss", unit: "MB", node: node, t: seconds,
                    values: seconds.map { 150 + Double(node) * 12 + $0 * 0.15 }))
            series.append(
                Series(
                    scenario: "soak", metric: "cpu", unit: "%", node: node, t: seconds,
                    values: seconds.map { cpu(node: node, at: $0) }))
        }
        let trendPoints = (0..<12).map(trendPoint)
        var run = self.run
        run.config = ["burst_start_s": .number(20), "burst_duration_s": .number(15)]
        return ResultsDocument(
            run: run, generatedAt: Date(timeIntervalSince1970: 1_738_325_400), verdict: .fail,
            verdictReason: "propagation-10/latency regressed past FAIL",
            metrics: metrics + sizes + capacity + perEvent + [hops] + phases,
            counters: [
                CounterResult(
                    scenario: "propagation-10", metric: "frames_out", unit: "frames", value: 9000,
                    baselineValue: 9000, verdict: .noise)
            ],
            checks: [
                CheckResult(
                    name: "hop linearity", scenario: "hops-line", status: .pass, measured: 0.998, limit: 0.95,
                    detail: "R² 0.998 of a linear fit over 1–5 hops"),
                CheckResult(
                    name: "memory leak", scenario: "soak", status: .warn, measured: 6.2, limit: 10, unit: "%",
                    detail: "RSS grew 6.2 % over 10 min (limit 10 %)"),
            ],
            series: series,
            outcomes: [
                OutcomeSummary(test: "tier1.propagation", tier: 1, attempts: 1, status: .pass, flaky: false),
                OutcomeSummary(test: "tier2.dedup", tier: 2, attempts: 2, status: .pass, flaky: true),
            ],
            trends: [
                TrendResult(
                    scenario: "propagation-10", metric: "latency", stat: .p95, unit: "ms", better: .lower,
                    points: trendPoints, slopePerDay: 1.6, slopeCI: Interval(low: 0.9, high: 2.3), r2: 0.61, p: 0.002,
                    direction: .degrading, changePoints: [9], anomalyRule: "robust z > 3.5 on median/MAD")
            ],
            flakes: [
                FlakeResult(
                    test: "tier2.dedup", tier: 2, runs: 40, failures: 3, passesAfterRetry: 3, flakeRate: 0.075,
                    quarantined: true),
                FlakeResult(
                    test: "tier1.propagation", tier: 1, runs: 40, failures: 0, passesAfterRetry: 0, flakeRate: 0,
                    quarantined: false),
                FlakeResult(
                    test: "tier2.ttl", tier: 2, runs: 40, failures: 1, passesAfterRetry: 1, flakeRate: 0.025,
                    quarantined: false),
            ],
            topology: TopologyResult(
                nodes: 10, kind: "small-world",
                edges: (0..<10).flatMap { [Edge($0, ($0 + 1) % 10), Edge($0, ($0 + 3) % 10)] }, diameter: 3,
                publisher: 0,
                arrivals: (0..<10).map {
                    Arrival(
                        node: $0, ms: Double(min($0, 10 - $0)) * 11.5,
                        hops: min($0, 10 - $0) <= 3 ? min($0, 10 - $0) : 3)
                }),
            comparison: ComparisonInfo(baselineRunID: "run-2025-01-20-b7", baselineHost: "h-5f2a9c", comparable: true))
    }

    /// A 15 s burst from t = 20 s: throughput sags, the queue builds, then both recover.
    static func throughput(_ t: Double) -> Double {
        if t >= 20 && t < 35 { return 480 + (t - 20) }
        if t >= 35 && t < 45 { return 1250 - (45 - t) * 20 }
        return 1250
    }

    static func queueDepth(_ t: Double) -> Double {
        if t >= 20 && t < 35 { return (t - 20) * 40 }
        if t >= 35 && t < 45 { return (45 - t) * 50 }
        return 3
    }

    static func cpu(node: Int, at t: Double) -> Double {
        let burst: Double = t >= 20 && t < 35 ? 30 : 0
        return 20 + Double(node) * 5 + burst
    }

    /// Twelve runs 2.5 days apart: a slow rise, one anomaly (run 7) and a step at run 9.
    static func trendPoint(_ i: Int) -> TrendPoint {
        let t = run.startedAt.addingTimeInterval(Double(i - 11) * 2.5 * 86_400)
        let step: Double = i >= 9 ? 40 : 0
        let value: Double = i == 7 ? 160 : 98 + Double(i) * 0.8 + step
        return TrendPoint(t: t, value: value, runID: "run-\(i)", anomaly: i == 7)
    }

    /// The same run without a baseline: no comparison section, no delta chart.
    static var withoutBaseline: ResultsDocument {
        var document = withBaseline
        document.metrics = document.metrics.map { metric in
            var metric = metric
            metric.baseline = nil
            metric.change = nil
            return metric
        }
        document.counters = document.counters.map { counter in
            var counter = counter
            counter.baselineValue = nil
            counter.verdict = nil
            return counter
        }
        document.comparison = nil
        document.verdict = .warn
        return document
    }

    /// A file with its run header and metrics missing, a damaged check and an unknown newer schema.
    static let missingSectionsJSON = """
        {
          "schema": "meshbench.results/2",
          "generated_at": "2025-01-31T12:10:00Z",
          "verdict": "pass",
          "checks": [
            {"name": "diameter", "scenario": "mesh-25", "status": "pass", "detail": "diameter 4 ≤ 5"},
            {"name": "delivery", "scenario": "mesh-25", "status": "maybe", "detail": "?"}
          ]
        }
        """

    static func json(_ document: ResultsDocument) -> Data {
        try! FormatsJSON.encoder(pretty: true).encode(document)
    }
}
