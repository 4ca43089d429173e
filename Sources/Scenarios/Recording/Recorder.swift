import BenchFormats
import NIOConcurrencyHelpers

/// Collects a scenario's measurements and writes them as `samples`, `series` and `counter`
/// records. Samples of one metric are gathered into blocks of at most `blockSize` values so a
/// scenario producing millions of deliveries never holds them all.
///
/// Thread safety: every method may be called from any thread (node event loops, the resource
/// sampler and the scenario call it at once). One lock guards the open blocks and every call to
/// `output`, so the output sees one record at a time and needs no lock of its own.
public final class Recorder: Sendable {
    public let scenario: String
    private let blockSize: Int
    private let output: @Sendable (SampleRecord) throws -> Void
    private let blocks = NIOLockedValueBox(OpenBlocks())

    private struct OpenBlocks {
        var open: [MetricKey: PendingBlock] = [:]
        var order: [MetricKey] = []
    }

    init(scenario: String, blockSize: Int = 8192, output: @escaping @Sendable (SampleRecord) throws -> Void) {
        self.scenario = scenario
        self.blockSize = blockSize
        self.output = output
    }

    /// Declares a sampled metric once; later `sample` calls only give values.
    public func declare(_ metric: String, unit: String, better: Better, meshSize: Int? = nil, slaClass: String? = nil) {
        let key = MetricKey(scenario: scenario, metric: metric)
        blocks.withLockedValue { blocks in
            if blocks.open[key] == nil {
                blocks.open[key] = PendingBlock(unit: unit, better: better, meshSize: meshSize, slaClass: slaClass)
                blocks.order.append(key)
            }
        }
    }

    /// Records one value of a declared metric, with where and when it was taken.
    public func sample(
        _ metric: String, _ value: Double, hops: Int? = nil, node: Int? = nil,
        t: Double? = nil, rep: Int? = nil
    ) throws {
        let key = MetricKey(scenario: scenario, metric: metric)
        try blocks.withLockedValue { blocks in
            guard var block = blocks.open[key] else {
                throw RecorderError.undeclaredMetric(scenario: scenario, metric: metric)
            }
            block.append(value, hops: hops, node: node, t: t, rep: rep)
            guard block.values.count >= blockSize else {
                blocks.open[key] = block
                return
            }
            blocks.open[key] = block.emptied()
            try output(block.record(for: key))
        }
    }

    public func series(_ metric: String, unit: String, node: Int? = nil, t: [Double], values: [Double]) throws {
        try write(.series(Series(scenario: scenario, metric: metric, unit: unit, node: node, t: t, values: values)))
    }

    public func counter(_ metric: String, unit: String, value: Int64) throws {
        try write(.counter(CounterRecord(scenario: scenario, metric: metric, unit: unit, value: value)))
    }

    /// Writes every partly filled block; called once when the attempt ends.
    func flush() throws {
        try blocks.withLockedValue { blocks in
            for key in blocks.order {
                guard let block = blocks.open[key], !block.values.isEmpty else { continue }
                blocks.open[key] = block.emptied()
                try output(block.record(for: key))
            }
        }
    }

    private func write(_ record: SampleRecord) throws {
        try blocks.withLockedValue { _ in try output(record) }
    }
}

public enum RecorderError: Error, CustomStringConvertible {
    case undeclaredMetric(scenario: String, metric: String)

    public var description: String {
        switch self {
        case .undeclaredMetric(let scenario, let metric):
            return
                "scenario \(scenario) recorded metric '\(metric)' without declaring it: call recorder.declare(\"\(metric)\", unit:better:) first"
        }
    }
}

/// Values of one metric not yet written, with the optional parallel arrays kept aligned.
private struct PendingBlock {
    let unit: String
    let better: Better
    let meshSize: Int?
    let slaClass: String?
    var values: [Double] = []
    var hops: [Int] = []
    var node: [Int] = []
    var t: [Double] = []
    var rep: [Int] = []

    init(unit: String, better: Better, meshSize: Int?, slaClass: String?) {
        self.unit = unit
        self.better = better
        self.meshSize = meshSize
        self.slaClass = slaClass
    }

    /// A parallel array is kept only if every value in the block has that field.
    mutating func append(_ value: Double, hops h: Int?, node n: Int?, t time: Double?, rep r: Int?) {
        let index = values.count
        values.append(value)
        if let h, hops.count == index { hops.append(h) }
        if let n, node.count == index { node.append(n) }
        if let time, t.count == index { t.append(time) }
        if let r, rep.count == index { rep.append(r) }
    }

    func emptied() -> PendingBlock {
        PendingBlock(unit: unit, better: better, meshSize: meshSize, slaClass: slaClass)
    }

    func record(for key: MetricKey) -> SampleRecord {
        func aligned<T>(_ array: [T]) -> [T]? { array.count == values.count ? array : nil }
        return .samples(
            SamplesBlock(
                scenario: key.scenario, metric: key.metric, unit: unit, better: better,
                values: values, hops: aligned(hops), node: aligned(node), t: aligned(t),
                rep: aligned(rep), meshSize: meshSize, slaClass: slaClass))
    }
}
