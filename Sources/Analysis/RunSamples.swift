import BenchFormats

/// All values of one scenario/metric gathered from every `samples` block (and every file of a side).
public struct MetricSamples: Sendable {
    public var scenario: String
    public var metric: String
    public var unit: String
    public var better: Better
    public var values: [Double]
    /// Repetition of each value (parallel to `values`); blocks without `rep` count as repetition 0
    /// of their file. Files given together are numbered apart so their repetitions never merge.
    public var rep: [Int]
    /// Hop count and value pairs, from the blocks that carry `hops`.
    public var hops: [Int]
    public var hopValues: [Double]
    public var meshSize: Int?
    public var slaClass: String?

    public var key: MetricKey { MetricKey(scenario: scenario, metric: metric) }

    /// Distinct repetitions, ascending.
    public var repetitions: [Int] { Array(Set(rep)).sorted() }

    /// Values grouped by repetition, in repetition order.
    public func valuesByRepetition() -> [[Double]] {
        var groups: [Int: [Double]] = [:]
        for (r, v) in zip(rep, values) { groups[r, default: []].append(v) }
        return groups.keys.sorted().map { groups[$0]! }
    }
}

/// One raw samples file (or several files of one side) reduced to what analysis needs, in the
/// order metrics first appeared so results keep the bench's order.
public struct RunSamples: Sendable {
    public var header: RunHeader
    /// Every file this run was read from, for messages.
    public var sources: [String]
    public var metrics: [MetricSamples]
    public var counters: [CounterRecord]
    public var series: [Series]
    public var outcomes: [OutcomeRecord]
    /// False when a file had no `end` record and `--allow-partial` let it through.
    public var complete: Bool

    public func metric(_ key: MetricKey) -> MetricSamples? { metrics.first { $0.key == key } }
}
