import BenchFormats
import Foundation

/// Builds the baseline a later run is compared with from this run's summaries: the summary, a
/// stratified sample of ≤ 2,000 values (for Mann–Whitney and the bootstrap) and the per-repetition
/// statistics (for run-level tests). A noise floor measured earlier on the same host is kept.
public enum BaselineBuilder {
    public static func build(
        run: RunSamples, summarized: [SummarizedMetric], previous: Baseline?,
        recordedAt: Date
    ) -> Baseline {
        let sameHost = previous?.run.host.fingerprint == run.header.host.fingerprint
        let metrics = summarized.map { s -> BaselineMetric in
            let r = s.result
            let kept = sameHost ? previous?.metric(r.key) : nil
            return BaselineMetric(
                scenario: r.scenario, metric: r.metric, unit: r.unit, better: r.better,
                summary: MetricSummary(
                    n: r.n, runs: r.runs, mean: r.mean, sd: r.sd, p50: r.p50, p95: r.p95,
                    p99: r.p99, max: r.max),
                sample: Baseline.stratifiedSample(sorted: s.sorted), perRun: s.perRun,
                noiseFloorPct: kept?.noiseFloorPct, noiseFloorRuns: kept?.noiseFloorRuns)
        }
        let counters = run.counters.map {
            BaselineCounter(scenario: $0.scenario, metric: $0.metric, unit: $0.unit, value: Double($0.value))
        }
        return Baseline(recordedAt: recordedAt, run: run.header, metrics: metrics, counters: counters)
    }
}
