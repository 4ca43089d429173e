import Foundation

/// `meshbench.results/1`: everything analyze concluded about one run, and all that render reads:
/// the header here and the sections in `ResultsBody` (reached as `document.metrics` and so on).
@dynamicMemberLookup
public struct ResultsDocument: Codable, Hashable, Sendable {
    public var schema: String
    public var run: RunHeader
    public var generatedAt: Date
    public var verdict: Verdict
    public var body: ResultsBody

    public subscript<Value>(dynamicMember keyPath: WritableKeyPath<ResultsBody, Value>) -> Value {
        get { body[keyPath: keyPath] }
        set { body[keyPath: keyPath] = newValue }
    }

    public init(
        schema: String = SchemaName.results, run: RunHeader, generatedAt: Date, verdict: Verdict, body: ResultsBody
    ) {
        self.schema = schema
        self.run = run
        self.generatedAt = generatedAt
        self.verdict = verdict
        self.body = body
    }

    public init(
        schema: String = SchemaName.results, run: RunHeader, generatedAt: Date, verdict: Verdict,
        verdictReason: String, metrics: [MetricResult] = [], counters: [CounterResult] = [],
        checks: [CheckResult] = [], series: [Series] = [], outcomes: [OutcomeSummary] = [],
        trends: [TrendResult] = [], flakes: [FlakeResult] = [], topology: TopologyResult? = nil,
        notes: [String] = [], comparison: ComparisonInfo? = nil, missing: [MissingMetric] = [],
        scope: VerdictScope? = nil
    ) {
        var body = ResultsBody()
        body.verdictReason = verdictReason
        body.metrics = metrics
        body.counters = counters
        body.checks = checks
        body.series = series
        body.outcomes = outcomes
        body.trends = trends
        body.flakes = flakes
        body.topology = topology
        body.notes = notes
        body.comparison = comparison
        body.missing = missing
        body.scope = scope
        self.init(schema: schema, run: run, generatedAt: generatedAt, verdict: verdict, body: body)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: SectionKey.self)
        schema = try c.decode(String.self, forKey: SectionKey("schema"))
        run = try c.decode(RunHeader.self, forKey: SectionKey("run"))
        generatedAt = try c.decode(Date.self, forKey: SectionKey("generated_at"))
        verdict = try c.decode(Verdict.self, forKey: SectionKey("verdict"))
        body = ResultsBody()
        var reader = StrictSectionReader(container: c)
        try body.visit(&reader)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: SectionKey.self)
        try c.encode(schema, forKey: SectionKey("schema"))
        try c.encode(run, forKey: SectionKey("run"))
        try c.encode(generatedAt, forKey: SectionKey("generated_at"))
        try c.encode(verdict, forKey: SectionKey("verdict"))
        var writer = SectionWriter(container: c)
        var sections = body
        try sections.visit(&writer)
    }
}
