import NostrClient

/// Run-wide settings every scenario reads, from `bench`'s flags and the environment.
public struct BenchSettings: Sendable {
    /// Seed of every random choice (keys, topologies, workloads).
    public var seed: UInt64
    /// Repetitions of each scenario's measurement loop; each sample carries its `rep` index.
    public var repetitions: Int
    /// Per-hop delay injected into every node (µs): the knob that creates a known regression.
    public var injectedDelayMicros: Int
    /// Multiplies every scenario timeout; 2 under `CI=true` (AC 8: CI runners are slower).
    public var timeoutMultiplier: Double
    /// Sizes and durations given on the command line (nil: each scenario's default).
    public var overrides: ScenarioOverrides
    /// Each node in its own OS process (`bench node`), so memory and CPU are per node.
    public var processPerNode: Bool
    /// The `bench` executable that `--process-per-node` starts as `bench node`.
    public var nodeExecutable: String?
    /// Folder for node databases and attempt spools; removed by the runner when the run ends.
    public var workDirectory: String
    /// The relays external scenarios measure (`--target`, `--targets`); nil for mesh runs.
    public var targets: RelayTargets?

    public init(
        seed: UInt64 = 1, repetitions: Int = 1, injectedDelayMicros: Int = 0,
        timeoutMultiplier: Double = 1, overrides: ScenarioOverrides = ScenarioOverrides(),
        processPerNode: Bool = false, nodeExecutable: String? = nil, workDirectory: String,
        targets: RelayTargets? = nil
    ) {
        self.seed = seed
        self.repetitions = repetitions
        self.injectedDelayMicros = injectedDelayMicros
        self.timeoutMultiplier = timeoutMultiplier
        self.overrides = overrides
        self.processPerNode = processPerNode
        self.nodeExecutable = nodeExecutable
        self.workDirectory = workDirectory
        self.targets = targets
    }

    /// Seconds between resource samples.
    public var sampleInterval: Double { overrides.sampleInterval ?? 1 }

    /// How node processes are laid out, for `run.config.process_model` and metric names.
    public var processModel: String { processPerNode ? "process-per-node" : "in-process" }

    /// A timeout in seconds, scaled for CI.
    public func timeout(_ seconds: Double) -> Double { seconds * timeoutMultiplier }
}
