import BenchFormats
import Charts
import Foundation
import Statistics
import Units

/// `latency-by-mesh-size.png`: p50/p95/p99 of one latency family against the node count, the
/// p95 SLA limit of each size as a step line, and the power law p95 ∝ nᵇ fitted on log–log axes
/// (b ≈ 1 is linear growth; the AC asks for "no exponential blowup").
struct LatencyByMeshSizeChart: ReportChart {
    static let fileName = "latency-by-mesh-size.png"
    let file = fileName
    let title = "Latency by mesh size"

    func plan(_ results: LoadedResults) -> ChartPlan {
        let sized = results.metrics.filter {
            $0.meshSize != nil && ValueText.isDuration($0.unit) && !LatencyBreakdownChart.isPhase($0)
        }
        // A family is one scenario kind and metric measured at several mesh sizes
        // ("propagation-10", "propagation-25" → "propagation · latency").
        let families = Dictionary(grouping: sized) { Self.family($0) }
            .mapValues { metrics in
                Dictionary(grouping: metrics) { $0.meshSize! }.compactMap { $0.value.max { $0.n < $1.n } }
            }
            .filter { Set($0.value.map { $0.meshSize! }).count >= 2 }
        guard let (name, metrics) = families.max(by: { ($0.value.count, $1.key) < ($1.value.count, $0.key) }) else {
            return .noData(
                sized.isEmpty
                    ? "no latency metric records its mesh size"
                    : "latency was measured at only one mesh size")
        }
        let points = metrics.sorted { $0.meshSize! < $1.meshSize! }
        let toBase = LatencySpectrumChart.toBase(points[0].unit)
        func line(_ label: String, _ value: (MetricResult) -> Double) -> LineSeries {
            LineSeries(
                name: label, points: points.map { DataPoint(x: Double($0.meshSize!), y: value($0) * toBase) },
                showsMarkers: true)
        }
        var series = [line("p50", \.p50), line("p95", \.p95), line("p99", \.p99)]
        let limits = points.compactMap { metric -> DataPoint? in
            guard let sla = metric.sla?.first(where: { $0.stat == .p95 }) else { return nil }
            return DataPoint(x: Double(metric.meshSize!), y: sla.limit * toBase)
        }
        // Markers too: a limit known at one size only is a single point, which a line cannot show.
        if !limits.isEmpty {
            series.append(LineSeries(name: "p95 SLA limit", points: limits, showsMarkers: true, isStep: true))
        }
        var subtitle = "\(name): percentiles per node count"

        // Two sizes fit any power law exactly: the exponent is stated, but a fitted curve (which
        // would hide under the p95 line) is drawn only from three sizes on, with the power-law fit
        // (Statistics' `PowerLawFit`) that analyze's scaling check reports.
        let x = points.map { Double($0.meshSize!) }, y = points.map { $0.p95 * toBase }
        if points.count < 3, y.allSatisfy({ $0 > 0 }) {
            let exponent = log(y[1] / y[0]) / log(x[1] / x[0])
            subtitle += String(format: "; p95 grows as n^%.2f between the two sizes (no fit from two points)", exponent)
        } else if let fit = try? PowerLawFit(x: x, y: y) {  // nil when a p95 is 0: no log scale fit
            let lowest = x.first!, highest = x.last!
            let xs = stride(from: 0.0, through: 1.0, by: 0.05).map { lowest * pow(highest / lowest, $0) }
            series.append(
                LineSeries(
                    name: String(format: "fit p95 ∝ n^%.2f", fit.exponent),
                    points: xs.map { DataPoint(x: $0, y: fit.coefficient * pow($0, fit.exponent)) }))
            subtitle += String(format: "; p95 grows as n^%.2f (1 = linear)", fit.exponent)
        }
        let chart = LineChart(
            title: title, subtitle: subtitle,
            xAxis: AxisSpec(
                title: "Nodes in the mesh", dimension: .count(noun: nil), scale: .log10, includesZero: false),
            yAxis: AxisSpec(title: "Latency", dimension: .duration, scale: .log10, includesZero: false),
            series: series)
        let text = ValueText()
        let alt =
            "Latency (\(name)) against mesh size: "
            + points.map {
                "\($0.meshSize!) nodes p95 \(text.value($0.p95, unit: $0.unit))"
            }.joined(separator: ", ") + "."
        return .draw(chart, alt: alt)
    }

    /// The scenario without its mesh-size suffix, with the metric name.
    static func family(_ metric: MetricResult) -> String {
        var scenario = metric.scenario
        if let size = metric.meshSize, scenario.hasSuffix(String(size)) {
            scenario = String(scenario.dropLast(String(size).count))
            while scenario.hasSuffix("-") || scenario.hasSuffix("_") { scenario.removeLast() }
        }
        return "\(scenario) · \(metric.metric)"
    }
}
