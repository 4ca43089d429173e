import Foundation

/// Runs a fuzz target over mutated inputs and watches what libFuzzer would: a crash ends the
/// process by itself; a thrown error (a broken invariant) is a failure with the input that caused
/// it; an input slower than `hangSeconds` is a hang; resident memory that keeps growing after the
/// warm-up (the first tenth of the runs) is a leak.
public struct FuzzCampaign {
    /// The process's resident set now and its peak, in bytes; nil where it cannot be read.
    public typealias MemoryProbe = () -> (current: Int, peak: Int)?

    public var runs: Int
    public var hangSeconds: Double = 1
    /// Growth of the resident set from the end of the warm-up to the end allowed before it is a leak.
    public var allowedGrowthBytes: Int = 32 << 20
    private let memory: MemoryProbe

    /// `memory`: how to read the resident set (`MemoryFootprint` in a tool; nil skips the leak check).
    public init(runs: Int, memory: MemoryProbe? = nil) {
        self.runs = runs
        self.memory = memory ?? { nil }
    }

    public struct Report: Sendable {
        public var runs = 0
        /// How many inputs ended each way, by the target's own labels.
        public var outcomes: [String: Int] = [:]
        public var seconds = 0.0
        public var slowestInputSeconds = 0.0
        public var residentBytesAfterWarmUp = 0
        public var residentBytesAtEnd = 0
        /// The process's peak resident set (VmHWM), the figure the issue asks for.
        public var peakResidentBytes = 0
    }

    public enum Failure: Error, CustomStringConvertible {
        case invariant(run: Int, input: [UInt8], error: Error)
        case hang(run: Int, input: [UInt8], seconds: Double)
        case memoryGrowth(from: Int, to: Int, allowed: Int)

        public var description: String {
            switch self {
            case let .invariant(run, input, error):
                return "input #\(run) broke an invariant: \(error)\ninput (hex): \(Self.hex(input))"
            case let .hang(run, input, seconds):
                return
                    "input #\(run) took \(String(format: "%.3f", seconds)) s (a hang)\ninput (hex): \(Self.hex(input))"
            case let .memoryGrowth(from, to, allowed):
                return
                    "resident memory grew from \(from >> 20) MiB to \(to >> 20) MiB after the warm-up (allowed: \(allowed >> 20) MiB)"
            }
        }

        private static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }
    }

    /// Feeds `runs` inputs from `next` to `target`, which returns a label for how each ended.
    /// `progress` is called about every tenth of the runs.
    public func run(
        next: () -> [UInt8], target: ([UInt8]) throws -> String,
        progress: (Report) -> Void = { _ in }
    ) throws -> Report {
        var report = Report()
        let start = Date()
        let step = max(1, runs / 10)
        for index in 0..<runs {
            let input = next()
            let began = Date()
            do {
                report.outcomes[try target(input), default: 0] += 1
            } catch {
                throw Failure.invariant(run: index, input: input, error: error)
            }
            let took = Date().timeIntervalSince(began)
            report.slowestInputSeconds = max(report.slowestInputSeconds, took)
            if took > hangSeconds { throw Failure.hang(run: index, input: input, seconds: took) }
            report.runs = index + 1
            if report.runs % step == 0 {
                if report.runs == step { report.residentBytesAfterWarmUp = memory()?.current ?? 0 }
                report.seconds = Date().timeIntervalSince(start)
                progress(report)
            }
        }
        report.seconds = Date().timeIntervalSince(start)
        let end = memory()
        report.residentBytesAtEnd = end?.current ?? 0
        report.peakResidentBytes = end?.peak ?? 0
        if report.residentBytesAfterWarmUp > 0,
            report.residentBytesAtEnd - report.residentBytesAfterWarmUp > allowedGrowthBytes
        {
            throw Failure.memoryGrowth(
                from: report.residentBytesAfterWarmUp, to: report.residentBytesAtEnd, allowed: allowedGrowthBytes)
        }
        return report
    }
}
