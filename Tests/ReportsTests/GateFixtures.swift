import BenchFormats
import Foundation

/// Results of the regression gate (issue 10) for the golden tests: a run whose baseline came from
/// another machine class (counters and SLAs judged, timings not), and a same-runner A/B of base
/// against head with a WARN and a metric missing from the head.
extension Fixtures {
    static var otherMachineClass: ResultsDocument {
        let other = "Other CPU, 4 CPUs, 16 GiB, Ubuntu 24, Swift 6.3"
        return ResultsDocument(
            run: run, generatedAt: Date(timeIntervalSince1970: 1_738_325_400), verdict: .pass,
            verdictReason:
                "PASS: SLAs (1) and counters (1); timings not compared: baseline from another machine class (\(other)); compare them on this machine with `make compare`",
            metrics: [
                latency(
                    "propagation-10", offset: 40, scale: 60, baseline: summary(mean: 31.0),
                    change: Change(
                        verdict: .notComparable, reason: "timings not compared: baseline from another machine class"),
                    sla: [SLAResult(stat: .p95, op: .below, limit: 500, measured: 40 + 60 * log(20), ok: true)])
            ],
            counters: [
                CounterResult(
                    scenario: "propagation-10", metric: "frames_per_event", unit: "frames", value: 4,
                    baselineValue: 4, verdict: .noise)
            ],
            notes: [
                "timings not compared: baseline from another machine class (baseline: \(other); this run: Test CPU, 2 CPUs, 23 GiB, Debian 12, Swift 6.3)"
            ],
            comparison: ComparisonInfo(
                baselineRunID: "run-2025-01-20-b7", baselineHost: "h-0ther", comparable: false,
                baselineClass: other),
            scope: VerdictScope(
                slas: 1, checks: 0, counters: 1, timings: 0,
                timingsNotCompared: "baseline from another machine class (\(other))", compareCommand: "make compare"))
    }

    static var abComparison: ResultsDocument {
        ResultsDocument(
            run: run, generatedAt: Date(timeIntervalSince1970: 1_738_325_400), verdict: .warn,
            verdictReason: "WARN: propagation-10/latency: +27.9 % is past the WARN threshold",
            metrics: [
                latency(
                    "propagation-10", offset: 40, scale: 60, baseline: summary(mean: 78.1),
                    change: Change(
                        deltaPct: 27.9, ci: Interval(low: 25.2, high: 30.7),
                        welch: WelchTest(t: 6.1, df: 17.2, p: 0.00001),
                        q: 0.0000004, verdict: .warn,
                        reason:
                            "+27.9 % is past the WARN threshold of 20.0 %; paired t-test of 10 interleaved rounds decides",
                        testLevel: .pairedRounds)),
                latency(
                    "single-hop", offset: 20, scale: 30, meshSize: 2, baseline: summary(mean: 50.6),
                    change: Change(
                        deltaPct: -1.2, ci: Interval(low: -4.0, high: 1.7),
                        welch: WelchTest(t: -0.4, df: 17.8, p: 0.69),
                        q: 0.41, verdict: .noise, reason: "within the ±5.0 % noise band", testLevel: .pairedRounds)),
            ],
            comparison: ComparisonInfo(
                baselineRunID: "run-2025-01-31-a0", baselineHost: "h-5f2a9c", comparable: true,
                reference: "A 89abcde against B 0123456, 10 interleaved rounds on this runner"),
            missing: [MissingMetric(scenario: "propagation-10", metric: "phase.decode", unit: "ms", counter: false)],
            scope: VerdictScope(slas: 0, checks: 0, counters: 0, timings: 2))
    }
}
