import BenchFormats
import Statistics

/// Story 11.6 AC 2: latency grows linearly with hop count, not exponentially. The per-hop
/// medians are fitted with y = a + b·h and y = a·e^{b·h}; the result says which fits better and by
/// how much (RMSE in ms). An exponential winner is a WARN (few hop counts cannot prove a blow-up).
enum HopLinearityCheck {
    static let name = "hop_linearity"

    static func run(_ c: CheckContext) -> [CheckResult] {
        let candidates = c.metrics.filter { ($0.byHops?.count ?? 0) >= 3 && MetricClass.isTime($0.unit) }
        guard !candidates.isEmpty else {
            return [CheckContext.skipped(name, "no latency samples with `hops` over at least 3 hop counts")]
        }
        return candidates.map { m in
            let buckets = m.byHops!
            let x = buckets.map { Double($0.hops) }
            let y = buckets.map(\.p50)
            guard let fit = try? GrowthModelComparison(x: x, y: y) else {
                return CheckResult(name: name, scenario: m.scenario, status: .skipped,
                                   detail: "\(m.metric): per-hop medians must be positive to fit an exponential")
            }
            let slope = fit.linear.slope
            let detail = "\(m.metric) p50 by hops \(buckets.map { "\($0.hops): \(NumberText.short($0.p50))" }.joined(separator: ", ")) \(m.unit); "
                + "linear fit \(NumberText.short(slope)) \(m.unit)/hop (RMSE \(NumberText.short(fit.linearRMSE))), "
                + "exponential fit ×\(NumberText.short(1 + fit.exponentialGrowthPerUnit))/hop (RMSE \(NumberText.short(fit.exponentialRMSE))); "
                + "\(fit.better.rawValue) wins, its error \(NumberText.short(100 * fit.improvement)) % smaller"
            return CheckResult(name: name, scenario: m.scenario, status: fit.better == .linear ? .pass : .warn,
                               measured: slope, unit: "\(m.unit)/hop", detail: detail)
        }
    }
}
