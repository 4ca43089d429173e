import BenchFormats
import Charts
import Units

/// `latency-spectrum.png`: the percentile spectrum of every latency metric, HdrHistogram style
/// (x = 1/(1 − p) on a log axis labelled 0 %, 90 %, 99 %, 99.9 %), so the tail is as readable as
/// the median. When a baseline exists its p50/p95/p99 are drawn dashed, with markers, in the
/// colour of its metric; every line is named at its end, so they read apart in greyscale too.
struct LatencySpectrumChart: ReportChart {
    static let fileName = "latency-spectrum.png"
    /// More lines than this stop being readable; the slowest metrics (by p99) are kept.
    static let maxMetrics = 4

    let file = fileName
    let title = "Latency percentile spectrum"

    func plan(_ results: LoadedResults) -> ChartPlan {
        // Phase timings are parts of a delivery, drawn in latency-breakdown.png; CPU time per
        // event is no latency; a ramp's steps past its knee are saturated on purpose and would
        // crowd out every other line (the knee step's latency stays, as `load_latency_at_knee`).
        let candidates = results.metrics.filter {
            ValueText.isDuration($0.unit) && $0.spectrum.count >= 2 && !LatencyBreakdownChart.isPhase($0)
                && !CapacityMetrics.cpuTime.contains($0.metric) && !CapacityMetrics.isStepLatency($0.metric)
        }
        guard !candidates.isEmpty else {
            return .noData(
                results.metrics.contains { ValueText.isDuration($0.unit) }
                    ? "the latency metrics carry no percentile spectrum"
                    : "the results contain no latency metrics")
        }
        let shown = candidates.sorted { $0.p99 > $1.p99 }.prefix(Self.maxMetrics)
        var series: [LineSeries] = []
        for (index, metric) in shown.enumerated() {
            let toBase = Self.toBase(metric.unit)
            let name = "\(metric.scenario) · \(metric.metric)"
            let palette = Palette.style(index)
            series.append(
                LineSeries(
                    name: name,
                    points: metric.spectrum.filter { $0.p < 1 }.map {
                        DataPoint(x: $0.p, y: $0.value * toBase)
                    }, style: SeriesStyle(color: palette.color, dash: [], marker: palette.marker)))
            if let baseline = metric.baseline {
                series.append(
                    LineSeries(
                        name: name + " (baseline)",
                        points: [
                            DataPoint(x: 0.5, y: baseline.p50 * toBase), DataPoint(x: 0.95, y: baseline.p95 * toBase),
                            DataPoint(x: 0.99, y: baseline.p99 * toBase),
                        ], showsMarkers: true,
                        style: SeriesStyle(color: palette.color, dash: Palette.referenceDash, marker: palette.marker)))
            }
        }
        let omitted = candidates.count - shown.count
        let chart = LineChart(
            title: title,
            subtitle: "Latency at each percentile; the tail (99 %, 99.9 %) gets as much room as the median"
                + (omitted > 0 ? " · \(omitted) faster metrics not shown" : ""),
            xAxis: .percentile(),
            yAxis: AxisSpec(title: "Latency", dimension: .duration, scale: .log10, includesZero: false),
            series: series, legend: .direct)
        let alt =
            "Latency percentile spectrum for "
            + shown.map { metric in
                let text = ValueText()
                return "\(metric.scenario) \(metric.metric): p50 \(text.value(metric.p50, unit: metric.unit)), "
                    + "p99 \(text.value(metric.p99, unit: metric.unit))"
            }.joined(separator: "; ") + (shown.contains { $0.baseline != nil } ? "; baseline p50/p95/p99 dashed." : ".")
        return .draw(chart, alt: alt)
    }

    /// Factor to the chart's base unit (nanoseconds) for a duration unit string.
    static func toBase(_ unit: String) -> Double {
        ParsedUnit.known(unit)?.toBase ?? 1
    }
}
