import BenchFormats
import Statistics
import Units

/// Story 11.6 AC 2: latency grows linearly with hop count, not exponentially. The per-hop
/// medians are fitted with a line (its slope per hop is the measurement) and their shape is
/// decided by the J-test against the exponential (`GrowthModelComparison.shape`): WARN only when the bend is
/// significant at α, i.e. growth faster than linear. With three
/// hop counts the shape cannot be decided and the check passes saying so. Which of the linear
/// and exponential curves fits better is reported, never decisive, and the check never fails on
/// a shape alone. The false-alarm rate on simulated linear data is in docs/analyze.md.
enum HopLinearityCheck {
    static let name = "hop_linearity"

    static func run(_ c: CheckContext) -> [CheckResult] {
        let candidates = c.metrics.filter { ($0.byHops?.count ?? 0) >= 3 && MetricClass.isTime($0.unit) }
        guard !candidates.isEmpty else {
            return [CheckContext.skipped(name, "no latency samples with `hops` over at least 3 hop counts")]
        }
        return candidates.map { m in
            let buckets = m.byHops!.sorted { $0.hops < $1.hops }
            let (x, y) = m.hopMedians
            guard let fit = try? GrowthModelComparison(x: x, y: y) else {
                return CheckResult(
                    name: name, scenario: m.scenario, status: .skipped,
                    detail: "\(m.metric): per-hop medians must be positive to fit an exponential")
            }
            let slope = fit.linear.slope
            let detail =
                "\(m.metric) p50 by hops \(buckets.map { "\($0.hops): \(NumberText.short($0.p50))" }.joined(separator: ", ")) \(m.unit); "
                + "linear fit \(NumberText.short(slope)) \(m.unit)/hop; "
                + GrowthShapeText.describe(fit, alpha: c.thresholds.alpha, xName: "hop", unit: m.unit)
            return CheckResult(
                name: name, scenario: m.scenario,
                status: fit.shape(alpha: c.thresholds.alpha) == .fasterThanLinear ? .warn : .pass,
                measured: slope, unit: "\(m.unit)/hop", detail: detail)
        }
    }
}
