import BenchFormats

/// All values of one scenario/metric gathered from every `samples` block (and every file of a side).
public struct MetricSamples: Sendable {
    public var scenario: String
    public var metric: String
    public var unit: String
    public var better: Better
    public var values: [Double]
    /// Repetition of each value, run-length encoded in value order (a run of 10⁷ values of one
    /// repetition is one segment, not 10⁷ integers). Blocks without `rep` count as repetition 0 of
    /// their file; files given together are numbered apart so their repetitions never merge.
    public var repSegments: [RepSegment]
    /// Hop count and value pairs, from the blocks that carry `hops`.
    public var hops: [Int]
    public var hopValues: [Double]
    public var meshSize: Int?
    public var slaClass: String?

    public var key: MetricKey { MetricKey(scenario: scenario, metric: metric) }

    /// Values grouped by repetition, in repetition order.
    public func valuesByRepetition() -> [[Double]] {
        if let first = repSegments.first, repSegments.allSatisfy({ $0.rep == first.rep }) { return [values] }
        var groups: [Int: [Double]] = [:]
        var start = 0
        for s in repSegments {
            groups[s.rep, default: []].append(contentsOf: values[start..<(start + s.count)])
            start += s.count
        }
        return groups.keys.sorted().map { groups[$0]! }
    }

    /// Appends `count` values' repetition, merging with the last segment when it is the same.
    mutating func appendRep(_ rep: Int, count: Int) {
        guard count > 0 else { return }
        if let last = repSegments.indices.last, repSegments[last].rep == rep {
            repSegments[last].count += count
        } else {
            repSegments.append(RepSegment(rep: rep, count: count))
        }
    }
}

/// `count` consecutive values of repetition `rep`.
public struct RepSegment: Sendable, Equatable {
    public var rep: Int
    public var count: Int
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
