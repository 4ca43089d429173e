import BenchFormats
import Foundation
import Statistics
import Units

/// Story 11.6 AC 1: graceful degradation, no exponential blow-up with mesh size. For each time
/// metric measured at ≥ 3 mesh sizes, p95 is fitted as c·Nᵏ (the scaling exponent k with its 95 %
/// CI, the measurement) and its shape is decided by the J-test against the exponential
/// (`GrowthModelComparison.shape`). WARN when the growth is significantly faster than linear *and*
/// p95 grew by a larger factor than the mesh over the measured range; never FAIL on a shape alone
/// (the SLAs per mesh size are the hard limits). With three sizes no shape can be decided: a
/// saturated 2-core machine gave 4.4, 8.1, 34.4 ms at 25, 50, 100 nodes, which an exponential
/// fits better than a line, and that is no evidence of a blow-up.
enum ScalingCheck {
    static let name = "scaling"

    static func run(_ c: CheckContext) -> [CheckResult] {
        var bySize: [String: [Int: Double]] = [:]
        var units: [String: String] = [:]
        for m in c.metrics where MetricClass.isTime(m.unit) {
            guard let size = m.meshSize else { continue }
            // Several scenarios at one size: keep the worst p95.
            bySize[m.metric, default: [:]][size] = max(bySize[m.metric]?[size] ?? -.infinity, m.p95)
            units[m.metric] = m.unit
        }
        let usable = bySize.filter { $0.value.count >= 3 }.sorted { $0.key < $1.key }
        guard !usable.isEmpty else {
            return [CheckContext.skipped(name, "no latency metric measured at 3 or more mesh sizes")]
        }
        return usable.map { metric, points in
            let sizes = points.keys.sorted()
            let x = sizes.map(Double.init)
            let y = sizes.map { points[$0]! }
            let unit = units[metric]!
            let scenario = "(mesh sizes \(sizes.map(String.init).joined(separator: ", ")))"
            guard let power = try? PowerLawFit(x: x, y: y), let growth = try? GrowthModelComparison(x: x, y: y) else {
                return CheckResult(
                    name: name, scenario: scenario, status: .skipped,
                    detail: "\(metric): p95 values must be positive to fit")
            }
            let ci = power.exponentInterval
            let meshGrowth = x.last! / x.first!, latencyGrowth = y.last! / y.first!
            let outgrew = latencyGrowth > meshGrowth
            let warn = growth.shape(alpha: c.thresholds.alpha) == .fasterThanLinear && outgrew
            let detail =
                "\(metric) p95 by mesh size \(sizes.map { "\($0): \(NumberText.short(points[$0]!))" }.joined(separator: ", ")) \(unit); "
                + "scaling exponent k = \(NumberText.short(power.exponent)) (95 % CI \(NumberText.short(ci.lower))…\(NumberText.short(ci.upper))) in p95 ∝ Nᵏ; "
                + "p95 grew ×\(NumberText.short(latencyGrowth)) while the mesh grew ×\(NumberText.short(meshGrowth)); "
                + GrowthShapeText.describe(growth, alpha: c.thresholds.alpha, xName: "node", unit: unit)
                + (warn ? ": possible blow-up, check the SLAs per mesh size" : "")
            return CheckResult(
                name: name, scenario: scenario, status: warn ? .warn : .pass,
                measured: power.exponent, unit: "exponent", detail: detail)
        }
    }
}
