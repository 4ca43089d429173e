import Foundation
import XCTest
import Statistics

/// Prints timings for 10⁷-value inputs. Runs only with MESHBENCH_PERF=1 and asserts nothing about
/// time (figures are read from a release build: `MESHBENCH_PERF=1 swift test -c release --filter PerformanceFigures`).
final class PerformanceFigures: XCTestCase {
    let count = 10_000_000

    override func setUpWithError() throws {
        try XCTSkipUnless(
            ProcessInfo.processInfo.environment["MESHBENCH_PERF"] == "1", "set MESHBENCH_PERF=1 to measure")
    }

    /// Log-normal-ish latencies in microseconds: exp of a sum of uniforms.
    func latencies(seed: UInt64, shift: Double) -> [Double] {
        var generator = Xoshiro256StarStar(seed: seed)
        return (0..<count).map { _ in
            let u = generator.nextUnitDouble() + generator.nextUnitDouble() + generator.nextUnitDouble()
            return (exp(u * 0.6 + 5) * 1000).rounded() / 1000 + shift
        }
    }

    /// Prints wall-clock and thread CPU time: on a shared 2-core machine the CPU time is the
    /// figure that does not depend on what else is running.
    func measure<T>(_ label: String, _ body: () throws -> T) rethrows -> T {
        let wallStart = DispatchTime.now().uptimeNanoseconds
        let cpuStart = threadCPUSeconds()
        let result = try body()
        let cpu = threadCPUSeconds() - cpuStart
        let wall = Double(DispatchTime.now().uptimeNanoseconds - wallStart) / 1e9
        print(String(format: "PERF %-48@ wall %7.3f s  cpu %7.3f s", label as NSString, wall, cpu))
        return result
    }

    func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    func testTenMillionValueFigures() throws {
        let baseline = latencies(seed: 1, shift: 0)
        let candidate = latencies(seed: 2, shift: 3)
        _ = measure("Array.sort() of 10M doubles (reference)") {
            var copy = baseline; copy.sort(); return copy.count
        }
        _ = measure("RadixSort.sorted of 10M doubles") { RadixSort.sorted(baseline).count }
        let summary = try measure("Summary(10M) incl. copy + sort") { try Summary(baseline) }
        var sorted = baseline
        _ = try measure("Summary(sorting:) in place") { try Summary(sorting: &sorted) }
        _ = try measure("PercentileSpectrum.ofSorted(10M)") { try PercentileSpectrum.ofSorted(sorted) }
        _ = try measure("QuantileConfidenceInterval p99 on sorted 10M") {
            try QuantileConfidenceInterval(sorted: sorted, p: 0.99)
        }
        let welch = try measure("WelchTTest 10M vs 10M") { try WelchTTest(baseline: baseline, candidate: candidate) }
        let mannWhitney = try measure("MannWhitneyU 10M vs 10M") { try MannWhitneyU(baseline, candidate) }
        print(
            "PERF summary p50 \(summary.p50) p99 \(summary.p99); Welch t \(welch.t) df \(welch.degreesOfFreedom) p \(welch.pValue); MWU p \(mannWhitney.pValue)"
        )
    }
}
