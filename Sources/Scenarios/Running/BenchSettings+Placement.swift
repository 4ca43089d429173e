/// Where a run's nodes ran, for `run.config.placement`: `in-process` (every node in `bench`),
/// `process-per-node` (`--process-per-node`), `netns` (node servers in network namespaces: the
/// namespace scenarios, or a targets file written by `bench netns-serve`), `kubernetes` (a
/// targets file of `bench deploy kubernetes`), `external` (relays given by address with no
/// placement stated). `analyze` compares timings only between runs of the same placement.
extension BenchSettings {
    public func placement(of scenarios: [Scenario]) -> String {
        if let targets { return targets.placement ?? "external" }
        if !scenarios.isEmpty && scenarios.allSatisfy({ $0 is NamespaceMeshScenario }) { return "netns" }
        return processModel
    }
}
