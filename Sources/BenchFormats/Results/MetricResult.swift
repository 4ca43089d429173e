/// 95 % confidence intervals of a metric's main statistics; `nil` where too few values exist.
public struct MetricCIs: Codable, Hashable, Sendable {
    public var mean: Interval?
    public var p50: Interval?
    public var p95: Interval?
    public var p99: Interval?

    public init(mean: Interval? = nil, p50: Interval? = nil, p95: Interval? = nil, p99: Interval? = nil) {
        self.mean = mean
        self.p50 = p50
        self.p95 = p95
        self.p99 = p99
    }
}

/// One point of the percentile spectrum (HdrHistogram convention): quantile `p` in [0, 1].
public struct SpectrumPoint: Codable, Hashable, Sendable {
    public var p: Double
    public var value: Double

    public init(p: Double, value: Double) {
        self.p = p
        self.value = value
    }
}

/// Distribution of a latency metric for one hop count (latency-by-hop charts, hop linearity).
public struct HopBucket: Codable, Hashable, Sendable {
    public var hops: Int
    public var n: Int
    public var p25: Double
    public var p50: Double
    public var p75: Double
    public var p95: Double

    public init(hops: Int, n: Int, p25: Double, p50: Double, p75: Double, p95: Double) {
        self.hops = hops
        self.n = n
        self.p25 = p25
        self.p50 = p50
        self.p75 = p75
        self.p95 = p95
    }
}

/// Compact summary of a metric, shared by the baseline file and the `baseline` field of results.
public struct MetricSummary: Codable, Hashable, Sendable {
    public var n: Int
    /// Number of repetitions the values came from.
    public var runs: Int
    public var mean: Double
    /// `nil` when n < 2.
    public var sd: Double?
    public var p50: Double
    public var p95: Double
    public var p99: Double
    public var max: Double

    public init(n: Int, runs: Int, mean: Double, sd: Double?, p50: Double, p95: Double, p99: Double, max: Double) {
        self.n = n
        self.runs = runs
        self.mean = mean
        self.sd = sd
        self.p50 = p50
        self.p95 = p95
        self.p99 = p99
        self.max = max
    }
}

/// Welch's two-sample t-test.
public struct WelchTest: Codable, Hashable, Sendable {
    public var t: Double
    public var df: Double
    /// Two-sided p-value.
    public var p: Double

    public init(t: Double, df: Double, p: Double) {
        self.t = t
        self.df = df
        self.p = p
    }
}

/// Mann–Whitney U test with tie correction.
public struct MannWhitneyTest: Codable, Hashable, Sendable {
    public var u: Double
    /// Two-sided p-value.
    public var p: Double

    public init(u: Double, p: Double) {
        self.u = u
        self.p = p
    }
}

/// Comparison of a metric with its baseline.
public struct Change: Codable, Hashable, Sendable {
    /// Relative change in percent (positive = larger value); `nil` when not comparable / new / missing.
    public var deltaPct: Double?
    /// 95 % CI of `deltaPct`.
    public var ci: Interval?
    public var welch: WelchTest?
    public var mannWhitney: MannWhitneyTest?
    /// p-value of the test that decided (Welch, the run-to-run test, or the paired test of A/B
    /// rounds; see `testLevel` and `reason`), before the multiplicity correction; nil in files
    /// from before it was recorded.
    public var p: Double?
    /// Benjamini–Hochberg adjusted q-value across all compared metrics.
    public var q: Double?
    public var verdict: ChangeVerdict
    /// Plain-language reason for the verdict (shown in reports).
    public var reason: String
    public var testLevel: TestLevel?

    public init(
        deltaPct: Double? = nil, ci: Interval? = nil, welch: WelchTest? = nil,
        mannWhitney: MannWhitneyTest? = nil, p: Double? = nil, q: Double? = nil, verdict: ChangeVerdict,
        reason: String, testLevel: TestLevel? = nil
    ) {
        self.deltaPct = deltaPct
        self.ci = ci
        self.welch = welch
        self.mannWhitney = mannWhitney
        self.p = p
        self.q = q
        self.verdict = verdict
        self.reason = reason
        self.testLevel = testLevel
    }

    enum CodingKeys: String, CodingKey {
        case ci, welch, p, q, verdict, reason
        case deltaPct = "delta_pct"
        case mannWhitney = "mann_whitney"
        case testLevel = "test_level"
    }
}

/// An SLA applied to a metric: `stat op limit` (e.g. p95 < 500).
public struct SLAResult: Codable, Hashable, Sendable {
    public var stat: Statistic
    public var op: LimitOperator
    public var limit: Double
    public var measured: Double
    public var ok: Bool
    /// Where the limit comes from (e.g. "story 11.6 AC 2").
    public var source: String?

    public init(stat: Statistic, op: LimitOperator, limit: Double, measured: Double, ok: Bool, source: String? = nil) {
        self.stat = stat
        self.op = op
        self.limit = limit
        self.measured = measured
        self.ok = ok
        self.source = source
    }
}

/// Everything analyze says about one sampled metric.
public struct MetricResult: Codable, Hashable, Sendable {
    public var scenario: String
    public var metric: String
    public var unit: String
    public var better: Better
    public var n: Int
    /// Number of repetitions.
    public var runs: Int
    public var mean: Double
    /// `nil` when n < 2.
    public var sd: Double?
    public var min: Double
    public var p50: Double
    public var p90: Double
    public var p95: Double
    public var p99: Double
    public var p999: Double
    public var max: Double
    public var ci: MetricCIs
    public var spectrum: [SpectrumPoint]
    public var byHops: [HopBucket]?
    public var meshSize: Int?
    public var slaClass: String?
    public var baseline: MetricSummary?
    public var change: Change?
    /// Every SLA that applies to this metric (one per statistic).
    public var sla: [SLAResult]?

    public init(
        scenario: String, metric: String, unit: String, better: Better, n: Int, runs: Int,
        mean: Double, sd: Double?, min: Double, p50: Double, p90: Double, p95: Double,
        p99: Double, p999: Double, max: Double, ci: MetricCIs = MetricCIs(),
        spectrum: [SpectrumPoint] = [], byHops: [HopBucket]? = nil, meshSize: Int? = nil,
        slaClass: String? = nil, baseline: MetricSummary? = nil, change: Change? = nil,
        sla: [SLAResult]? = nil
    ) {
        self.scenario = scenario
        self.metric = metric
        self.unit = unit
        self.better = better
        self.n = n
        self.runs = runs
        self.mean = mean
        self.sd = sd
        self.min = min
        self.p50 = p50
        self.p90 = p90
        self.p95 = p95
        self.p99 = p99
        self.p999 = p999
        self.max = max
        self.ci = ci
        self.spectrum = spectrum
        self.byHops = byHops
        self.meshSize = meshSize
        self.slaClass = slaClass
        self.baseline = baseline
        self.change = change
        self.sla = sla
    }

    public var key: MetricKey { MetricKey(scenario: scenario, metric: metric) }

    /// The value of one summary statistic (for SLA checks and comparisons).
    public func value(of stat: Statistic) -> Double {
        switch stat {
        case .mean: mean
        case .min: min
        case .p50: p50
        case .p90: p90
        case .p95: p95
        case .p99: p99
        case .p999: p999
        case .max: max
        }
    }

    enum CodingKeys: String, CodingKey {
        case scenario, metric, unit, better, n, runs, mean, sd, min, p50, p90, p95, p99, p999, max
        case ci, spectrum, baseline, change, sla
        case byHops = "by_hops"
        case meshSize = "mesh_size"
        case slaClass = "sla_class"
    }
}
