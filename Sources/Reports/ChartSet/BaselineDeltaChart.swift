import BenchFormats
import Charts
import Units

/// `baseline-delta.png`: every compared metric's change against the baseline as a bar with its
/// 95 % CI, coloured by verdict, worst first; the chart kit notes "N more" past what fits.
/// Changes are signed so that right is always worse (latency up, throughput down), which keeps
/// "worst first" meaningful across metrics of both directions. The noise band and the WARN/FAIL
/// lines are the limits the verdicts used (`comparison.noise_pct` / `regression`, or the
/// thresholds file render was given); limits are drawn only when every row shares them.
struct BaselineDeltaChart: ReportChart {
    static let fileName = "baseline-delta.png"
    static let maxRows = 20

    let file = fileName
    let title = "Change against the baseline"

    func plan(_ results: LoadedResults) -> ChartPlan {
        let compared = results.metrics.compactMap { metric -> (MetricResult, Change, Double)? in
            guard let change = metric.change, let delta = change.deltaPct, delta.isFinite else { return nil }
            return (metric, change, delta)
        }
        guard !compared.isEmpty else {
            if results.comparison?.comparable == false {
                return .noData("the baseline was recorded on another host, so nothing was compared")
            }
            if let comparison = results.comparison {
                return .noData(
                    "no metric of this run is in the baseline (\(comparison.baselineRunID)), so nothing was compared; record a baseline of the same tier with analyze --update-baseline"
                )
            }
            return .noData("the results have no baseline comparison (no baseline was given to analyze)")
        }
        let rows = compared.map { metric, change, delta -> BarRow in
            let sign: Double = metric.better == .lower ? 1 : -1
            let interval = change.ci.map { ci -> ClosedRange<Double> in
                let a = sign * ci.low, b = sign * ci.high
                return min(a, b)...max(a, b)
            }
            return BarRow(
                label: "\(metric.scenario) · \(metric.metric)", value: sign * delta, interval: interval,
                category: Self.category(change.verdict))
        }
        let categories = ["fail", "warn", "improved", "noise"].map { BarCategory(name: $0, color: Palette.verdict($0)) }
        let noise = results.comparison?.noisePct.flatMap { $0 > 0 && $0.isFinite ? -$0...$0 : nil }
        let limits = Self.sharedLimits(compared.map(\.0), results.comparison?.regression)
        var subtitle = "Change of the mean, signed so that right is worse; whiskers: 95 % CI"
        if noise == nil { subtitle += " · noise band unknown (pass --thresholds)" }
        if limits == nil, let regression = results.comparison?.regression {
            subtitle += " · WARN/FAIL by class: " + Self.limitText(compared.map(\.0), regression)
        }
        let chart = HorizontalBarChart(
            title: title, subtitle: subtitle,
            axis: AxisSpec(title: "Change in the worse direction", dimension: .percent),
            rows: rows, categories: categories, noiseBand: noise, referenceLines: Self.lines(limits),
            order: .descending, maxRows: Self.maxRows, rowNoun: "metrics",
            noDataReason: "no compared metric has a change")
        let worst = rows.max { $0.value < $1.value }!
        let failing = rows.filter { $0.category == "fail" }.count
        let warning = rows.filter { $0.category == "warn" }.count
        let alt =
            "Bar chart of \(rows.count) metrics compared with the baseline: \(failing) FAIL, \(warning) WARN; "
            + "the worst is \(worst.label) at \(UnitFormatter().signedPercent(worst.value)) in the worse direction."
        return .draw(chart, alt: alt)
    }

    /// The WARN/FAIL limits of the compared metrics' class, when they all have the same ones.
    static func sharedLimits(
        _ metrics: [MetricResult], _ regression: [MetricClass: RegressionLimits]?
    ) -> RegressionLimits? {
        guard let regression else { return nil }
        let limits = Set(
            metrics.map {
                regression[MetricClass.classify(unit: $0.unit)] ?? RegressionLimits(warnPct: nil, failPct: nil)
            })
        guard limits.count == 1, let shared = limits.first else { return nil }
        return shared
    }

    /// "latency +20/+50 %, memory +30/– %" (WARN/FAIL) for the classes present, when they differ.
    static func limitText(_ metrics: [MetricResult], _ regression: [MetricClass: RegressionLimits]) -> String {
        func percent(_ value: Double?) -> String { value.map { String(format: "+%g", $0) } ?? "–" }
        let classes = MetricClass.allCases.filter { cls in
            metrics.contains { MetricClass.classify(unit: $0.unit) == cls }
        }
        return classes.map { cls in
            "\(cls.rawValue) \(percent(regression[cls]?.warnPct))/\(percent(regression[cls]?.failPct)) %"
        }.joined(separator: ", ")
    }

    static func lines(_ limits: RegressionLimits?) -> [ThresholdLine] {
        let formatter = UnitFormatter()
        var lines: [ThresholdLine] = []
        if let warn = limits?.warnPct {
            lines.append(
                ThresholdLine(
                    .vertical, at: warn, label: "WARN \(formatter.signedPercent(warn))", color: Palette.verdict("warn"))
            )
        }
        if let fail = limits?.failPct {
            lines.append(
                ThresholdLine(
                    .vertical, at: fail, label: "FAIL \(formatter.signedPercent(fail))", color: Palette.verdict("fail"))
            )
        }
        return lines
    }

    static func category(_ verdict: ChangeVerdict) -> String {
        switch verdict {
        case .fail: return "fail"
        case .warn: return "warn"
        case .improved: return "improved"
        default: return "noise"
        }
    }
}
