import BenchFormats
import Charts
import Foundation
import Statistics
import Units

/// `trends.png` (the trended metrics with the steepest slopes, as change against the median of
/// their window, so different units share an axis and one noisy first run cannot shift a line)
/// and `trend-<scenario>-<metric>.png` per metric (its own unit: the runs, the least-squares line
/// with its 95 % band, the baseline, anomalies ringed, change points marked).
struct TrendCharts {
    static let overviewFile = "trends.png"
    static let maxOverviewSeries = 8

    static func overview(_ trends: [TrendResult]) -> ChartPlan {
        let usable = trends.filter { $0.points.count >= 2 && windowMedian($0) != 0 }
        guard !usable.isEmpty else {
            let single = trends.filter { $0.points.count == 1 }.count
            return .noData(
                "the results carry no trend with two or more points"
                    + (single > 0
                        ? " (\(single) tracked metric\(single == 1 ? " has" : "s have") one run so far; analyze --record adds runs to the history)"
                        : ""))
        }
        let shown = usable.sorted { abs(relativeSlope($0)) > abs(relativeSlope($1)) }.prefix(maxOverviewSeries)
        let latest = latestDate(Array(shown))
        let series = shown.map { trend -> LineSeries in
            let median = windowMedian(trend)
            return LineSeries(
                name: "\(trend.scenario) · \(trend.metric) \(trend.stat.rawValue)",
                points: trend.points.map {
                    DataPoint(x: days($0.t, before: latest), y: ($0.value - median) / abs(median) * 100)
                },
                showsMarkers: true)
        }
        let omitted = usable.count - shown.count
        let chart = LineChart(
            title: "Trends",
            subtitle: "Change against each metric's median over the window"
                + (omitted > 0
                    ? " · the \(shown.count) steepest of \(usable.count) metrics; each has its own chart" : ""),
            xAxis: dayAxis(latest),
            yAxis: AxisSpec(title: "Change", dimension: .percent, includesZero: true),
            series: Array(series))
        let alt =
            "Trends of \(shown.count) metrics" + (omitted > 0 ? " (the steepest of \(usable.count))" : "") + ": "
            + shown.map { "\($0.scenario) \($0.metric) \(words($0.direction))" }.joined(separator: ", ") + "."
        return .draw(chart, alt: alt)
    }

    /// Slope per day as a share of the window's median, so metrics of any unit rank together.
    private static func relativeSlope(_ trend: TrendResult) -> Double {
        let median = windowMedian(trend)
        guard let slope = trend.slopePerDay, median != 0 else { return 0 }
        return slope / abs(median)
    }

    /// The median of the trend's values over the window (0 for an empty trend).
    static func windowMedian(_ trend: TrendResult) -> Double {
        (try? RobustStatistics.median(trend.points.map(\.value))) ?? 0
    }

    /// A chart per trend, with file names made unique ("a.b" and "a-b" would share a slug).
    static func singles(_ trends: [TrendResult], baselines: TrendBaselines) -> [SingleTrendChart] {
        var used: [String: Int] = [:]
        return trends.map { trend in
            let name = fileName(trend)
            used[name, default: 0] += 1
            let count = used[name]!
            let file = count == 1 ? name : String(name.dropLast(4)) + "-\(count).png"
            return SingleTrendChart(trend: trend, baselines: baselines, file: file)
        }
    }

    /// True for the names `singles` gives (`trend-<slug>.png`, `trend-<slug>-2.png`).
    static func isSingleTrendFile(_ name: String) -> Bool {
        name.hasPrefix("trend-") && name.hasSuffix(".png")
    }

    static func fileName(_ trend: TrendResult) -> String {
        let slug = "\(trend.scenario)-\(trend.metric)".lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
        return "trend-" + String(slug).split(separator: "-").joined(separator: "-") + ".png"
    }

    static let pointStyle = SeriesStyle(color: Palette.blue, dash: [], marker: .circle)
    static let fitStyle = SeriesStyle(color: Palette.orange, dash: [7, 3], marker: .square)
    static let baselineColor = Color(hex: 0x303030)

    static func single(_ trend: TrendResult, baseline: TrendBaselines.Value?) -> ChartPlan {
        guard trend.points.count >= 2 else { return .noData("fewer than two runs in the window") }
        let parsed = ParsedUnit.known(trend.unit)
        let toBase = parsed?.toBase ?? 1
        let latest = latestDate([trend])
        let x = trend.points.map { days($0.t, before: latest) }
        let points = zip(x, trend.points).map { DataPoint(x: $0, y: $1.value * toBase) }
        var series = [
            LineSeries(
                name: "\(trend.stat.rawValue) of each run", points: points, showsMarkers: true, style: pointStyle)
        ]
        // analyze fits a line only with enough history; draw the fit only where it did.
        if trend.slopePerDay != nil, let fit = TrendFit(x: x, y: points.map(\.y)), let low = x.min(), let high = x.max()
        {
            let xs = (0...40).map { low + (high - low) * Double($0) / 40 }
            series.append(
                LineSeries(
                    name: "least-squares line, 95 % band", points: xs.map { DataPoint(x: $0, y: fit.y(at: $0)) },
                    band: xs.map {
                        BandPoint(
                            x: $0, lower: fit.y(at: $0) - fit.halfWidth(at: $0),
                            upper: fit.y(at: $0) + fit.halfWidth(at: $0))
                    },
                    style: fitStyle))
        }
        let anomalies = zip(x, trend.points).filter { $1.anomaly == true }.map {
            AnomalyMark(x: $0, y: $1.value * toBase)
        }
        let changes = trend.changePoints.filter { trend.points.indices.contains($0) }.map {
            ChangePointMark(x: x[$0], label: "change")
        }
        let text = ValueText()
        let dimension = parsed?.dimension ?? .plain(symbol: trend.unit)
        let thresholds =
            baseline.map {
                [
                    ThresholdLine(
                        .horizontal, at: $0.base, label: "baseline \(text.value($0.value, unit: $0.unit))",
                        color: baselineColor)
                ]
            } ?? []
        let chart = LineChart(
            title: "\(trend.scenario) · \(trend.metric) (\(trend.stat.rawValue))",
            subtitle: subtitle(trend) + (baseline == nil ? " · no baseline for this metric" : ""),
            xAxis: dayAxis(latest),
            yAxis: AxisSpec(title: "\(trend.metric) \(trend.stat.rawValue)", dimension: dimension, includesZero: false),
            series: series, thresholds: thresholds, anomalies: anomalies, changePoints: changes, legend: .below)
        let alt =
            "Trend of \(trend.scenario) \(trend.metric) \(trend.stat.rawValue) over \(trend.points.count) runs: "
            + "\(words(trend.direction)), \(slopeText(trend)), \(VerdictView.plural(anomalies.count, "anomaly", "anomalies")), \(VerdictView.plural(changes.count, "change point", "change points"))"
            + (baseline.map { "; baseline \(text.value($0.value, unit: $0.unit))" } ?? "") + "."
        return .draw(chart, alt: alt)
    }

    static func subtitle(_ trend: TrendResult) -> String {
        var parts = [words(trend.direction), slopeText(trend)]
        if let r2 = trend.r2 { parts.append(String(format: "R² %.2f", r2)) }
        if let p = trend.p { parts.append("p \(ValueText().probability(p))") }
        return parts.joined(separator: ", ")
    }

    static func slopeText(_ trend: TrendResult) -> String {
        guard let slope = trend.slopePerDay else { return "no slope fitted" }
        let text = ValueText()
        let ci =
            trend.slopeCI.map {
                " (95 % CI \(text.value($0.low, unit: trend.unit)) to \(text.value($0.high, unit: trend.unit)))"
            } ?? ""
        return "slope \(text.value(slope, unit: trend.unit))/day" + ci
    }

    static func words(_ direction: TrendDirection) -> String {
        direction == .insufficientHistory ? "insufficient history" : direction.rawValue
    }

    /// Time runs left to right in days, 0 at the latest run, so the axis needs no calendar.
    static func days(_ date: Date, before latest: Date) -> Double { date.timeIntervalSince(latest) / 86_400 }

    static func latestDate(_ trends: [TrendResult]) -> Date {
        trends.flatMap { $0.points.map(\.t) }.max() ?? Date(timeIntervalSince1970: 0)
    }

    static func dayAxis(_ latest: Date) -> AxisSpec {
        AxisSpec(
            title: "Days before the latest run (\(DateText.display(latest)))", dimension: .plain(symbol: "d"),
            includesZero: false)
    }
}

/// `trends.png` as a member of the chart set.
struct TrendsOverviewChart: ReportChart {
    let file = TrendCharts.overviewFile
    let title = "Trends"
    func plan(_ results: LoadedResults) -> ChartPlan { TrendCharts.overview(results.trends) }
}

/// One `trend-<scenario>-<metric>.png` per trended metric.
struct SingleTrendChart: ReportChart {
    let trend: TrendResult
    let baselines: TrendBaselines
    let file: String
    var title: String { "Trend: \(trend.scenario) · \(trend.metric)" }
    func plan(_ results: LoadedResults) -> ChartPlan {
        TrendCharts.single(trend, baseline: baselines.value(for: trend))
    }
}
