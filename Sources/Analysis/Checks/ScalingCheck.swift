import BenchFormats
import Foundation
import Statistics

/// Story 11.6 AC 1: graceful degradation, no exponential blow-up with mesh size. For each time
/// metric measured at ≥ 3 mesh sizes, p95 is fitted as c·Nᵏ (the scaling exponent k with its 95 %
/// CI) and as linear vs exponential in N. FAIL when the exponential model fits better.
enum ScalingCheck {
    static let name = "scaling"

    static func run(_ c: CheckContext) -> [CheckResult] {
        var bySize: [String: [Int: Double]] = [:]
        var units: [String: String] = [:]
        for m in c.metrics where MetricClass.timeUnits.contains(m.unit) {
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
            guard let power = try? PowerLawFit(x: x, y: y), let growth = try? GrowthModelComparison(x: x, y: y) else {
                return CheckResult(name: name, scenario: "(mesh sizes \(sizes.map(String.init).joined(separator: ", ")))",
                                   status: .skipped, detail: "\(metric): p95 values must be positive to fit")
            }
            let ci = power.exponentInterval
            let detail = "\(metric) p95 by mesh size \(sizes.map { "\($0): \(NumberText.short(points[$0]!))" }.joined(separator: ", ")) \(unit); "
                + "scaling exponent k = \(NumberText.short(power.exponent)) (95 % CI \(NumberText.short(ci.lower))…\(NumberText.short(ci.upper))) in p95 ∝ Nᵏ; "
                + "\(growth.better.rawValue) growth fits better (error \(NumberText.short(100 * growth.improvement)) % smaller)"
                + (growth.better == .exponential ? ": exponential blow-up" : "")
            return CheckResult(name: name, scenario: "(mesh sizes \(sizes.map(String.init).joined(separator: ", ")))",
                               status: growth.better == .exponential ? .fail : .pass,
                               measured: power.exponent, unit: "exponent", detail: detail)
        }
    }
}
