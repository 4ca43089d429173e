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
    /// Folder for node databases and attempt spools; removed by the runner when the run ends.
    public var workDirectory: String

    public init(seed: UInt64 = 1, repetitions: Int = 1, injectedDelayMicros: Int = 0,
                timeoutMultiplier: Double = 1, workDirectory: String) {
        self.seed = seed
        self.repetitions = repetitions
        self.injectedDelayMicros = injectedDelayMicros
        self.timeoutMultiplier = timeoutMultiplier
        self.workDirectory = workDirectory
    }

    /// A timeout in seconds, scaled for CI.
    public func timeout(_ seconds: Double) -> Double { seconds * timeoutMultiplier }
}
