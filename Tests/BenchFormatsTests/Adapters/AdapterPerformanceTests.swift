import Foundation
import XCTest
@testable import BenchFormats

/// Records per second each adapter reads, for docs/own-benchmarks.md; run with
/// `MESHBENCH_PERF=1 swift test -c release --filter AdapterPerformanceTests`. Prints figures and
/// asserts only that every record was read (tests never assert wall-clock times).
final class AdapterPerformanceTests: XCTestCase {
    /// Deterministic latency-like values with nine significant digits, as the harnesses print them.
    private func value(_ k: Int) -> String {
        String(format: "%.9g", 0.001 + Double((k &* 2_654_435_761) % 1_000_003) * 1e-9)
    }

    private func measure(_ label: String, records: Int, text: String, expectValues: Int) throws {
        let path = try ForeignFixtures.temporary(text, name: "perf-\(label)")
        let clock = ContinuousClock()
        var values = 0
        let elapsed = try clock.measure {
            let run = try ForeignFixtures.open(path)
            for case .samples(let block) in run.allRecords { values += block.values.count }
        }
        XCTAssertEqual(values, expectValues)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print(
            String(
                format: "PERF %@: %d records (%.1f MB) in %.3f s: %.0f records/s", label, records,
                Double(text.utf8.count) / 1e6, seconds, Double(records) / seconds))
    }

    func testRecordsPerSecondOfEachAdapter() throws {
        try XCTSkipUnless(
            ProcessInfo.processInfo.environment["MESHBENCH_PERF"] == "1", "set MESHBENCH_PERF=1 to measure")
        let n = 1_000_000
        // hyperfine: one record = one run's time (10 commands × 100,000 runs).
        let commands = (0..<10).map { c in
            "{\"command\": \"cmd \(c)\", \"mean\": 0.01, \"times\": [\n"
                + (0..<n / 10).map { "        " + value(c * n + $0) }.joined(separator: ",\n")
                + "\n], \"exit_codes\": [" + Array(repeating: "0", count: n / 10).joined(separator: ",") + "]}"
        }
        try measure(
            "hyperfine", records: n, text: "{\"results\": [\n" + commands.joined(separator: ",\n") + "\n]}",
            expectValues: n + 0)
        // Google Benchmark: one record = one iteration entry (1,000 benchmarks × 200 repetitions).
        let entries = (0..<200_000).map { k in
            "{\"name\": \"BM_\(k / 200)\", \"family_index\": \(k / 200), \"per_family_instance_index\": 0, \"run_name\": \"BM_\(k / 200)\", "
                + "\"run_type\": \"iteration\", \"repetitions\": 200, \"repetition_index\": \(k % 200), \"threads\": 1, \"iterations\": 1000, "
                + "\"real_time\": \(value(k)), \"cpu_time\": \(value(k + 1)), \"time_unit\": \"ns\", \"items_per_second\": \(value(k + 2))}"
        }
        try measure(
            "google-benchmark", records: entries.count,
            text: "{\"context\": {\"num_cpus\": 2}, \"benchmarks\": [\n" + entries.joined(separator: ",\n") + "\n]}",
            expectValues: 3 * entries.count)
        // pytest-benchmark: one record = one round in stats.data (10 benchmarks × 100,000 rounds).
        let benchmarks = (0..<10).map { b in
            "{\"name\": \"test_\(b)\", \"fullname\": \"t.py::test_\(b)\", \"group\": null, \"stats\": {\"mean\": 0.01, \"rounds\": \(n / 10), \"data\": [\n"
                + (0..<n / 10).map { value(b * n + $0) }.joined(separator: ",\n") + "\n]}}"
        }
        try measure(
            "pytest-benchmark", records: n,
            text: "{\"machine_info\": {}, \"commit_info\": {}, \"benchmarks\": [\n"
                + benchmarks.joined(separator: ",\n") + "\n]}",
            expectValues: n)
        // Go: one record = one result line with 3 units (1,000 benchmarks × -count 200).
        let lines = (0..<200_000).map { k in
            "BenchmarkCase\(k % 1000)-2   \t  100000\t  \(value(k)) ns/op\t  \(k % 4096) B/op\t  \(k % 7) allocs/op"
        }
        try measure(
            "go", records: lines.count,
            text: "goos: linux\ngoarch: amd64\npkg: example.com/p\n" + lines.joined(separator: "\n") + "\nPASS\n",
            expectValues: 3 * lines.count)
    }
}
