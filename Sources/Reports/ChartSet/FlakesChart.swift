import BenchFormats
import Charts

/// `flakes.png`: flake rate per test over the flake history, worst first, coloured by whether
/// it is above the 5 % limit (AC 8); quarantined tests are named as such. Tests that never
/// needed a retry are counted, not drawn: a page of 0 % bars ranked "worst first" says nothing.
struct FlakesChart: ReportChart {
    static let fileName = "flakes.png"
    static let limitPct = 5.0
    let file = fileName
    let title = "Flake rate per test"

    func plan(_ results: LoadedResults) -> ChartPlan {
        guard !results.flakes.isEmpty else { return .noData("the results carry no flake history") }
        let flaky = results.flakes.filter { $0.flakeRate > 0 || $0.quarantined }
        let steady = results.flakes.count - flaky.count
        guard !flaky.isEmpty else {
            let runs = results.flakes.map(\.runs).max() ?? 0
            return .noData(
                "none of the \(steady) tests in the flake history needed a retry (up to \(runs) run\(runs == 1 ? "" : "s") each)"
            )
        }
        let rows = flaky.map { flake in
            BarRow(
                label: flake.test + (flake.quarantined ? " (quarantined)" : ""), value: flake.flakeRate * 100,
                category: flake.flakeRate * 100 > Self.limitPct ? "above 5 %" : "at most 5 %")
        }
        let chart = HorizontalBarChart(
            title: title,
            subtitle: "Share of runs that needed a retry to pass; the limit is 5 % per test"
                + (steady > 0 ? " · \(steady) test\(steady == 1 ? "" : "s") that never needed a retry not shown" : ""),
            axis: AxisSpec(title: "Flake rate", dimension: .percent),
            rows: rows,
            categories: [
                BarCategory(name: "above 5 %", color: Palette.verdict("fail")),
                BarCategory(name: "at most 5 %", color: Palette.verdict("pass")),
            ],
            referenceLines: [
                ThresholdLine(
                    .vertical, at: Self.limitPct, label: "quarantine limit 5 %", color: Palette.verdict("fail"))
            ],
            order: .descending, maxRows: 25, rowNoun: "tests", signedValues: false)
        let above = rows.filter { $0.value > Self.limitPct }
        let alt =
            "Flake rate of \(rows.count) tests that needed a retry (\(steady) never did); \(above.count) above the 5 % limit"
            + (above.isEmpty
                ? "."
                : ": " + above.map { "\($0.label) \(ValueText().value($0.value, unit: "%"))" }.joined(separator: ", ")
                    + ".")
        return .draw(chart, alt: alt)
    }
}
