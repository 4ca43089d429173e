import BenchFormats
import Foundation
import Units

/// The machine's share in a scaling figure: how busy the process was while it was measured, and
/// the least time one event's work takes on the machine's cores at each size.
extension ScalingCheck {
    /// "; measured at light load, the process's CPU …" for the sizes whose scenario recorded
    /// `light_load_cpu` (% of one core) and `cores`, "" otherwise.
    static func processCPUText(_ points: ScalingPoints, _ c: CheckContext) -> String {
        let notes = points.values.keys.sorted().compactMap { size -> String? in
            guard let scenario = points.scenarios[size], let cpu = c.counter(scenario, "light_load_cpu")?.value,
                let cores = c.counter(scenario, "cores")?.value, cores > 0
            else { return nil }
            return "\(size): \(cpu) % of one core (\(cores) cores)"
        }
        guard !notes.isEmpty else { return "" }
        return "; measured at light load, the process's CPU \(notes.joined(separator: ", "))"
    }

    /// "; the machine's floor …" for the sizes whose floor was measured, "" otherwise.
    static func machineFloorText(_ points: ScalingPoints, statistic: String, _ c: CheckContext) -> String {
        // Milliseconds per unit of the metric (ParsedUnit's duration base is the nanosecond).
        guard let parsed = try? ParsedUnit(points.unit), parsed.dimension == .duration else { return "" }
        let perMS = parsed.toBase / 1e6
        let sizes = points.values.keys.sorted()
        let floors = sizes.compactMap { size in machineFloorMS(size: size, c).map { (size, $0) } }
        guard !floors.isEmpty else { return "" }
        let floorText = floors.map { "\($0.0): \(NumberText.short($0.1)) ms" }.joined(separator: ", ")
        let multiples = floors.map { "\($0.0): ×\(NumberText.short(points.values[$0.0]! * perMS / $0.1))" }.joined(
            separator: ", ")
        return "; the machine's floor for one event's work (nodes × (verification + store insert) ÷ cores) "
            + "\(floorText), \(statistic) \(multiples) of it"
    }

    /// nodes × (verification + insert) ÷ cores in ms, from the first scenario of that size that
    /// measured it.
    static func machineFloorMS(size: Int, _ c: CheckContext) -> Double? {
        func mean(_ metric: String) -> (scenario: String, value: Double)? {
            c.metrics.first { $0.metric == metric && $0.meshSize == size && $0.unit == "us" }.map {
                ($0.scenario, $0.mean)
            }
        }
        guard let verify = mean(CapacityMetrics.nodeEventVerify), let insert = mean(CapacityMetrics.nodeEventInsert),
            let cores = c.counter(verify.scenario, "cores")?.value, cores > 0
        else { return nil }
        return Double(size) * (verify.value + insert.value) / 1_000 / Double(cores)
    }
}
