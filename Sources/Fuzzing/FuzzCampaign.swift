import Foundation
import ProcFS

/// Runs a harness over mutated inputs and watches what libFuzzer would: a crash ends the process
/// by itself; a thrown error (a broken invariant) is a finding with the input that caused it; an
/// input that takes more than `hangSeconds` of CPU time, or `stallSeconds` of wall-clock time,
/// is a hang; resident memory that keeps growing after the warm-up (the first tenth of the runs)
/// is a leak. A hang is judged on the thread's CPU time because on a busy machine a 10 ms input
/// can wait seconds for a core (two such false hangs were seen at a load of 14 on 2 cores).
public struct FuzzCampaign {
    public var runs: Int
    public var hangSeconds: Double = 2
    /// Wall-clock time of one input that is a hang however little CPU it used (a wait that never ends).
    public var stallSeconds: Double = 60
    /// Growth of the resident set from the end of the warm-up to the end allowed before it is a leak.
    public var allowedGrowthBytes = 32 << 20

    public init(runs: Int) {
        self.runs = runs
    }

    public struct Report: Sendable {
        public var runs = 0
        /// How many inputs ended each way, by the target's own labels.
        public var outcomes: [String: Int] = [:]
        public var seconds = 0.0
        /// The most CPU time one input took.
        public var slowestInputSeconds = 0.0
        /// Resident set (VmRSS) and its peak (VmHWM) before the first input, after the warm-up
        /// and at the end, in bytes; 0 where /proc cannot be read.
        public var residentAtStart = 0, peakAtStart = 0
        public var residentAfterWarmUp = 0
        public var residentAtEnd = 0, peakAtEnd = 0
    }

    public enum Failure: Error, CustomStringConvertible {
        case invariant(run: Int, input: [UInt8], error: Error)
        case hang(run: Int, input: [UInt8], cpuSeconds: Double, wallSeconds: Double)
        case memoryGrowth(from: Int, to: Int, allowed: Int)

        /// The input that caused the finding, to save and replay.
        public var input: [UInt8]? {
            switch self {
            case let .invariant(_, input, _), let .hang(_, input, _, _): input
            case .memoryGrowth: nil
            }
        }

        public var description: String {
            switch self {
            case let .invariant(run, _, error): "input #\(run) broke an invariant: \(error)"
            case let .hang(run, _, cpu, wall):
                "input #\(run) took \(String(format: "%.3f", cpu)) s of CPU time, \(String(format: "%.3f", wall)) s in all (a hang)"
            case let .memoryGrowth(from, to, allowed):
                "resident memory grew from \(from >> 20) MiB to \(to >> 20) MiB after the warm-up (allowed: \(allowed >> 20) MiB)"
            }
        }
    }

    /// Feeds `runs` inputs from `mutator` to `harness`. `progress` is called every tenth of the runs.
    public func run(
        _ harness: FuzzHarness, mutator: inout ByteMutator,
        progress: (Report) -> Void = { _ in }
    ) throws(Failure) -> Report {
        var report = Report()
        (report.residentAtStart, report.peakAtStart) = Self.memory()
        let clock = ContinuousClock()
        let start = clock.now
        let step = max(1, runs / 10)
        for index in 0..<runs {
            let input = mutator.next()
            let began = clock.now
            let cpuBegan = Self.threadCPUSeconds()
            do {
                report.outcomes[try harness.run(input), default: 0] += 1
            } catch {
                throw .invariant(run: index, input: input, error: error)
            }
            let cpu = Self.threadCPUSeconds() - cpuBegan
            let wall = Self.seconds(began.duration(to: clock.now))
            report.slowestInputSeconds = max(report.slowestInputSeconds, cpu)
            if cpu > hangSeconds || wall > stallSeconds {
                throw .hang(run: index, input: input, cpuSeconds: cpu, wallSeconds: wall)
            }
            report.runs = index + 1
            if report.runs % step == 0 {
                if report.runs == step { report.residentAfterWarmUp = Self.memory().resident }
                report.seconds = Self.seconds(start.duration(to: clock.now))
                progress(report)
            }
        }
        report.seconds = Self.seconds(start.duration(to: clock.now))
        (report.residentAtEnd, report.peakAtEnd) = Self.memory()
        if report.residentAfterWarmUp > 0, report.residentAtEnd - report.residentAfterWarmUp > allowedGrowthBytes {
            throw .memoryGrowth(from: report.residentAfterWarmUp, to: report.residentAtEnd, allowed: allowedGrowthBytes)
        }
        return report
    }

    private static func memory() -> (resident: Int, peak: Int) {
        let status = ProcFS.status()
        return ((status?.kilobytes("VmRSS") ?? 0) * 1024, (status?.kilobytes("VmHWM") ?? 0) * 1024)
    }

    private static func threadCPUSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) * 1e-9
    }

    private static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) * 1e-18
    }
}
