import BenchFormats
import Charts
import Units

/// `baseline-delta.png`: every compared metric's change against the baseline as a bar with its
/// 95 % CI, coloured by verdict, worst first; the chart kit notes "N more" past what fits.
/// Changes are signed so that right is always worse (latency up, throughput down), which keeps
/// "worst first" meaningful across metrics of both directions.
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
            return .noData("the results have no baseline comparison (no baseline was given to analyze)")
        }
        let rows = compared.map { metric, change, delta -> BarRow in
            let sign: Double = metric.better == .lower ? 1 : -1
            let interval = change.ci.map { ci -> ClosedRange<Double> in
                let a = sign * ci.low, b = sign * ci.high
                return min(a, b)...max(a, b)
            }
            return BarRow(label: "\(metric.scenario) · \(metric.metric)", value: sign * delta, interval: interval,
                          category: Self.category(change.verdict))
        }
        let categories = ["fail", "warn", "improved", "noise"].map { BarCategory(name: $0, color: Palette.verdict($0)) }
        let chart = HorizontalBarChart(
            title: title,
            subtitle: "Change of the mean, signed so that right is worse; whiskers are 95 % confidence intervals",
            axis: AxisSpec(title: "Change in the worse direction", dimension: .percent),
            rows: rows, categories: categories, order: .descending, maxRows: Self.maxRows, rowNoun: "metrics",
            noDataReason: "no compared metric has a change")
        let worst = rows.max { $0.value < $1.value }!
        let failing = rows.filter { $0.category == "fail" }.count
        let warning = rows.filter { $0.category == "warn" }.count
        let alt = "Bar chart of \(rows.count) metrics compared with the baseline: \(failing) FAIL, \(warning) WARN; "
            + "the worst is \(worst.label) at \(UnitFormatter().signedPercent(worst.value)) in the worse direction."
        return .draw(chart, alt: alt)
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
