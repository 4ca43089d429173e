import BenchFormats
import Statistics

/// A metric's distribution: the summary every report shows, from one sort of its values.
public struct SummarizedMetric: Sendable {
    public var result: MetricResult
    /// The values sorted ascending (kept for the baseline's stratified sample and the bootstrap).
    public var sorted: [Double]
    /// Mean, p50 and p95 of each repetition, in repetition order (run-level tests).
    public var perRun: PerRunStats
}

/// Turns a metric's raw values into its `MetricResult` (without baseline or SLA): n, mean, sd,
/// type-7 percentiles, 95 % CIs (t for the mean, exact order-statistic for quantiles), the
/// percentile spectrum and per-hop distributions.
public enum MetricSummarizer {
    public static func summarize(_ m: MetricSamples) throws -> SummarizedMetric {
        var sorted = m.values
        let s = try Summary(sorting: &sorted)
        let runs = m.valuesByRepetition()
        // One repetition: its statistics are the summary's (saves a second sort of a large sample).
        let perRun = runs.count == 1 ? PerRunStats(mean: [s.mean], p50: [s.p50], p95: [s.p95]) : try perRunStats(runs)
        let result = MetricResult(
            scenario: m.scenario, metric: m.metric, unit: m.unit, better: m.better, n: s.count, runs: runs.count,
            mean: s.mean, sd: s.standardDeviation, min: s.minimum, p50: s.p50, p90: s.p90, p95: s.p95,
            p99: s.p99, p999: s.p999, max: s.maximum,
            ci: try intervals(sorted: sorted, summary: s, runMeans: perRun.mean),
            spectrum: try PercentileSpectrum.ofSorted(sorted).map { SpectrumPoint(p: $0.p, value: $0.value) },
            byHops: try hopBuckets(m), meshSize: m.meshSize, slaClass: m.slaClass)
        return SummarizedMetric(result: result, sorted: sorted, perRun: perRun)
    }

    /// 95 % intervals; `nil` where the sample is too small for the stated level (a quantile
    /// interval that had to clamp a rank would claim more than it covers). With several
    /// repetitions the mean's interval is the t interval of the run means (runs − 1 df): whole
    /// runs move together, so the pooled values would give an interval far too narrow for the
    /// mean a rerun would see. With one repetition it is the pooled t interval, about this run only.
    static func intervals(sorted: [Double], summary s: Summary, runMeans: [Double]) throws -> MetricCIs {
        func quantileCI(_ p: Double) throws -> Interval? {
            let q = try QuantileConfidenceInterval(sorted: sorted, p: p, level: 0.95)
            return q.reachesLevel ? Interval(low: q.interval.lower, high: q.interval.upper) : nil
        }
        var ci = MetricCIs()
        if runMeans.count >= 2 {
            let t = try MeanConfidenceInterval.t(runMeans)
            ci.mean = Interval(low: t.lower, high: t.upper)
        } else if s.count >= 2 {
            let t = try MeanConfidenceInterval.t(
                SampleMoments(count: s.count, mean: s.mean, standardDeviation: s.standardDeviation ?? 0))
            ci.mean = Interval(low: t.lower, high: t.upper)
        }
        ci.p50 = try quantileCI(0.5)
        ci.p95 = try quantileCI(0.95)
        ci.p99 = try quantileCI(0.99)
        return ci
    }

    /// Quartiles and p95 per hop count, ascending by hops; `nil` when no value carries `hops`.
    static func hopBuckets(_ m: MetricSamples) throws -> [HopBucket]? {
        guard !m.hops.isEmpty else { return nil }
        var groups: [Int: [Double]] = [:]
        for (h, v) in zip(m.hops, m.hopValues) { groups[h, default: []].append(v) }
        return try groups.keys.sorted().map { h in
            let q = try Quantile.of(groups[h]!, ps: [0.25, 0.5, 0.75, 0.95])
            return HopBucket(hops: h, n: groups[h]!.count, p25: q[0], p50: q[1], p75: q[2], p95: q[3])
        }
    }

    static func perRunStats(_ runs: [[Double]]) throws -> PerRunStats {
        var out = PerRunStats()
        for values in runs {
            let q = try Quantile.of(values, ps: [0.5, 0.95])
            out.mean.append(try Descriptive.mean(values))
            out.p50.append(q[0])
            out.p95.append(q[1])
        }
        return out
    }
}
