import BenchFormats
import Charts
import Foundation

import Units

/// `trends.png` (every trended metric, as change against its first point so different units
/// share an axis) and `trend-<scenario>-<metric>.png` per metric (its own unit, anomalies
/// ringed, change points marked, slope in the subtitle).
struct TrendCharts {
    static let overviewFile = "trends.png"
    static let maxOverviewSeries = 8

    static func overview(_ trends: [TrendResult]) -> ChartPlan {
        let usable = trends.filter { $0.points.count >= 2 && ($0.points.first?.value ?? 0) != 0 }
        guard !usable.isEmpty else { return .noData("the results carry no trend with two or more points") }
        let shown = usable.sorted { abs($0.slopePerDay ?? 0) > abs($1.slopePerDay ?? 0) }.prefix(maxOverviewSeries)
        let latest = latestDate(Array(shown))
        let series = shown.map { trend -> LineSeries in
            let first = trend.points[0].value
            return LineSeries(name: "\(trend.scenario) · \(trend.metric) \(trend.stat.rawValue)",
                              points: trend.points.map { DataPoint(x: days($0.t, before: latest), y: ($0.value / first - 1) * 100) },
                              showsMarkers: true)
        }
        let chart = LineChart(title: "Trends", subtitle: "Change since the first run of the window, per metric",
                              xAxis: dayAxis(latest),
                              yAxis: AxisSpec(title: "Change", dimension: .percent, includesZero: true),
                              series: Array(series))
        let alt = "Trends of \(shown.count) metrics: " + shown.map { "\($0.scenario) \($0.metric) \($0.direction.rawValue)" }.joined(separator: ", ") + "."
        return .draw(chart, alt: alt)
    }

    static func fileName(_ trend: TrendResult) -> String {
        let slug = "\(trend.scenario)-\(trend.metric)".lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
        return "trend-" + String(slug).split(separator: "-").joined(separator: "-") + ".png"
    }

    static func single(_ trend: TrendResult) -> ChartPlan {
        guard trend.points.count >= 2 else { return .noData("fewer than two runs in the window") }
        let parsed = try? ParsedUnit(trend.unit)
        let toBase = parsed?.toBase ?? 1
        let latest = latestDate([trend])
        let points = trend.points.map { DataPoint(x: days($0.t, before: latest), y: $0.value * toBase) }
        let anomalies = trend.points.filter { $0.anomaly == true }.map { AnomalyMark(x: days($0.t, before: latest), y: $0.value * toBase) }
        let changes = trend.changePoints.filter { trend.points.indices.contains($0) }.map {
            ChangePointMark(x: days(trend.points[$0].t, before: latest))
        }
        let text = ValueText()
        let slope = trend.slopePerDay.map { "slope \(text.value($0, unit: trend.unit))/day" } ?? "no slope"
        let dimension = parsed?.dimension ?? .plain(symbol: trend.unit)
        let chart = LineChart(title: "\(trend.scenario) · \(trend.metric) (\(trend.stat.rawValue))",
                              subtitle: "\(trend.direction.rawValue.replacingOccurrences(of: "_", with: " ")), \(slope)"
                                  + (trend.r2.map { String(format: ", R² %.2f", $0) } ?? "") + "; anomalies: \(trend.anomalyRule)",
                              xAxis: dayAxis(latest),
                              yAxis: AxisSpec(title: trend.metric, dimension: dimension, includesZero: false),
                              series: [LineSeries(name: trend.stat.rawValue, points: points, showsMarkers: true)],
                              anomalies: anomalies, changePoints: changes, legend: .hidden)
        let alt = "Trend of \(trend.scenario) \(trend.metric) \(trend.stat.rawValue) over \(trend.points.count) runs: "
            + "\(trend.direction.rawValue), \(slope), \(anomalies.count) anomalies, \(changes.count) change points."
        return .draw(chart, alt: alt)
    }

    /// Time runs left to right in days, 0 at the latest run, so the axis needs no calendar.
    static func days(_ date: Date, before latest: Date) -> Double { date.timeIntervalSince(latest) / 86_400 }

    static func latestDate(_ trends: [TrendResult]) -> Date {
        trends.flatMap { $0.points.map(\.t) }.max() ?? Date(timeIntervalSince1970: 0)
    }

    static func dayAxis(_ latest: Date) -> AxisSpec {
        AxisSpec(title: "Days before the latest run (\(DateText.display(latest)))", dimension: .plain(symbol: "d"), includesZero: false)
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
    var file: String { TrendCharts.fileName(trend) }
    var title: String { "Trend: \(trend.scenario) · \(trend.metric)" }
    func plan(_ results: LoadedResults) -> ChartPlan { TrendCharts.single(trend) }
}
