import Charts

/// One chart of the report: which file it goes to and how results map onto a chart kind of
/// `Charts`. Each chart lives in its own file (`ChartSet/*.swift`), so what a PNG shows is
/// decided in one place.
protocol ReportChart {
    var file: String { get }
    var title: String { get }
    /// Page size in points (multiplied by `--scale` for pixels).
    var size: (width: Int, height: Int) { get }
    /// The chart to draw, or why the results cannot give one.
    func plan(_ results: LoadedResults) -> ChartPlan
}

extension ReportChart {
    var size: (width: Int, height: Int) { (960, 540) }
}

/// A chart ready to draw, with the alt text the Markdown shows for it, or the reason for none.
enum ChartPlan {
    case draw(any Chart, alt: String)
    case noData(String)
}
