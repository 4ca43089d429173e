import BenchFormats

/// Nodes in one process, one process each, in network namespaces or on a Kubernetes cluster are
/// different experiments, so a scenario's timings are compared only with a baseline that placed
/// that scenario's nodes the same way (`run.config.scenario_placements`, else
/// `run.config.placement`), unless `--compare-any-relay` says otherwise. Judged per scenario: a
/// run of `--tier 3` as root places `tier3.netns-10` in namespaces and the rest in process.
public enum PlacementComparability {
    /// Nil when `scenario`'s nodes were placed alike (or either side does not say); otherwise why
    /// not, in words.
    public static func mismatch(run: RunHeader, baseline: RunHeader, scenario: String) -> String? {
        guard let now = run.placement(ofScenario: scenario), let then = baseline.placement(ofScenario: scenario),
            now != then
        else {
            return nil
        }
        return "this run placed \(scenario)'s nodes \(now), the baseline \(then) (placements differ)"
    }
}
