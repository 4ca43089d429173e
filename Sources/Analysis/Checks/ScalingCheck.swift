import BenchFormats
import Foundation
import Statistics
import Units

/// Story 11.6 AC 1: graceful degradation, no exponential blow-up with mesh size. A value measured
/// at ≥ 3 mesh sizes is fitted as c·Nᵏ (the scaling exponent k with its 95 % CI, the measurement)
/// and its shape is decided by the J-test against the exponential
/// (`GrowthModelComparison.shape`). WARN when the growth is significantly faster than linear *and*
/// the value grew by a larger factor than the mesh over the measured range; never FAIL on a shape
/// alone (the SLAs per mesh size are the hard limits). With three sizes no shape can be decided.
///
/// What is judged is the mesh's own cost, not the machine's: where the nodes' phase timings were
/// recorded at ≥ 3 sizes, the per-hop processing time, the mean of decode + verify + store +
/// match + forward per node-event (the sum of the phases' means, which is exactly the mean of
/// their sums). A full propagation needs every node's work done on the machine's few cores, so on
/// 2 cores its latency grows with the mesh whatever the protocol does (4.4, 8.1, 34.4 ms at 25,
/// 50, 100 nodes on a saturated machine): the latency metrics are then fitted and shown, not
/// judged. Without phase timings the light-load latency p95 is judged as before. Either way the
/// detail notes the saturation where it was recorded: the process's CPU while measuring
/// (`light_load_cpu` beside `cores`) and, for latency, the machine's floor for one event's work.
///
/// Metrics named `load_…` were measured under a capacity load, where the machine's cores set the
/// latency, and are left out, as are the CPU-time metrics (`CapacityMetrics.cpuTime`): the floor
/// and the CPU per event at the knee are costs, not latencies.
enum ScalingCheck {
    static let name = "scaling"
    /// The phases of one node-event (`PhaseTiming`), recorded as `phase.<name>` in µs.
    static let hopPhases = ["phase.decode", "phase.verify", "phase.store", "phase.match", "phase.forward"]

    static func run(_ c: CheckContext) -> [CheckResult] {
        let perHop = perHopProcessing(c)
        let judgesPerHop = perHop.values.count >= 3
        var latency: [String: ScalingPoints] = [:]
        for m in c.metrics
        where MetricClass.isTime(m.unit) && !m.metric.hasPrefix("load_") && !CapacityMetrics.cpuTime.contains(m.metric)
            && !(judgesPerHop && hopPhases.contains(m.metric))
        {
            guard let size = m.meshSize else { continue }
            latency[m.metric, default: ScalingPoints(unit: m.unit)].keepWorst(m.p95, size: size, scenario: m.scenario)
        }
        let usable = latency.filter { $0.value.values.count >= 3 }.sorted { $0.key < $1.key }
        guard judgesPerHop || !usable.isEmpty else {
            return [CheckContext.skipped(name, "no latency metric measured at 3 or more mesh sizes")]
        }
        let judgedPerHop =
            judgesPerHop
            ? [
                judge(
                    "per-hop processing (mean of decode + verify + store + match + forward per node-event)",
                    perHop, statistic: "mean", judged: true, c)
            ] : []
        return judgedPerHop
            + usable.map { metric, points in
                judge(metric, points, statistic: "p95", judged: !judgesPerHop, c)
            }
    }

    /// One fitted series: judged (pass or warn), or shown only (skipped, saying why).
    static func judge(
        _ what: String, _ points: ScalingPoints, statistic: String, judged: Bool, _ c: CheckContext
    )
        -> CheckResult
    {
        let sizes = points.values.keys.sorted()
        let x = sizes.map(Double.init)
        let y = sizes.map { points.values[$0]! }
        let scenario = "(mesh sizes \(sizes.map(String.init).joined(separator: ", ")))"
        guard let power = try? PowerLawFit(x: x, y: y), let growth = try? GrowthModelComparison(x: x, y: y) else {
            return CheckResult(
                name: name, scenario: scenario, status: .skipped,
                detail: "\(what): \(statistic) values must be positive to fit")
        }
        let ci = power.exponentInterval
        let meshGrowth = x.last! / x.first!, valueGrowth = y.last! / y.first!
        let warn = judged && growth.shape(alpha: c.thresholds.alpha) == .fasterThanLinear && valueGrowth > meshGrowth
        let values = sizes.map { "\($0): \(NumberText.short(points.values[$0]!))" }.joined(separator: ", ")
        let detail =
            (judged
                ? ""
                : "not judged (a full propagation needs every node's work on the machine's cores, so it grows with the mesh on any protocol; scaling is judged on per-hop processing): ")
            + "\(what) \(statistic) by mesh size \(values) \(points.unit); "
            + "scaling exponent k = \(NumberText.short(power.exponent)) (95 % CI \(NumberText.short(ci.lower))…\(NumberText.short(ci.upper))) in \(statistic) ∝ Nᵏ; "
            + "\(statistic) grew ×\(NumberText.short(valueGrowth)) while the mesh grew ×\(NumberText.short(meshGrowth)); "
            + GrowthShapeText.describe(growth, alpha: c.thresholds.alpha, xName: "node", unit: points.unit)
            + (warn ? ": possible blow-up, check the SLAs per mesh size" : "")
            + processCPUText(points, c)
            + (statistic == "p95" ? machineFloorText(points, statistic: statistic, c) : "")
        return CheckResult(
            name: name, scenario: scenario, status: judged ? (warn ? .warn : .pass) : .skipped,
            measured: power.exponent, unit: "exponent", detail: detail)
    }

    /// Σ of the phases' means per mesh size, where all five were recorded in one scenario of
    /// that size (several scenarios at one size: the largest sum).
    static func perHopProcessing(_ c: CheckContext) -> ScalingPoints {
        var meansByScenario: [String: [String: Double]] = [:]
        var units: Set<String> = []
        for m in c.metrics where hopPhases.contains(m.metric) && m.meshSize != nil {
            meansByScenario[m.scenario, default: [:]][m.metric] = m.mean
            units.insert(m.unit)
        }
        var points = ScalingPoints(unit: units.first ?? "us")
        guard units.count == 1 else { return points }
        for (scenario, means) in meansByScenario where means.count == hopPhases.count {
            guard let size = c.meshSize(of: scenario) else { continue }
            points.keepWorst(hopPhases.reduce(0) { $0 + means[$1]! }, size: size, scenario: scenario)
        }
        return points
    }
}

/// A statistic by mesh size, with the scenario each value came from (for its CPU and floor).
struct ScalingPoints {
    var unit: String
    var values: [Int: Double] = [:]
    var scenarios: [Int: String] = [:]

    /// Several scenarios at one size: keep the worst value.
    mutating func keepWorst(_ value: Double, size: Int, scenario: String) {
        guard value > values[size] ?? -.infinity else { return }
        values[size] = value
        scenarios[size] = scenario
    }
}
