/// Where a run's nodes ran, for `run.config.placement` and `run.config.scenario_placements`:
/// `in-process` (every node in `bench`), `process-per-node` (`--process-per-node`), `netns`
/// (node servers in network namespaces: the namespace scenarios, or a targets file written by
/// `bench netns-serve`), `kubernetes` (a targets file of `bench deploy kubernetes`),
/// `external` (relays given by address with no placement stated). `analyze` compares a
/// scenario's timings only between runs that placed its nodes the same way.
extension BenchSettings {
    /// Where `scenario` places its nodes under these settings.
    public func placement(of scenario: Scenario) -> String {
        if let targets { return targets.placement ?? "external" }
        if scenario is NamespaceMeshScenario { return "netns" }
        return processModel
    }

    /// The placement of every scenario when they agree; `mixed` when they do not (e.g.
    /// `--tier 3` as root: the namespace scenario among in-process ones).
    public func placement(of scenarios: [Scenario]) -> String {
        let placements = Set(scenarios.map(placement(of:)))
        if placements.count > 1 { return "mixed" }
        return placements.first ?? targets.map { $0.placement ?? "external" } ?? processModel
    }
}
