/// Regression limits of one metric class, in percent of the baseline, measured in the bad
/// direction (an increase for lower-is-better metrics, a decrease for higher-is-better ones).
/// `nil` means that level is never reached (the class is reported but not gated at that level).
public struct RegressionLimits: Codable, Hashable, Sendable {
    public var warnPct: Double?
    public var failPct: Double?

    public init(warnPct: Double?, failPct: Double?) {
        self.warnPct = warnPct
        self.failPct = failPct
    }

    enum CodingKeys: String, CodingKey {
        case warnPct = "warn_pct"
        case failPct = "fail_pct"
    }
}

/// An SLA: `stat op limit` for every metric the selector matches. Selector fields left `nil`
/// match anything, so one entry can name a metric exactly (scenario + metric) or a whole family
/// (mesh size + metric class + SLA class).
public struct SLAEntry: Codable, Hashable, Sendable {
    public var scenario: String?
    public var metric: String?
    public var meshSize: Int?
    public var metricClass: MetricClass?
    public var slaClass: String?
    public var stat: Statistic
    public var op: LimitOperator
    public var limit: Double
    /// Unit of `limit`; a metric in another unit does not match (no silent conversions).
    public var unit: String
    /// Where the number comes from, e.g. "story 11.6 AC 2".
    public var source: String

    public init(
        scenario: String? = nil, metric: String? = nil, meshSize: Int? = nil,
        metricClass: MetricClass? = nil, slaClass: String? = nil, stat: Statistic,
        op: LimitOperator, limit: Double, unit: String, source: String
    ) {
        self.scenario = scenario
        self.metric = metric
        self.meshSize = meshSize
        self.metricClass = metricClass
        self.slaClass = slaClass
        self.stat = stat
        self.op = op
        self.limit = limit
        self.unit = unit
        self.source = source
    }

    enum CodingKeys: String, CodingKey {
        case scenario, metric, stat, op, limit, unit, source
        case meshSize = "mesh_size"
        case metricClass = "metric_class"
        case slaClass = "sla_class"
    }

    /// Whether this entry applies to the subject.
    public func matches(_ s: SLASubject) -> Bool {
        (scenario == nil || scenario == s.scenario)
            && (metric == nil || metric == s.metric)
            && (meshSize == nil || meshSize == s.meshSize)
            && (metricClass == nil || metricClass == s.metricClass)
            && (slaClass == nil || slaClass == s.slaClass)
            && unit == s.unit
    }
}

/// What analyze knows about a metric when it looks up its SLAs.
public struct SLASubject: Hashable, Sendable {
    public var scenario: String
    public var metric: String
    public var unit: String
    public var meshSize: Int?
    public var slaClass: String?
    public var metricClass: MetricClass

    public init(
        scenario: String, metric: String, unit: String, meshSize: Int? = nil, slaClass: String? = nil,
        metricClass: MetricClass? = nil
    ) {
        self.scenario = scenario
        self.metric = metric
        self.unit = unit
        self.meshSize = meshSize
        self.slaClass = slaClass
        self.metricClass = metricClass ?? MetricClass.classify(unit: unit)
    }
}

/// Limits of structural checks (`checks` in docs/formats.md, "Thresholds"), all from story 11.6.
public struct CheckLimits: Codable, Hashable, Sendable {
    /// AC 3: recover to steady state within this many seconds after a burst.
    public var burstRecoveryS: Double
    /// AC 3: burst rate and duration the mesh must handle without dropping events.
    public var burstRateEventsPerS: Double
    public var burstDurationS: Double
    /// AC 3: queue depth must stay below this.
    public var queueDepthMax: Double
    /// AC 6: memory growth above this percentage over `leakWindowS` is a leak.
    public var leakGrowthPct: Double
    public var leakWindowS: Double
    /// AC 6: CPU above this percentage for `cpuSaturationWindowS` is saturation.
    public var cpuSaturationPct: Double
    public var cpuSaturationWindowS: Double
    /// AC 6: memory above this percentage of the available memory is an OOM risk.
    public var oomRiskPct: Double
    /// AC 2: a delivery slower than this is a straggler.
    public var stragglerMS: Double
    /// AC 1: maximum network diameter in hops, per mesh size (JSON keys are mesh sizes).
    public var maxDiameterHops: [String: Int]
    /// AC 6: packet loss allowed in CI, percent.
    public var packetLossPct: Double

    public init(
        burstRecoveryS: Double, burstRateEventsPerS: Double, burstDurationS: Double,
        queueDepthMax: Double, leakGrowthPct: Double, leakWindowS: Double, cpuSaturationPct: Double,
        cpuSaturationWindowS: Double, oomRiskPct: Double, stragglerMS: Double,
        maxDiameterHops: [String: Int], packetLossPct: Double
    ) {
        self.burstRecoveryS = burstRecoveryS
        self.burstRateEventsPerS = burstRateEventsPerS
        self.burstDurationS = burstDurationS
        self.queueDepthMax = queueDepthMax
        self.leakGrowthPct = leakGrowthPct
        self.leakWindowS = leakWindowS
        self.cpuSaturationPct = cpuSaturationPct
        self.cpuSaturationWindowS = cpuSaturationWindowS
        self.oomRiskPct = oomRiskPct
        self.stragglerMS = stragglerMS
        self.maxDiameterHops = maxDiameterHops
        self.packetLossPct = packetLossPct
    }

    enum CodingKeys: String, CodingKey {
        case burstRecoveryS = "burst_recovery_s"
        case burstRateEventsPerS = "burst_rate_events_per_s"
        case burstDurationS = "burst_duration_s"
        case queueDepthMax = "queue_depth_max"
        case leakGrowthPct = "leak_growth_pct"
        case leakWindowS = "leak_window_s"
        case cpuSaturationPct = "cpu_saturation_pct"
        case cpuSaturationWindowS = "cpu_saturation_window_s"
        case oomRiskPct = "oom_risk_pct"
        case stragglerMS = "straggler_ms"
        case maxDiameterHops = "max_diameter_hops"
        case packetLossPct = "packet_loss_pct"
    }
}

/// Flake tracking policy (story 11.6 AC 8).
public struct FlakePolicy: Codable, Hashable, Sendable {
    /// A test whose flake rate exceeds this (percent) is quarantined.
    public var maxRatePct: Double
    /// No rate is judged before a test has this many runs.
    public var minRuns: Int
    /// Retries after a first failure.
    public var retries: Int

    public init(maxRatePct: Double, minRuns: Int, retries: Int) {
        self.maxRatePct = maxRatePct
        self.minRuns = minRuns
        self.retries = retries
    }

    enum CodingKeys: String, CodingKey {
        case retries
        case maxRatePct = "max_rate_pct"
        case minRuns = "min_runs"
    }
}

/// `.benchmarks/thresholds.json` (`meshbench.thresholds/1`): every limit analyze applies,
/// versioned in the repository instead of hidden in code.
public struct Thresholds: Codable, Hashable, Sendable {
    public var schema: String
    /// Changes smaller than this (percent) are noise, whatever their significance.
    public var noisePct: Double
    /// Significance level (applied to Benjamini–Hochberg q-values).
    public var alpha: Double
    /// Regression limits per metric class (JSON object keyed by class name).
    public var regression: [MetricClass: RegressionLimits]
    /// Class overrides for metrics whose unit misleads, keyed `scenario/metric`.
    public var metricClasses: [String: MetricClass]
    public var slas: [SLAEntry]
    public var checks: CheckLimits
    public var flakes: FlakePolicy
    /// History entries older than this are pruned.
    public var retentionDays: Int
    /// Trends look back this many days.
    public var trendWindowDays: Int

    public init(
        schema: String = SchemaName.thresholds, noisePct: Double, alpha: Double,
        regression: [MetricClass: RegressionLimits], metricClasses: [String: MetricClass] = [:],
        slas: [SLAEntry], checks: CheckLimits, flakes: FlakePolicy, retentionDays: Int,
        trendWindowDays: Int
    ) {
        self.schema = schema
        self.noisePct = noisePct
        self.alpha = alpha
        self.regression = regression
        self.metricClasses = metricClasses
        self.slas = slas
        self.checks = checks
        self.flakes = flakes
        self.retentionDays = retentionDays
        self.trendWindowDays = trendWindowDays
    }

    enum CodingKeys: String, CodingKey {
        case schema, alpha, regression, slas, checks, flakes
        case noisePct = "noise_pct"
        case metricClasses = "metric_classes"
        case retentionDays = "retention_days"
        case trendWindowDays = "trend_window_days"
    }

    /// Swift encodes enum-keyed dictionaries as arrays; the file uses a plain object keyed by class name.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schema = try c.decode(String.self, forKey: .schema)
        noisePct = try c.decode(Double.self, forKey: .noisePct)
        alpha = try c.decode(Double.self, forKey: .alpha)
        regression = try Self.enumKeyed(
            try c.decode([String: RegressionLimits].self, forKey: .regression),
            field: "regression", codingPath: c.codingPath)
        metricClasses = try c.decodeIfPresent([String: MetricClass].self, forKey: .metricClasses) ?? [:]
        slas = try c.decodeIfPresent([SLAEntry].self, forKey: .slas) ?? []
        checks = try c.decode(CheckLimits.self, forKey: .checks)
        flakes = try c.decode(FlakePolicy.self, forKey: .flakes)
        retentionDays = try c.decode(Int.self, forKey: .retentionDays)
        trendWindowDays = try c.decode(Int.self, forKey: .trendWindowDays)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schema, forKey: .schema)
        try c.encode(noisePct, forKey: .noisePct)
        try c.encode(alpha, forKey: .alpha)
        try c.encode(
            Dictionary(uniqueKeysWithValues: regression.map { ($0.key.rawValue, $0.value) }), forKey: .regression)
        try c.encode(metricClasses, forKey: .metricClasses)
        try c.encode(slas, forKey: .slas)
        try c.encode(checks, forKey: .checks)
        try c.encode(flakes, forKey: .flakes)
        try c.encode(retentionDays, forKey: .retentionDays)
        try c.encode(trendWindowDays, forKey: .trendWindowDays)
    }

    static func enumKeyed(
        _ raw: [String: RegressionLimits], field: String,
        codingPath: [CodingKey]
    ) throws -> [MetricClass: RegressionLimits] {
        var out: [MetricClass: RegressionLimits] = [:]
        for (name, limits) in raw {
            guard let cls = MetricClass(rawValue: name) else {
                let known = MetricClass.allCases.map(\.rawValue).joined(separator: ", ")
                throw DecodingError.dataCorrupted(
                    .init(
                        codingPath: codingPath,
                        debugDescription: "\(field): unknown metric class \"\(name)\"; use one of \(known)"))
            }
            out[cls] = limits
        }
        return out
    }

    /// The class of a metric: the override if one is configured, else from its unit.
    public func metricClass(scenario: String, metric: String, unit: String) -> MetricClass {
        metricClasses[MetricKey(scenario: scenario, metric: metric).description] ?? MetricClass.classify(unit: unit)
    }

    /// Regression limits of a class; a class missing from the file is not gated.
    public func limits(for cls: MetricClass) -> RegressionLimits {
        regression[cls] ?? RegressionLimits(warnPct: nil, failPct: nil)
    }

    /// Every SLA that applies to the subject, most specific first (more selector fields set).
    public func slas(for subject: SLASubject) -> [SLAEntry] {
        slas.filter { $0.matches(subject) }.sorted { specificity($0) > specificity($1) }
    }

    private func specificity(_ e: SLAEntry) -> Int {
        [e.scenario != nil, e.metric != nil, e.meshSize != nil, e.metricClass != nil, e.slaClass != nil]
            .filter { $0 }.count
    }
}
