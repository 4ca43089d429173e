import BenchFormats

/// One row of a baseline comparison table.
public struct ComparisonRow: Sendable {
    public let metric: String
    public let baseline: String
    public let current: String
    public let delta: String
    public let p: String
    public let q: String
    public let verdict: String
    /// Sort key: FAIL first, then WARN, improvements, then the rest; larger changes first.
    let rank: Int
    let magnitude: Double
}

/// The baseline comparison split into what changed beyond noise and everything else.
/// Values compared are means (what Welch's test compares); counters are exact counts.
public struct ComparisonView: Sendable {
    public let changed: [ComparisonRow]
    public let unchanged: [ComparisonRow]
    /// The `<summary>` of the unchanged rows: says when some of them were never compared.
    public let unchangedTitle: String
    /// Metrics and counters that were actually compared (fail, warn, improved or noise).
    public let comparedCount: Int
    public let summary: String
    public let notes: [String]
    public let isComparable: Bool
    /// Column titles of the two sides: "Baseline"/"Current", or "Base (A)"/"Head (B)" for a
    /// same-runner A/B comparison.
    public let referenceColumn: String
    public let candidateColumn: String
    /// For an A/B comparison, what was compared with what (escaped); nil against a stored baseline.
    public let comparedWith: String?

    init(results: LoadedResults) {
        let text = ValueText(markdown: true)
        var changed: [ComparisonRow] = []
        var unchanged: [ComparisonRow] = []
        var notes: [String] = []
        for metric in results.metrics {
            guard let change = metric.change else { continue }
            let pair = metric.baseline.map { text.values([$0.mean, metric.mean], unit: metric.unit) }
            let row = ComparisonRow(
                metric: MarkdownEscaping.text("\(metric.scenario) · \(metric.metric)"),
                baseline: pair?[0] ?? "–", current: pair?[1] ?? text.value(metric.mean, unit: metric.unit),
                delta: Self.delta(change, text), p: text.probability(change.p ?? change.welch?.p),
                q: text.probability(change.q), verdict: Self.label(change.verdict),
                rank: Self.rank(change.verdict), magnitude: abs(change.deltaPct ?? 0))
            if Self.isBeyondNoise(change.verdict) { changed.append(row) } else { unchanged.append(row) }
        }
        for counter in results.counters {
            // A counter new to this run is listed too, so the rows match the summary's counts.
            guard let verdict = counter.verdict else { continue }
            let pair = text.values([counter.baselineValue ?? counter.value, counter.value], unit: counter.unit)
            let pct = counter.baselineValue.flatMap { $0 != 0 ? (counter.value / $0 - 1) * 100 : nil }
            let row = ComparisonRow(
                metric: MarkdownEscaping.text("\(counter.scenario) · \(counter.metric)"),
                baseline: counter.baselineValue == nil ? "–" : pair[0], current: pair[1],
                delta: pct.map(text.percent).map { $0 + " (exact count)" } ?? "–",
                p: "exact", q: "exact", verdict: Self.label(verdict), rank: Self.rank(verdict),
                magnitude: abs(pct ?? 0))
            if Self.isBeyondNoise(verdict) { changed.append(row) } else { unchanged.append(row) }
        }
        for gone in results.missing {
            changed.append(
                ComparisonRow(
                    metric: MarkdownEscaping.text("\(gone.scenario) · \(gone.metric)"),
                    baseline: gone.unit.isEmpty ? "in baseline" : "in baseline (\(MarkdownEscaping.text(gone.unit)))",
                    current: "–", delta: "–", p: "–", q: "–", verdict: Self.label(.missing), rank: Self.rank(.missing),
                    magnitude: 0))
        }
        let order: (ComparisonRow, ComparisonRow) -> Bool = {
            ($0.rank, -$0.magnitude, $0.metric) < ($1.rank, -$1.magnitude, $1.metric)
        }
        self.changed = changed.sorted(by: order)
        self.unchanged = unchanged.sorted(by: order)
        let newOrUncompared = unchanged.filter { $0.rank >= 3 && $0.rank <= 5 }.count
        unchangedTitle =
            VerdictView.plural(unchanged.count, "metric", "metrics") + " without a change beyond noise"
            + (newOrUncompared > 0
                ? " (\(newOrUncompared) of them new, missing or not comparable)" : " (within noise or not significant)")

        let verdicts =
            results.metrics.compactMap(\.change?.verdict) + results.counters.compactMap(\.verdict)
            + results.missing.map { _ in ChangeVerdict.missing }
        func count(_ v: ChangeVerdict) -> Int { verdicts.filter { $0 == v }.count }
        var parts: [String] = []
        if count(.fail) > 0 { parts.append("\(count(.fail)) FAIL") }
        if count(.warn) > 0 { parts.append("\(count(.warn)) WARN") }
        if count(.improved) > 0 { parts.append("\(count(.improved)) improved") }
        if count(.noise) > 0 { parts.append("\(count(.noise)) within noise") }
        if count(.new) > 0 { parts.append("\(count(.new)) new (no baseline)") }
        if count(.missing) > 0 { parts.append("\(count(.missing)) missing from this run") }
        if count(.notComparable) > 0 { parts.append("\(count(.notComparable)) not comparable") }
        let against =
            results.comparison.map {
                $0.reference.map { " (" + MarkdownEscaping.text($0) + ")" } ?? " against baseline run "
                    + MarkdownEscaping.text($0.baselineRunID)
            } ?? ""
        // Only these verdicts come from a comparison; new, missing and not comparable ones did not.
        let compared = count(.fail) + count(.warn) + count(.improved) + count(.noise)
        comparedCount = compared
        summary =
            "\(compared) of \(verdicts.count) metrics compared\(against): "
            + (parts.isEmpty ? "none." : parts.joined(separator: ", ") + ".")
            + " q-values are Benjamini–Hochberg adjusted across all compared metrics."

        isComparable = results.comparison?.comparable ?? !verdicts.isEmpty
        let isAB = results.comparison?.reference != nil
        referenceColumn = isAB ? "Base (A)" : "Baseline"
        candidateColumn = isAB ? "Head (B)" : "Current"
        comparedWith = isAB ? summary : nil
        if let comparison = results.comparison, !comparison.comparable {
            notes.append(
                "The baseline was recorded on another machine class ("
                    + MarkdownEscaping.text(comparison.baselineClass ?? comparison.baselineHost)
                    + "): its timings are shown but not compared; exact counters are. Compare timings on this machine with `make compare`, or record a baseline on this class with `analyze --update-baseline`."
            )
        }
        if results.metrics.contains(where: { $0.change?.testLevel == .pooledSamples }) {
            notes.append(
                "Some comparisons pooled raw samples because one side had a single repetition; their p-values are optimistic. Run more repetitions for run-level tests."
            )
        }
        self.notes = notes
    }

    static func isBeyondNoise(_ verdict: ChangeVerdict) -> Bool {
        verdict == .fail || verdict == .warn || verdict == .improved || verdict == .missing
    }

    static func label(_ verdict: ChangeVerdict) -> String {
        switch verdict {
        case .fail: return "❌ FAIL"
        case .warn: return "⚠️ WARN"
        case .improved: return "✅ improved"
        case .noise: return "noise"
        case .notComparable: return "not comparable"
        case .new: return "new"
        case .missing: return "missing"
        }
    }

    private static func rank(_ verdict: ChangeVerdict) -> Int {
        switch verdict {
        case .fail: return 0
        case .warn: return 1
        case .improved: return 2
        case .missing: return 3
        case .new: return 4
        case .notComparable: return 5
        case .noise: return 6
        }
    }

    private static func delta(_ change: Change, _ text: ValueText) -> String {
        guard let pct = change.deltaPct else { return "–" }
        guard let ci = change.ci else { return text.percent(pct) }
        return "\(text.percent(pct)) (\(text.percent(ci.low)) … \(text.percent(ci.high)))"
    }
}
