import BenchFormats
import Foundation

/// One row of the trend table; every string escaped, numbers through `ValueText`.
public struct TrendRow: Sendable {
    public let metric, stat, runs, slope, r2, p, direction, anomalies, changePoints: String
    public let hasChart: Bool
    public let chart: ImageView?
}

/// Everything `templates/trends.mustache` can print (fields listed in `templates/README.md`).
public struct TrendsViewModel: Sendable {
    public let environment: EnvironmentView
    public let window: String
    public let summary: String
    public let notices: [String]
    public let hasNotices: Bool
    public let rows: [TrendRow]
    public let hasRows: Bool
    public let noRowsReason: String
    public let insufficientRows: [TrendRow]
    public let hasInsufficientRows: Bool
    public let insufficientCount: Int
    public let overview: ImageView?
    /// Per-metric charts of metrics that moved (a direction, an anomaly or a change point).
    public let movedCharts: [ImageView]
    public let hasMovedCharts: Bool
    /// Per-metric charts of stable metrics, folded away.
    public let stableCharts: [ImageView]
    public let hasStableCharts: Bool
    public let stableChartCount: Int
    public let baselineSource: String
    /// The anomaly rule(s) analyze applied, in its words.
    public let anomalyRule: String
    public let missingCharts: [MissingChartView]
    public let hasMissingCharts: Bool
    public let missingChartCount: Int

    /// `charts` are the outcomes of the overview and per-trend charts, in `TrendCharts.singles` order.
    init(results: LoadedResults, charts: [ChartOutcome], perTrendFiles: [String], baselineSource: String) {
        environment = EnvironmentView(results: results)
        let trends = results.trends
        window = Self.window(trends)
        notices = Self.notices(results)
        hasNotices = !notices.isEmpty
        self.baselineSource = MarkdownEscaping.text(baselineSource)
        var rules: [String] = []
        for trend in trends {
            let rule = trend.anomalyRule.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
            if !rule.isEmpty, !rules.contains(rule) { rules.append(rule) }
        }
        anomalyRule = rules.isEmpty ? "none stated" : MarkdownEscaping.text(rules.joined(separator: "; "))

        let outcomes = Dictionary(charts.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
        let ordered = zip(trends, perTrendFiles).sorted { Self.rank($0.0) < Self.rank($1.0) }
        var fitted: [TrendRow] = [], insufficient: [TrendRow] = []
        var moved: [ImageView] = [], stable: [ImageView] = []
        for (trend, file) in ordered {
            let image = outcomes[file].flatMap(Self.image)
            let row = Self.row(trend, chart: image)
            if trend.direction == .insufficientHistory { insufficient.append(row) } else { fitted.append(row) }
            guard let image else { continue }
            if Self.moved(trend) { moved.append(image) } else { stable.append(image) }
        }
        rows = fitted
        hasRows = !fitted.isEmpty
        noRowsReason =
            trends.isEmpty
            ? "No trends in this document: produce them with `analyze trends --days 30 | render trends`."
            : "No metric has enough history for a trend yet."
        insufficientRows = insufficient
        hasInsufficientRows = !insufficient.isEmpty
        insufficientCount = insufficient.count
        overview = outcomes[TrendCharts.overviewFile].flatMap(Self.image)
        movedCharts = moved
        hasMovedCharts = !moved.isEmpty
        stableCharts = stable
        hasStableCharts = !stable.isEmpty
        stableChartCount = stable.count
        summary = Self.summary(trends)
        missingCharts = charts.compactMap { chart in
            chart.missingReason.map { MissingChartView(file: chart.file, reason: MarkdownEscaping.text($0)) }
        }
        hasMissingCharts = !missingCharts.isEmpty
        missingChartCount = missingCharts.count
    }

    private static func image(_ outcome: ChartOutcome) -> ImageView? {
        guard outcome.isDrawn else { return nil }
        return ImageView(
            file: outcome.file, title: MarkdownEscaping.text(outcome.title), alt: MarkdownEscaping.altText(outcome.alt))
    }

    /// Degrading first (what needs attention), then improving, stable, too little history.
    private static func rank(_ trend: TrendResult) -> (Int, String) {
        let order: [TrendDirection: Int] = [.degrading: 0, .improving: 1, .stable: 2, .insufficientHistory: 3]
        return (order[trend.direction] ?? 4, "\(trend.scenario) \(trend.metric)")
    }

    private static func moved(_ trend: TrendResult) -> Bool {
        trend.direction == .degrading || trend.direction == .improving || !trend.changePoints.isEmpty
            || trend.points.contains { $0.anomaly == true }
    }

    private static func row(_ trend: TrendResult, chart: ImageView?) -> TrendRow {
        let text = ValueText()
        let escape = MarkdownEscaping.text
        let slope: String
        if let perDay = trend.slopePerDay {
            slope =
                text.value(perDay, unit: trend.unit) + "/day"
                + (trend.slopeCI.map {
                    " (\(text.value($0.low, unit: trend.unit)) to \(text.value($0.high, unit: trend.unit)))"
                } ?? "")
        } else {
            slope = "–"
        }
        let anomalies = trend.points.filter { $0.anomaly == true }
        let changes = trend.changePoints.filter { trend.points.indices.contains($0) }
        let direction: String
        switch trend.direction {
        case .degrading: direction = "🔴 degrading"
        case .improving: direction = "🟢 improving"
        case .stable: direction = "stable"
        case .insufficientHistory:
            direction =
                "insufficient history: \(trend.points.count) run\(trend.points.count == 1 ? "" : "s") in the window, too few to fit a trend"
        }
        return TrendRow(
            metric: escape("\(trend.scenario) · \(trend.metric)"), stat: trend.stat.rawValue,
            runs: text.count(trend.points.count),
            slope: escape(slope), r2: trend.r2.map { String(format: "%.2f", $0) } ?? "–", p: text.probability(trend.p),
            direction: direction,
            anomalies: anomalies.isEmpty
                ? "none"
                : escape(
                    anomalies.map { "\($0.runID) (\(text.value($0.value, unit: trend.unit)))" }.joined(separator: ", ")),
            changePoints: changes.isEmpty
                ? "none"
                : escape(
                    changes.map { "from \(trend.points[$0].runID), \(DateText.display(trend.points[$0].t))" }.joined(
                        separator: "; ")),
            hasChart: chart != nil, chart: chart)
    }

    /// "12 runs from 2025-01-03 12:00 UTC to 2025-01-31 12:00 UTC (27.5 days)".
    private static func window(_ trends: [TrendResult]) -> String {
        let points = trends.flatMap(\.points)
        let runs = Set(points.map(\.runID)).count
        guard let first = points.map(\.t).min(), let last = points.map(\.t).max() else { return "no recorded runs" }
        let days = last.timeIntervalSince(first) / 86_400
        return
            "\(runs) recorded run\(runs == 1 ? "" : "s") from \(DateText.display(first)) to \(DateText.display(last))"
            + String(format: " (%.1f days)", days)
    }

    private static func summary(_ trends: [TrendResult]) -> String {
        guard !trends.isEmpty else { return "No metric was trended." }
        let count = { (direction: TrendDirection) in trends.filter { $0.direction == direction }.count }
        var parts = ["\(count(.degrading)) degrading", "\(count(.improving)) improving", "\(count(.stable)) stable"]
        if count(.insufficientHistory) > 0 { parts.append("\(count(.insufficientHistory)) with insufficient history") }
        return "\(trends.count) metric\(trends.count == 1 ? "" : "s") trended: " + VerdictView.sentence(parts)
            + ". A direction is given only when the slope is significant (p below α)."
    }

    /// What the document lacked or says about itself. A trend document has no metrics by design,
    /// so the report's "no metrics" notice does not apply here.
    private static func notices(_ results: LoadedResults) -> [String] {
        Notices.unreadable(results, shown: "trends it could read are shown.") {
            $0.hasPrefix("section \"metrics\"")
        } + results.notes.map(MarkdownEscaping.text)
    }
}
