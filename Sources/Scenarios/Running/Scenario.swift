/// One benchmark scenario: a mesh set-up, a workload, the measurements it records and the checks
/// that decide whether it passed. Names are stable: results, baselines and history join on them.
public protocol Scenario: Sendable {
    /// Stable name, `tier<N>.<what>` (e.g. `tier1.propagation-3`); listed by `bench --list`.
    var name: String { get }
    var tier: Int { get }
    /// One line for `bench --list`.
    var summary: String { get }
    /// Runs one attempt. Measurements go to `context.recorder`, pass/fail checks to `context.check`.
    /// Throwing fails the attempt with the error's description.
    func run(_ context: ScenarioContext) async throws
    /// Parameters this scenario adds to the run config (`run.config`), given the settings.
    func configuration(_ settings: BenchSettings) -> [String: Double]
}

extension Scenario {
    /// Parameters a scenario adds to the run config (`run.config`), e.g. the burst window that
    /// charts shade. Most scenarios add none.
    public func configuration(_ settings: BenchSettings) -> [String: Double] { [:] }
}
