import BenchFormats

/// Applies the SLAs of `thresholds.json` to a metric: one result per statistic, from the most
/// specific matching entry (an entry naming the scenario beats one naming only the mesh size).
public enum SLAEvaluation {
    public static func evaluate(_ m: MetricResult, thresholds: Thresholds) -> [SLAResult] {
        let subject = SLASubject(
            scenario: m.scenario, metric: m.metric, unit: m.unit, meshSize: m.meshSize,
            slaClass: m.slaClass,
            metricClass: thresholds.metricClass(scenario: m.scenario, metric: m.metric, unit: m.unit))
        var seen = Set<Statistic>()
        var out: [SLAResult] = []
        for entry in thresholds.slas(for: subject) where seen.insert(entry.stat).inserted {
            let measured = m.value(of: entry.stat)
            out.append(
                SLAResult(
                    stat: entry.stat, op: entry.op, limit: entry.limit, measured: measured,
                    ok: entry.op.holds(measured, entry.limit), source: entry.source))
        }
        return out.sorted { Statistic.allCases.firstIndex(of: $0.stat)! < Statistic.allCases.firstIndex(of: $1.stat)! }
    }
}
