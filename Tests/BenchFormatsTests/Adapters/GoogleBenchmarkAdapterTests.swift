import Foundation
import XCTest
@testable import BenchFormats

/// Google Benchmark JSON, from a real benchmark binary built against libbenchmark 1.7.1.
final class GoogleBenchmarkAdapterTests: XCTestCase {
    private let fixture = "google-benchmark/google-benchmark-repetitions.json"

    func testEachRepetitionIsOneSampleAndAggregatesAreNotCounted() throws {
        let run = try ForeignFixtures.open(ForeignFixtures.path(fixture))
        let entries = try XCTUnwrap(ForeignFixtures.json(fixture)["benchmarks"] as? [[String: Any]])
        let iterations = entries.filter { $0["run_type"] as? String == "iteration" }
        let aggregates = entries.count - iterations.count
        XCTAssertGreaterThan(aggregates, 0, "the fixture has mean/median/stddev/cv aggregates")
        let samples = ForeignFixtures.samples(run)
        for runName in Set(iterations.compactMap { $0["run_name"] as? String }) {
            let mine = iterations.filter { $0["run_name"] as? String == runName }
            let real = try XCTUnwrap(samples["gbench_fixture/\(runName) real_time"], runName)
            ForeignFixtures.assertSame(real.values, mine.compactMap { $0["real_time"] as? Double })
            XCTAssertEqual(real.rep, mine.compactMap { $0["repetition_index"] as? Int })
            XCTAssertEqual(real.unit, mine.first?["time_unit"] as? String)
            ForeignFixtures.assertSame(
                samples["gbench_fixture/\(runName) cpu_time"]?.values, mine.compactMap { $0["cpu_time"] as? Double })
        }
        let sampleCount = samples.filter { $0.key.hasSuffix("_time") }.values.map(\.values.count).reduce(0, +)
        XCTAssertEqual(sampleCount, 2 * iterations.count, "real and cpu time of every iteration entry, nothing more")
        XCTAssertEqual(run.run.header.config["aggregates_skipped"], .number(Double(aggregates)))
    }

    func testConstantWholeCountersAreCountersAndRatesAreSamples() throws {
        let run = try ForeignFixtures.open(ForeignFixtures.path(fixture))
        XCTAssertEqual(ForeignFixtures.counters(run)["gbench_fixture/BM_memcpy/4096 buffer_bytes"]?.value, 4096)
        let rate = try XCTUnwrap(ForeignFixtures.samples(run)["gbench_fixture/BM_memcpy/4096 bytes_per_second"])
        XCTAssertEqual(rate.unit, "B/s")
        XCTAssertEqual(rate.better, .higher)
        XCTAssertEqual(rate.values.count, 3)
        XCTAssertEqual(
            ForeignFixtures.samples(run)["gbench_fixture/BM_VectorPush/threads:2 items_per_second"]?.unit, "items/s")
    }

    func testContextFillsTheHeaderAndOrderFollowsTheFamilies() throws {
        let run = try ForeignFixtures.open(ForeignFixtures.path(fixture))
        let context = try XCTUnwrap(ForeignFixtures.json(fixture)["context"] as? [String: Any])
        let header = run.run.header
        XCTAssertEqual(header.host.cpus, context["num_cpus"] as? Int)
        XCTAssertEqual(
            header.host.swift,
            "Google Benchmark (library build: \(try XCTUnwrap(context["library_build_type"] as? String)))")
        XCTAssertEqual(header.startedAt, ISO8601.parse(try XCTUnwrap(context["date"] as? String)))
        guard case .object(let copied)? = header.config["context"] else { return XCTFail("no context in the header") }
        XCTAssertEqual(copied["mhz_per_cpu"], .number(try XCTUnwrap(context["mhz_per_cpu"] as? Double)))
        XCTAssertEqual(
            header.config["host_unknown"], .array(["cpu_model", "memory_mb", "os", "kernel"].map(JSONValue.string)))
        guard case .array(let benchmarks)? = header.config["benchmarks"] else { return XCTFail("no benchmark list") }
        XCTAssertEqual(
            benchmarks.first,
            .object([
                "name": .string("BM_StringCopy"), "family_index": .number(0),
                "per_family_instance_index": .number(0),
            ]))
        let outcomes = ForeignFixtures.outcomes(run)
        XCTAssertEqual(
            outcomes.map(\.test),
            [
                "BM_StringCopy", "BM_memcpy/64", "BM_memcpy/4096",
                "BM_VectorPush/threads:1", "BM_VectorPush/threads:2",
            ])
        XCTAssertTrue(outcomes.allSatisfy { $0.status == .pass && $0.durationMS > 0 })
    }

    func testAggregatesOnlyKeepTheMeanMarkedAsSummary() throws {
        let file = "google-benchmark/google-benchmark-aggregates-only.json"
        let run = try ForeignFixtures.open(ForeignFixtures.path(file))
        let mean = try XCTUnwrap(
            (ForeignFixtures.json(file)["benchmarks"] as? [[String: Any]])?.first {
                $0["aggregate_name"] as? String == "mean"
            })
        let samples = ForeignFixtures.samples(run)
        ForeignFixtures.assertSame(
            samples["gbench_fixture/BM_StringCopy real_time (mean of 3 repetitions, summary only)"]?.values,
            [try XCTUnwrap(mean["real_time"] as? Double)])
        XCTAssertEqual(samples.count, 2)
        XCTAssertEqual(run.run.header.config["summary_only"], .array([.string("BM_StringCopy")]))
    }

    func testAnErroredRepetitionFailsTheOutcomeAndIsNotASample() throws {
        let path = try ForeignFixtures.temporary(
            """
            {"context": {"executable": "/x/bench"}, "benchmarks": [
              {"name": "BM_A", "run_name": "BM_A", "run_type": "iteration", "repetition_index": 0, "iterations": 10, "real_time": 5, "cpu_time": 4, "time_unit": "us"},
              {"name": "BM_A", "run_name": "BM_A", "run_type": "iteration", "repetition_index": 1, "error_occurred": true, "error_message": "socket closed", "iterations": 0, "real_time": 0, "cpu_time": 0, "time_unit": "us"}
            ]}
            """, name: "g.json")
        let run = try ForeignFixtures.open(path)
        XCTAssertEqual(ForeignFixtures.samples(run)["bench/BM_A real_time"]?.values, [5])
        let outcome = try XCTUnwrap(ForeignFixtures.outcomes(run).first)
        XCTAssertEqual(outcome.status, .fail)
        XCTAssertEqual(outcome.message, "1 repetition(s) failed: socket closed")
        XCTAssertEqual(outcome.durationMS, 10 * 5 / 1000, accuracy: 1e-12)
    }

    func testAnUnknownTimeUnitNamesItsLine() throws {
        let path = try ForeignFixtures.temporary(
            """
            {"context": {},
             "benchmarks": [
              {"name": "BM_A", "run_type": "iteration", "real_time": 5, "cpu_time": 4,
               "time_unit": "fortnights"}]}
            """, name: "g.json")
        XCTAssertEqual(
            ForeignFixtures.importError(path),
            "\(path):4: Google Benchmark JSON: `benchmarks[0].time_unit` is \"fortnights\"; Google Benchmark writes ns, us, ms or s. "
                + "Give the file exactly as your benchmark binary with --benchmark_out=FILE --benchmark_out_format=json wrote it."
        )
    }
}
