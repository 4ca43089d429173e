import BenchFormats

/// Metrics and counters the baseline holds for a scenario this run ran but that the run did not
/// produce. Only scenarios that ran count, so a tier 2 run is not told that every tier 1 metric
/// of the baseline is missing.
enum MissingMetrics {
    static func find(in run: RunSamples, baseline: Baseline) -> [MissingMetric] {
        let ran = scenariosRun(run)
        let measured = Set(run.metrics.map(\.key))
        let counted = Set(run.counters.map(\.key))
        let metrics = baseline.metrics.filter { ran.contains($0.scenario) && !measured.contains($0.key) }
            .map { MissingMetric(scenario: $0.scenario, metric: $0.metric, unit: $0.unit, counter: false) }
        let counters = baseline.counters.filter { ran.contains($0.scenario) && !counted.contains($0.key) }
            .map { MissingMetric(scenario: $0.scenario, metric: $0.metric, unit: $0.unit, counter: true) }
        return metrics + counters
    }

    /// The scenarios bench says it ran (`config.scenarios`), else those that produced anything.
    static func scenariosRun(_ run: RunSamples) -> Set<String> {
        if case .array(let names)? = run.header.config["scenarios"] {
            let listed = names.compactMap { name -> String? in
                guard case .string(let s) = name else { return nil }
                return s
            }
            if !listed.isEmpty { return Set(listed) }
        }
        return Set(run.metrics.map(\.scenario) + run.counters.map(\.scenario))
    }
}
