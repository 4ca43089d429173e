import Foundation
import XCTest
@testable import BenchFormats

/// pytest-benchmark JSON, from real runs of pytest-benchmark 5.3.1.
final class PytestBenchmarkAdapterTests: XCTestCase {
    func testEveryRoundIsASample() throws {
        let name = "pytest-benchmark/pytest-benchmark-data.json"
        let run = try ForeignFixtures.open(ForeignFixtures.path(name))
        let benchmarks = try XCTUnwrap(ForeignFixtures.json(name)["benchmarks"] as? [[String: Any]])
        let samples = ForeignFixtures.samples(run)
        XCTAssertEqual(samples.count, benchmarks.count)
        for benchmark in benchmarks {
            let fullname = try XCTUnwrap(benchmark["fullname"] as? String)
            let stats = try XCTUnwrap(benchmark["stats"] as? [String: Any])
            let block = try XCTUnwrap(samples["pytest-benchmark/\(fullname)"], fullname)
            ForeignFixtures.assertSame(block.values, stats["data"] as? [Double], fullname)
            XCTAssertEqual(block.values.count, stats["rounds"] as? Int)
            XCTAssertEqual(block.unit, "s")
        }
    }

    func testMachineAndCommitInfoFillTheHeader() throws {
        let name = "pytest-benchmark/pytest-benchmark-data.json"
        let header = try ForeignFixtures.open(ForeignFixtures.path(name)).run.header
        let json = try ForeignFixtures.json(name)
        let machine = try XCTUnwrap(json["machine_info"] as? [String: Any])
        let cpu = try XCTUnwrap(machine["cpu"] as? [String: Any])
        let commit = try XCTUnwrap(json["commit_info"] as? [String: Any])
        XCTAssertEqual(header.host.cpuModel, cpu["brand_raw"] as? String)
        XCTAssertEqual(header.host.cpus, cpu["count"] as? Int)
        XCTAssertEqual(
            header.host.os,
            "\(try XCTUnwrap(machine["system"] as? String)), kernel \(try XCTUnwrap(machine["release"] as? String))")
        XCTAssertEqual(header.host.swift, "CPython \(try XCTUnwrap(machine["python_version"] as? String))")
        XCTAssertEqual(header.git.commit, commit["id"] as? String)
        XCTAssertEqual(header.git.branch, commit["branch"] as? String)
        XCTAssertEqual(header.config["host_unknown"], .array([.string("memory_mb")]))
        XCTAssertNotNil(header.config["machine_info"])
        let datetime = try XCTUnwrap(json["datetime"] as? String)
        XCTAssertEqual(
            header.startedAt.timeIntervalSince1970,
            try XCTUnwrap(ISO8601.parse(String(datetime.prefix(23)) + "Z")).timeIntervalSince1970, accuracy: 0.001)
    }

    func testASavedFileWithoutDataKeepsOnlyTheMeanMarkedAsSummary() throws {
        let name = "pytest-benchmark/pytest-benchmark-saved-summary.json"
        let run = try ForeignFixtures.open(ForeignFixtures.path(name))
        let benchmarks = try XCTUnwrap(ForeignFixtures.json(name)["benchmarks"] as? [[String: Any]])
        let samples = ForeignFixtures.samples(run)
        for benchmark in benchmarks {
            let stats = try XCTUnwrap(benchmark["stats"] as? [String: Any])
            XCTAssertNil(stats["data"])
            let metric =
                "pytest-benchmark/\(try XCTUnwrap(benchmark["fullname"] as? String)) (mean of \(try XCTUnwrap(stats["rounds"] as? Int)) rounds, summary only)"
            ForeignFixtures.assertSame(samples[metric]?.values, [try XCTUnwrap(stats["mean"] as? Double)], metric)
        }
        guard case .array(let marked)? = run.run.header.config["summary_only"] else {
            return XCTFail("summary_only missing")
        }
        XCTAssertEqual(marked.count, benchmarks.count)
    }

    func testAMissingStatsObjectNamesTheBenchmarkLine() throws {
        let path = try ForeignFixtures.temporary(
            """
            {"machine_info": {}, "commit_info": {},
             "benchmarks": [
               {"name": "test_a", "fullname": "t.py::test_a"}
             ]}
            """, name: "p.json")
        XCTAssertEqual(
            ForeignFixtures.importError(path),
            "\(path):3: pytest-benchmark JSON: `benchmarks[0]` has no `stats`. Give the file exactly as pytest --benchmark-json=FILE wrote it."
        )
    }
}
