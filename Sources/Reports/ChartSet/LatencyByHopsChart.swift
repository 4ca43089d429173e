import BenchFormats
import Charts
import Statistics
import Units

/// `latency-by-hops.png`: one box per hop count (p25–p75 box, median line, whisker up to p95)
/// and the line analyze's hop-linearity check judges (`MetricResult.hopMedians`): latency should grow
/// linearly with hops (AC 2), and a bend away from the line shows where it does not.
struct LatencyByHopsChart: ReportChart {
    static let fileName = "latency-by-hops.png"
    let file = fileName
    let title = "Latency by hop count"
    /// A hop count drawn as a box needs this many deliveries, and at least 1 % of the metric's:
    /// a box of a handful of values (paths only queueing produced) says nothing about the trend.
    static let minimumDeliveries = 20

    static func populated(_ metric: MetricResult) -> [HopBucket] {
        (metric.byHops ?? []).filter { $0.n >= max(minimumDeliveries, metric.n / 100) }.sorted { $0.hops < $1.hops }
    }

    func plan(_ results: LoadedResults) -> ChartPlan {
        let candidates = results.metrics.filter { ValueText.isDuration($0.unit) && Self.populated($0).count >= 2 }
        // The metric that spans the most well-populated hop counts; a tie goes to the one recorded first.
        guard let metric = candidates.max(by: { Self.populated($0).count < Self.populated($1).count }) else {
            return .noData(
                "no latency metric is broken down by at least two hop counts of \(Self.minimumDeliveries)+ deliveries")
        }
        let toBase = LatencySpectrumChart.toBase(metric.unit)
        let buckets = Self.populated(metric)
        let thin = (metric.byHops?.count ?? 0) - buckets.count
        let groups = buckets.map { bucket in
            BoxGroup(
                label: "\(bucket.hops)", position: Double(bucket.hops),
                stats: BoxStats(
                    lowerWhisker: bucket.p25 * toBase, q1: bucket.p25 * toBase, median: bucket.p50 * toBase,
                    q3: bucket.p75 * toBase, upperWhisker: bucket.p95 * toBase))
        }
        let text = ValueText()
        // The line analyze's hop_linearity check fits (the linear model of its
        // `GrowthModelComparison`): every recorded hop count, unweighted; none under three.
        let (hops, medians) = metric.hopMedians
        let fitted = (try? LinearRegression(x: hops, y: medians)).map {
            FittedLine(
                intercept: $0.intercept * toBase, slope: $0.slope * toBase,
                label: "median ≈ \(UnitFormatter().format($0.intercept * toBase, .duration)) + "
                    + "\(UnitFormatter().format($0.slope * toBase, .duration)) per hop")
        }
        let chart = BoxChart(
            title: title,
            subtitle: "\(metric.scenario) · \(metric.metric): box p25–p75, line median, whisker to p95"
                + (thin > 0
                    ? " · \(thin) hop count\(thin == 1 ? "" : "s") with under \(max(Self.minimumDeliveries, metric.n / 100)) deliveries not shown"
                    : ""),
            categoryTitle: "Hops from the publisher",
            valueAxis: AxisSpec(title: "Latency", dimension: .duration),
            groups: groups, fit: fitted)
        let alt =
            "Latency by hop count for \(metric.scenario) \(metric.metric): "
            + buckets.map {
                "\($0.hops) hops median \(text.value($0.p50, unit: metric.unit))"
            }.joined(separator: ", ") + (fitted.map { "; fitted \($0.label)." } ?? ".")
        return .draw(chart, alt: alt)
    }
}
