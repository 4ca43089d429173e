import Foundation
import XCTest
@testable import BenchFormats

/// Go's benchmark text format, from fixtures written to golang.org/design/14313-benchmark-format.
final class GoBenchmarkAdapterTests: XCTestCase {
    func testEveryUnitOfEveryResultLineIsASampleAndCountRunsAreRepetitions() throws {
        let run = try ForeignFixtures.open(ForeignFixtures.path("go/go-test-output.txt"))
        let samples = ForeignFixtures.samples(run)
        let split = try XCTUnwrap(samples["example.com/textproc/tokenize/BenchmarkSplit/words=10-2 ns/op"])
        XCTAssertEqual(split.values, [497.8, 501.2, 495.1])
        XCTAssertEqual(split.rep, [0, 1, 2])
        XCTAssertEqual(split.unit, "ns")
        XCTAssertEqual(samples["example.com/textproc/tokenize/BenchmarkSplit/words=1000-2 B/op"]?.unit, "B")
        let deflate = try XCTUnwrap(samples["example.com/textproc/compress/BenchmarkDeflate-2 MB/s"])
        XCTAssertEqual(deflate.values, [96.93, 95.39, 97.19])
        XCTAssertEqual(deflate.better, .higher)
        XCTAssertEqual(samples["example.com/textproc/compress/BenchmarkDeflate-2 allocs/op"]?.unit, "allocs/op")
        XCTAssertEqual(samples.count, 2 * 3 + 4, "3 units × 2 sub-benchmarks, 4 units of Deflate")
        let header = run.run.header
        XCTAssertEqual(header.host.cpuModel, "AMD EPYC 7B13")
        XCTAssertEqual(header.host.os, "linux")
        XCTAssertEqual(header.host.swift, "Go (linux/amd64)")
        XCTAssertEqual(header.config["host_unknown"], .array(["cpus", "memory_mb", "kernel"].map(JSONValue.string)))
    }

    func testTheSpecificationsEdgeCases() throws {
        let run = try ForeignFixtures.open(ForeignFixtures.path("go/go-spec-edge-cases.txt"))
        let samples = ForeignFixtures.samples(run)
        // Lines that are not result lines are ignored, the bare name `Benchmark` is one.
        XCTAssertEqual(
            Set(samples.keys.map { String($0.split(separator: " ").first ?? "") }),
            [
                "go/Benchmark", "go/BenchmarkDecode/text=digits/level=speed/size=1e4-8",
                "compress/flate/BenchmarkEncode/text=digits/level=speed/size=1e4-8",
                "compress/flate/BenchmarkFloatForms-8",
            ])
        XCTAssertEqual(samples["go/Benchmark ns/op"]?.values, [1200])
        let decode = "go/BenchmarkDecode/text=digits/level=speed/size=1e4-8"
        XCTAssertEqual(samples["\(decode) ns/op"]?.values, [154125, 151003])
        XCTAssertEqual(samples["\(decode) ns/op"]?.rep, [0, 1])
        XCTAssertEqual(samples["\(decode) L1-miss-ns/op"]?.unit, "ns", "the last hyphen word is the measurement")
        XCTAssertEqual(samples["\(decode) L1-miss-ns/op"]?.values, [1520, 1498])
        XCTAssertEqual(samples["\(decode) allocs/op"]?.values, [7, 7])
        XCTAssertEqual(
            samples["compress/flate/BenchmarkEncode/text=digits/level=speed/size=1e4-8 MB/s"]?.values, [20.71, 20.86])
        XCTAssertEqual(samples["compress/flate/BenchmarkFloatForms-8 ns/op"]?.values, [1500])
        XCTAssertEqual(samples["compress/flate/BenchmarkFloatForms-8 frac/op"]?.values, [0.25])
        let header = run.run.header
        XCTAssertEqual(header.host.cpuModel, "Intel(R) Core(TM) i7-4980HQ CPU @ 2.80GHz")
        XCTAssertEqual(header.host.cpus, 8)
        XCTAssertEqual(header.host.memoryMB, 16 * 1024)
        XCTAssertEqual(header.host.os, "Mac OS X 10.11.3")
        XCTAssertEqual(header.git.commit, "7cd9055")
        guard case .object(let config)? = header.config["go_config"] else { return XCTFail("no go_config") }
        XCTAssertEqual(config["note"], .string(""), "a key with the colon alone has an empty value")
        XCTAssertEqual(config["cpu-physical-count"], .string("4"))
        XCTAssertNil(config["Key"])
        XCTAssertNil(config["two words"])
        XCTAssertNil(config["url"])
    }

    func testAResultLineCutOffAtTheEndIsTruncatedUnlessPartialIsAllowed() throws {
        let path = try ForeignFixtures.temporary(
            "goos: linux\nBenchmarkA-2 100 5 ns/op\nBenchmarkA-2 100 6 ns/op", name: "g.txt")
        XCTAssertEqual(
            ForeignFixtures.importError(path),
            "\(path):3: Go benchmark text: truncated: the file ends inside this result line (no newline after it). "
                + "The output was cut off; re-run the benchmarks, or pass --allow-partial to drop this line.")
        let partial = try ForeignFixtures.open(path, allowPartial: true)
        XCTAssertTrue(partial.isPartial)
        XCTAssertEqual(ForeignFixtures.samples(partial)["go/BenchmarkA-2 ns/op"]?.values, [5])
    }

    func testBadValuesAndAMachineChangeNameTheirLine() throws {
        let nan = try ForeignFixtures.temporary("BenchmarkA-2 100 5 ns/op\nBenchmarkA-2 100 NaN ns/op\n", name: "g.txt")
        XCTAssertTrue(
            ForeignFixtures.importError(nan).hasPrefix(
                "\(nan):2: Go benchmark text: `NaN ns/op` is not a finite number"))
        let comma = try ForeignFixtures.temporary("BenchmarkA-2 100 5,5 ns/op\n", name: "g.txt")
        XCTAssertTrue(
            ForeignFixtures.importError(comma).hasPrefix(
                "\(comma):1: Go benchmark text: `5,5` (before ns/op) is not a number"))
        let moved = try ForeignFixtures.temporary(
            "cpu: A\nBenchmarkA-2 100 5 ns/op\ncpu: B\nBenchmarkA-2 100 5 ns/op\n", name: "g.txt")
        XCTAssertEqual(
            ForeignFixtures.importError(moved),
            "\(moved):3: Go benchmark text: `cpu: B` changes the machine after results measured with `cpu: A`. "
                + "Give one machine's results per file: split the file at this line.")
        let none = try ForeignFixtures.temporary("PASS\nok  \tpkg\t0.1s\n", name: "g.txt")
        XCTAssertTrue(ForeignFixtures.importError(none, format: .go).contains("no benchmark result lines"))
    }
}
