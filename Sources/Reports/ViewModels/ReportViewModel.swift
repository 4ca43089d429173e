import BenchFormats

/// Everything `templates/benchmark-report.mustache` can print. Field names are the template's
/// vocabulary (documented in `templates/README.md`); all strings are already escaped.
public struct ReportViewModel: Sendable {
    public let verdict: VerdictView
    public let environment: EnvironmentView
    public let notices: [String]
    public let hasNotices: Bool

    public let slaRows: [SLARow]
    public let hasSLA: Bool
    public let slaSummary: String

    public let hasComparison: Bool
    public let comparisonSummary: String
    public let referenceColumn: String
    public let candidateColumn: String
    public let comparisonNotes: [String]
    public let noComparisonReason: String
    public let changedRows: [ComparisonRow]
    public let hasChangedRows: Bool
    public let noiseRows: [ComparisonRow]
    public let hasNoiseRows: Bool
    public let noiseRowCount: Int
    public let noiseRowsTitle: String

    public let latencyRows: [LatencyRow]
    public let hasLatency: Bool
    public let phaseRows: [PhaseRow]
    public let hasPhases: Bool
    public let otherMetricRows: [OtherMetricRow]
    public let hasOtherMetrics: Bool
    public let otherMetricCount: Int

    public let checkRows: [CheckRow]
    public let hasChecks: Bool

    public let outcomeRows: [OutcomeRow]
    public let hasOutcomes: Bool
    public let outcomeCount: Int
    public let outcomeSummary: String

    public let images: [ImageView]
    public let missingCharts: [MissingChartView]
    public let hasMissingCharts: Bool
    public let missingChartCount: Int

    public init(results: LoadedResults, charts: [ChartOutcome]) {
        verdict = VerdictView(results: results)
        environment = EnvironmentView(results: results)
        notices = Notices.build(results)
        hasNotices = !notices.isEmpty

        slaRows = TableRows.sla(results)
        hasSLA = !slaRows.isEmpty
        let missed = slaRows.filter { !$0.ok }.count
        slaSummary =
            missed == 0
            ? "All \(slaRows.count) service-level limits met."
            : "\(missed) of \(slaRows.count) service-level limits missed."

        let comparison = ComparisonView(results: results)
        hasComparison = !(comparison.changed.isEmpty && comparison.unchanged.isEmpty) || results.comparison != nil
        comparisonSummary = comparison.summary
        referenceColumn = comparison.referenceColumn
        candidateColumn = comparison.candidateColumn
        comparisonNotes = comparison.notes
        noComparisonReason =
            "No baseline comparison: no baseline was given to analyze (record one with `analyze --update-baseline`)."
        changedRows = comparison.changed
        hasChangedRows = !changedRows.isEmpty
        noiseRows = comparison.unchanged
        hasNoiseRows = !noiseRows.isEmpty
        noiseRowCount = noiseRows.count
        noiseRowsTitle = comparison.unchangedTitle

        latencyRows = TableRows.latency(results)
        hasLatency = !latencyRows.isEmpty
        phaseRows = TableRows.phases(results)
        hasPhases = !phaseRows.isEmpty
        otherMetricRows = TableRows.other(results)
        hasOtherMetrics = !otherMetricRows.isEmpty
        otherMetricCount = otherMetricRows.count

        checkRows = TableRows.checks(results)
        hasChecks = !checkRows.isEmpty

        outcomeRows = TableRows.outcomes(results)
        hasOutcomes = !outcomeRows.isEmpty
        outcomeCount = outcomeRows.count
        outcomeSummary = TableRows.outcomeSummary(results)

        images = charts.filter(\.isDrawn).map {
            ImageView(file: $0.file, title: MarkdownEscaping.text($0.title), alt: MarkdownEscaping.altText($0.alt))
        }
        missingCharts = charts.compactMap { chart in
            chart.missingReason.map { MissingChartView(file: chart.file, reason: MarkdownEscaping.text($0)) }
        }
        hasMissingCharts = !missingCharts.isEmpty
        missingChartCount = missingCharts.count
    }
}
