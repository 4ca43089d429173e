import BenchFormats
import Foundation
import Statistics

/// Story 11.6 AC 1: graceful degradation, no exponential blow-up with mesh size. For each time
/// metric measured at ≥ 3 mesh sizes, p95 is fitted as c·Nᵏ (the scaling exponent k with its 95 %
/// CI) and as linear vs exponential in N. FAIL when the exponential model fits better *and* p95
/// grows faster than the mesh over the measured range: with three or four sizes an exponential
/// curve also fits a flat or slowly growing series a little better (a per-node phase time of
/// 23.7, 22.2, 21.8 µs at 25, 50, 100 nodes did), and that is no blow-up.
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
            guard let power = try? PowerLawFit(x: x, y: y), let growth = try? GrowthModelComparison(x: x, y: y) else {
                return CheckResult(name: name, scenario: "(mesh sizes \(sizes.map(String.init).joined(separator: ", ")))",
                                   status: .skipped, detail: "\(metric): p95 values must be positive to fit")
            }
            let ci = power.exponentInterval
            let meshGrowth = x.last! / x.first!, latencyGrowth = y.last! / y.first!
            let blowUp = growth.better == .exponential && latencyGrowth > meshGrowth
            var detail = "\(metric) p95 by mesh size \(sizes.map { "\($0): \(NumberText.short(points[$0]!))" }.joined(separator: ", ")) \(unit); "
                + "scaling exponent k = \(NumberText.short(power.exponent)) (95 % CI \(NumberText.short(ci.lower))…\(NumberText.short(ci.upper))) in p95 ∝ Nᵏ; "
                + "\(growth.better.rawValue) growth fits better (error \(NumberText.short(100 * growth.improvement)) % smaller)"
            if growth.better == .exponential {
                detail += blowUp
                    ? " and p95 grew ×\(NumberText.short(latencyGrowth)) while the mesh grew ×\(NumberText.short(meshGrowth)): exponential blow-up"
                    : ", but p95 grew only ×\(NumberText.short(latencyGrowth)) while the mesh grew ×\(NumberText.short(meshGrowth)): no blow-up"
            }
            return CheckResult(name: name, scenario: "(mesh sizes \(sizes.map(String.init).joined(separator: ", ")))",
                               status: blowUp ? .fail : .pass,
                               measured: power.exponent, unit: "exponent", detail: detail)
        }
    }
}
