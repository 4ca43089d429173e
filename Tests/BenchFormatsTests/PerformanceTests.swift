import Foundation
import XCTest
@testable import BenchFormats

/// Throughput figures for the docs; run with `MESHBENCH_PERF=1 swift test -c release --filter PerformanceTests`.
/// Prints figures, asserts only correctness (tests never assert wall-clock times).
final class PerformanceTests: XCTestCase {
    func testWriteAndReadTenMillionValuesThroughGzip() throws {
        try XCTSkipUnless(
            ProcessInfo.processInfo.environment["MESHBENCH_PERF"] == "1", "set MESHBENCH_PERF=1 to measure")
        let dir = try Fixtures.temporaryDirectory()
        let path = dir.appendingPathComponent("perf.jsonl.gz").path
        // Latency-like values with three decimals (microsecond resolution in ms), as bench writes them.
        var block = SamplesBlock(scenario: "perf", metric: "latency", unit: "ms", better: .lower, values: [])
        let blocks = 1000, perBlock = 10_000
        let clock = ContinuousClock()

        var writeTime = Duration.zero
        let writer = try SamplesWriter(path: path, run: Fixtures.header, gzip: true)
        for b in 0..<blocks {
            block.values = (0..<perBlock).map { Double(($0 &* 2_654_435_761 &+ b) % 250_000) / 1000 }
            writeTime += clock.measure { try? writer.write(.samples(block)) }
        }
        writeTime += clock.measure { try? writer.finish() }

        var count = 0
        let readTime = try clock.measure {
            let reader = try SamplesReader(path: path)
            while let record = try reader.next() {
                if case .samples(let s) = record { count += s.values.count }
            }
        }
        XCTAssertEqual(count, blocks * perBlock)
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        func rate(_ d: Duration) -> String {
            let s = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
            return String(format: "%.2f s, %.2f M values/s", s, Double(count) / s / 1e6)
        }
        print("PERF write 10M values gzip: \(rate(writeTime)); file \(size / 1_048_576) MiB")
        print("PERF read  10M values gzip: \(rate(readTime))")
    }
}
