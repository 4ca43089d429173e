import BenchFormats
import Foundation

/// A results document as `render` sees it: every section decoded on its own, so a file with a
/// missing or damaged section (or a newer schema with sections renamed) still gives a report
/// that says what is missing, instead of no report at all.
public struct LoadedResults: Sendable {
    /// The schema the file declares (`meshbench.results/1`, or newer).
    public var schema: String
    public var run: RunHeader?
    public var generatedAt: Date?
    public var verdict: Verdict?
    public var verdictReason: String
    public var metrics: [MetricResult]
    public var counters: [CounterResult]
    public var checks: [CheckResult]
    public var series: [Series]
    public var outcomes: [OutcomeSummary]
    public var trends: [TrendResult]
    public var flakes: [FlakeResult]
    public var topology: TopologyResult?
    public var notes: [String]
    public var comparison: ComparisonInfo?
    public var missing: [MissingMetric]
    /// What the verdict covered (absent in files written before it existed).
    public var scope: VerdictScope?
    /// What could not be read, in words (unescaped; the view models escape it).
    public var problems: [String]

    /// Whether the file declares a schema newer than the one this build understands.
    public var isNewerSchema: Bool { schema != SchemaName.results }

    /// Wraps a fully decoded document (tests and the strict path).
    public init(_ document: ResultsDocument) {
        schema = document.schema
        run = document.run
        generatedAt = document.generatedAt
        verdict = document.verdict
        verdictReason = document.verdictReason
        metrics = document.metrics
        counters = document.counters
        checks = document.checks
        series = document.series
        outcomes = document.outcomes
        trends = document.trends
        flakes = document.flakes
        topology = document.topology
        notes = document.notes
        comparison = document.comparison
        missing = document.missing
        scope = document.scope
        problems = []
    }

    /// The document again, when the header sections it needs were readable.
    public var document: ResultsDocument? {
        guard let run, let generatedAt, let verdict else { return nil }
        return ResultsDocument(schema: schema, run: run, generatedAt: generatedAt, verdict: verdict,
                               verdictReason: verdictReason, metrics: metrics, counters: counters,
                               checks: checks, series: series, outcomes: outcomes, trends: trends,
                               flakes: flakes, topology: topology, notes: notes, comparison: comparison,
                               missing: missing, scope: scope)
    }

    init(schema: String, sections: SectionDecoder) {
        self.schema = schema
        run = sections.one(RunHeader.self, "run", required: true)
        generatedAt = sections.one(Date.self, "generated_at", required: true)
        verdict = sections.one(Verdict.self, "verdict", required: true)
        verdictReason = sections.one(String.self, "verdict_reason", required: false) ?? ""
        metrics = sections.list(MetricResult.self, "metrics", required: true)
        counters = sections.list(CounterResult.self, "counters")
        checks = sections.list(CheckResult.self, "checks")
        series = sections.list(Series.self, "series")
        outcomes = sections.list(OutcomeSummary.self, "outcomes")
        trends = sections.list(TrendResult.self, "trends")
        flakes = sections.list(FlakeResult.self, "flakes")
        topology = sections.one(TopologyResult.self, "topology", required: false)
        notes = sections.list(String.self, "notes")
        comparison = sections.one(ComparisonInfo.self, "comparison", required: false)
        missing = sections.list(MissingMetric.self, "missing")
        scope = sections.one(VerdictScope.self, "scope", required: false)
        problems = sections.problems
    }
}
