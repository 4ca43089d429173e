/// One decoder of untrusted input under fuzzing, the unit that `meshbench-fuzz`, libFuzzer and
/// the tests run. `start` makes its harness (a node's wire target needs a store in `scratch`).
/// Every error a decoder throws is a refusal, the wanted outcome; a trap, a hang, memory growth
/// or a broken invariant (`FuzzFinding`) is a finding.
public struct FuzzTarget: Sendable {
    public let name: String
    /// What one input goes through, for `--list` and the docs.
    public let summary: String
    private let start: @Sendable (_ scratch: String) throws -> FuzzHarness

    public init(name: String, summary: String, start: @escaping @Sendable (_ scratch: String) throws -> FuzzHarness) {
        self.name = name
        self.summary = summary
        self.start = start
    }

    /// A target without state: its seeds and a function that labels how one input ended.
    init(
        name: String, summary: String, seeds: @escaping @Sendable () -> [[UInt8]],
        run: @escaping @Sendable ([UInt8]) throws -> String
    ) {
        self.init(name: name, summary: summary) { _ in FuzzHarness(seeds: seeds(), run: run) }
    }

    /// `scratch`: a folder the harness may write in, removed by the caller afterwards.
    public func start(scratch: String) throws -> FuzzHarness { try start(scratch) }

    /// Every target, in the order: the file readers, then the wire.
    public static let all: [FuzzTarget] = [
        samples, results, renderResults, baseline, thresholds, history, flakeHistory,
        btp, ilpOER, btpNIPs, nip01, nodeWire,
    ]

    public static func named(_ name: String) -> FuzzTarget? { all.first { $0.name == name } }
}

/// A started target: the valid inputs the mutations begin from, and the function that feeds it one
/// input and returns a label for how it ended ("decoded", "refused", a node's counters).
///
/// Thread safety: not thread-safe (a node's harness holds the node); one thread runs its inputs.
public struct FuzzHarness {
    public let seeds: [[UInt8]]
    public let run: ([UInt8]) throws -> String

    public init(seeds: [[UInt8]], run: @escaping ([UInt8]) throws -> String) {
        self.seeds = seeds
        self.run = run
    }
}

/// A broken invariant found by a target (a decoded packet that does not encode back to its bytes).
public struct FuzzFinding: Error, CustomStringConvertible {
    public let description: String
}
