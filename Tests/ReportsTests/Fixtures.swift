import BenchFormats
import Foundation

/// Constructed results documents for the golden, escaping, chart and end-to-end tests. The
/// numbers are inputs chosen to exercise every branch (a FAIL, a WARN, an improvement, noise, a
/// missed SLA, a flaky test), not measurements; the latency spectra follow a shifted exponential
/// quantile function q(p) = offset − scale·ln(1 − p) so the charts look like real tails.
enum Fixtures {
    static let hostileScenario = "evil | `tick` <script>alert(1)</script> [x](y) @team"

    static var run: RunHeader {
        RunHeader(runID: "run-2025-01-31-a1", startedAt: Date(timeIntervalSince1970: 1_738_324_800), tier: 2, seed: 42,
                  git: GitInfo(commit: "0123456789abcdef0123456789abcdef01234567", branch: "feature/faster-dedup", dirty: false),
                  host: HostInfo(fingerprint: "h-5f2a9c", cpuModel: "Test CPU", cpus: 2, memoryMB: 24_000,
                                 os: "Debian 12", swift: "6.3.1"),
                  mode: .real)
    }

    static func spectrum(offset: Double, scale: Double) -> [SpectrumPoint] {
        [0, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.995, 0.999, 0.9999].map {
            SpectrumPoint(p: $0, value: offset - scale * log(1 - $0))
        }
    }

    /// A latency metric whose summary statistics come from the same quantile function.
    static func latency(_ scenario: String, offset: Double, scale: Double, meshSize: Int? = 10,
                        baseline: MetricSummary? = nil, change: Change? = nil, sla: [SLAResult]? = nil,
                        byHops: [HopBucket]? = nil) -> MetricResult {
        func q(_ p: Double) -> Double { offset - scale * log(1 - p) }
        return MetricResult(scenario: scenario, metric: "latency", unit: "ms", better: .lower, n: 1000, runs: 5,
                            mean: offset + scale, sd: scale, min: offset, p50: q(0.5), p90: q(0.9), p95: q(0.95),
                            p99: q(0.99), p999: q(0.999), max: q(0.9999),
                            ci: MetricCIs(mean: Interval(low: offset + scale * 0.95, high: offset + scale * 1.05),
                                          p95: Interval(low: q(0.95) * 0.97, high: q(0.95) * 1.03)),
                            spectrum: spectrum(offset: offset, scale: scale), byHops: byHops, meshSize: meshSize,
                            baseline: baseline, change: change, sla: sla)
    }

    static func summary(mean: Double) -> MetricSummary {
        MetricSummary(n: 1000, runs: 5, mean: mean, sd: mean / 4, p50: mean * 0.9, p95: mean * 2.2, p99: mean * 3.5, max: mean * 6)
    }

    /// With a baseline comparison: a FAIL, a WARN, an improvement, noise rows, a missed SLA.
    static var withBaseline: ResultsDocument {
        let metrics = [
            latency("propagation-10", offset: 40, scale: 60,
                    baseline: summary(mean: 61.7),
                    change: Change(deltaPct: 62.1, ci: Interval(low: 48.0, high: 77.3), welch: WelchTest(t: 9.1, df: 7.6, p: 0.00002),
                                   mannWhitney: MannWhitneyTest(u: 25, p: 0.0079), q: 0.0001, verdict: .fail,
                                   reason: "p95 +62 % > FAIL 50 %", testLevel: .runs),
                    sla: [SLAResult(stat: .p95, op: .below, limit: 500, measured: 40 + 60 * log(20), ok: true, source: "story 11.6 AC 1")]),
            latency("single-hop", offset: 20, scale: 30,
                    baseline: summary(mean: 40.3),
                    change: Change(deltaPct: 24.2, ci: Interval(low: 12.5, high: 35.9), welch: WelchTest(t: 4.2, df: 7.9, p: 0.003),
                                   q: 0.006, verdict: .warn, reason: "+24 % > WARN 20 %", testLevel: .runs),
                    sla: [SLAResult(stat: .p95, op: .below, limit: 100, measured: 20 + 30 * log(20), ok: false, source: "story 11.6 AC 2")]),
            latency(hostileScenario, offset: 10, scale: 5,
                    baseline: summary(mean: 19.0),
                    change: Change(deltaPct: -21.1, ci: Interval(low: -30.2, high: -12.0), welch: WelchTest(t: -5.0, df: 8, p: 0.001),
                                   q: 0.003, verdict: .improved, reason: "faster", testLevel: .runs)),
            MetricResult(scenario: "throughput-10", metric: "events", unit: "events/s", better: .higher, n: 30, runs: 5,
                         mean: 1250, sd: 40, min: 1150, p50: 1248, p90: 1300, p95: 1310, p99: 1330, p999: 1335, max: 1336,
                         baseline: MetricSummary(n: 30, runs: 5, mean: 1262, sd: 42, p50: 1260, p95: 1320, p99: 1340, max: 1345),
                         change: Change(deltaPct: -0.95, ci: Interval(low: -4.1, high: 2.2), welch: WelchTest(t: -0.5, df: 7.8, p: 0.63),
                                        q: 0.63, verdict: .noise, reason: "within noise", testLevel: .runs)),
            MetricResult(scenario: "resources-10", metric: "rss", unit: "MB", better: .lower, n: 50, runs: 5,
                         mean: 182, sd: 6, min: 170, p50: 181, p90: 190, p95: 192, p99: 195, p999: 196, max: 196,
                         baseline: MetricSummary(n: 50, runs: 5, mean: 179, sd: 6, p50: 178, p95: 190, p99: 193, max: 194),
                         change: Change(deltaPct: 1.7, ci: Interval(low: -1.2, high: 4.6), welch: WelchTest(t: 1.1, df: 7.9, p: 0.30),
                                        q: 0.45, verdict: .noise, reason: "within noise", testLevel: .pooledSamples)),
        ]
        return ResultsDocument(
            run: run, generatedAt: Date(timeIntervalSince1970: 1_738_325_400), verdict: .fail,
            verdictReason: "propagation-10/latency regressed past FAIL", metrics: metrics,
            counters: [CounterResult(scenario: "propagation-10", metric: "frames_out", unit: "frames", value: 9000,
                                     baselineValue: 9000, verdict: .noise)],
            checks: [CheckResult(name: "hop linearity", scenario: "hops-line", status: .pass, measured: 0.998, limit: 0.95,
                                 detail: "R² 0.998 of a linear fit over 1–5 hops"),
                     CheckResult(name: "memory leak", scenario: "soak", status: .warn, measured: 6.2, limit: 10, unit: "%",
                                 detail: "RSS grew 6.2 % over 10 min (limit 10 %)")],
            outcomes: [OutcomeSummary(test: "tier1.propagation", tier: 1, attempts: 1, status: .pass, flaky: false),
                       OutcomeSummary(test: "tier2.dedup", tier: 2, attempts: 2, status: .pass, flaky: true)],
            flakes: [FlakeResult(test: "tier2.dedup", tier: 2, runs: 40, failures: 3, passesAfterRetry: 3, flakeRate: 0.075, quarantined: true)],
            comparison: ComparisonInfo(baselineRunID: "run-2025-01-20-b7", baselineHost: "h-5f2a9c", comparable: true))
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
