import Foundation

/// `meshbench.results/1`: everything analyze concluded about one run, and all that render reads.
/// Every section may be absent in JSON (decoded as empty / nil) so older or partial files still render.
public struct ResultsDocument: Codable, Hashable, Sendable {
    public var schema: String
    public var run: RunHeader
    public var generatedAt: Date
    public var verdict: Verdict
    public var verdictReason: String
    public var metrics: [MetricResult]
    public var counters: [CounterResult]
    public var checks: [CheckResult]
    /// Downsampled time series.
    public var series: [Series]
    public var outcomes: [OutcomeSummary]
    public var trends: [TrendResult]
    public var flakes: [FlakeResult]
    public var topology: TopologyResult?
    /// Plain-language remarks, e.g. "baseline recorded on another host: not compared".
    public var notes: [String]
    public var comparison: ComparisonInfo?
    /// Metrics and counters of the baseline that the scenarios of this run no longer produce.
    public var missing: [MissingMetric]
    /// What the verdict covered; absent in files written before it existed.
    public var scope: VerdictScope?

    public init(schema: String = SchemaName.results, run: RunHeader, generatedAt: Date, verdict: Verdict,
                verdictReason: String, metrics: [MetricResult] = [], counters: [CounterResult] = [],
                checks: [CheckResult] = [], series: [Series] = [], outcomes: [OutcomeSummary] = [],
                trends: [TrendResult] = [], flakes: [FlakeResult] = [], topology: TopologyResult? = nil,
                notes: [String] = [], comparison: ComparisonInfo? = nil, missing: [MissingMetric] = [],
                scope: VerdictScope? = nil) {
        self.schema = schema
        self.run = run
        self.generatedAt = generatedAt
        self.verdict = verdict
        self.verdictReason = verdictReason
        self.metrics = metrics
        self.counters = counters
        self.checks = checks
        self.series = series
        self.outcomes = outcomes
        self.trends = trends
        self.flakes = flakes
        self.topology = topology
        self.notes = notes
        self.comparison = comparison
        self.missing = missing
        self.scope = scope
    }

    enum CodingKeys: String, CodingKey {
        case schema, run, verdict, metrics, counters, checks, series, outcomes, trends, flakes
        case topology, notes, comparison, missing, scope
        case generatedAt = "generated_at"
        case verdictReason = "verdict_reason"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schema = try c.decode(String.self, forKey: .schema)
        run = try c.decode(RunHeader.self, forKey: .run)
        generatedAt = try c.decode(Date.self, forKey: .generatedAt)
        verdict = try c.decode(Verdict.self, forKey: .verdict)
        verdictReason = try c.decodeIfPresent(String.self, forKey: .verdictReason) ?? ""
        metrics = try c.decodeIfPresent([MetricResult].self, forKey: .metrics) ?? []
        counters = try c.decodeIfPresent([CounterResult].self, forKey: .counters) ?? []
        checks = try c.decodeIfPresent([CheckResult].self, forKey: .checks) ?? []
        series = try c.decodeIfPresent([Series].self, forKey: .series) ?? []
        outcomes = try c.decodeIfPresent([OutcomeSummary].self, forKey: .outcomes) ?? []
        trends = try c.decodeIfPresent([TrendResult].self, forKey: .trends) ?? []
        flakes = try c.decodeIfPresent([FlakeResult].self, forKey: .flakes) ?? []
        topology = try c.decodeIfPresent(TopologyResult.self, forKey: .topology)
        notes = try c.decodeIfPresent([String].self, forKey: .notes) ?? []
        comparison = try c.decodeIfPresent(ComparisonInfo.self, forKey: .comparison)
        missing = try c.decodeIfPresent([MissingMetric].self, forKey: .missing) ?? []
        scope = try c.decodeIfPresent(VerdictScope.self, forKey: .scope)
    }
}
