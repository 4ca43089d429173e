import Foundation
import XCTest
@testable import BenchFormats

/// hyperfine's `--export-json`, from real runs of hyperfine 1.15.0.
final class HyperfineAdapterTests: XCTestCase {
    func testEveryRunTimeIsASampleOfItsCommand() throws {
        let name = "hyperfine/hyperfine-two-commands.json"
        let run = try ForeignFixtures.open(ForeignFixtures.path(name))
        let results = try XCTUnwrap(ForeignFixtures.json(name)["results"] as? [[String: Any]])
        let samples = ForeignFixtures.samples(run)
        for result in results {
            let command = try XCTUnwrap(result["command"] as? String)
            let block = try XCTUnwrap(samples["hyperfine/\(command)"], "no metric for \(command)")
            ForeignFixtures.assertSame(block.values, result["times"] as? [Double], command)
            XCTAssertEqual(block.unit, "s")
            XCTAssertEqual(block.better, .lower)
            ForeignFixtures.assertSame(
                samples["hyperfine/\(command) (mean user time)"]?.values, [try XCTUnwrap(result["user"] as? Double)])
            ForeignFixtures.assertSame(
                samples["hyperfine/\(command) (mean system time)"]?.values, [try XCTUnwrap(result["system"] as? Double)]
            )
            XCTAssertEqual(ForeignFixtures.counters(run)["hyperfine/\(command) (failed runs)"]?.value, 0)
        }
        XCTAssertEqual(ForeignFixtures.outcomes(run).map(\.status), [.pass, .pass])
    }

    func testTheHeaderSaysWhatHyperfineDoesNotRecord() throws {
        let run = try ForeignFixtures.open(ForeignFixtures.path("hyperfine/hyperfine-two-commands.json")).run.header
        XCTAssertEqual(run.config["source_format"], .string("hyperfine"))
        XCTAssertEqual(
            run.config["host_unknown"],
            .array(["cpu_model", "cpus", "memory_mb", "os", "kernel", "swift"].map(JSONValue.string)))
        XCTAssertTrue(run.host.fingerprint.hasPrefix("hyperfine-"))
        XCTAssertEqual(run.git.commit, "unknown")
        XCTAssertTrue(run.runID.hasPrefix("hyperfine-"))
        let again = try ForeignFixtures.open(ForeignFixtures.path("hyperfine/hyperfine-two-commands.json")).run.header
        XCTAssertEqual(again.runID, run.runID, "the run id is derived from the content")
    }

    func testNonZeroExitCodesFailTheCommandsOutcome() throws {
        let name = "hyperfine/hyperfine-failing.json"
        let run = try ForeignFixtures.open(ForeignFixtures.path(name))
        let result = try XCTUnwrap((ForeignFixtures.json(name)["results"] as? [[String: Any]])?.first)
        let codes = try XCTUnwrap(result["exit_codes"] as? [Int])
        let failures = codes.filter { $0 != 0 }.count
        XCTAssertGreaterThan(failures, 0, "the fixture mixes exit codes")
        let outcome = try XCTUnwrap(ForeignFixtures.outcomes(run).first)
        XCTAssertEqual(outcome.status, .fail)
        XCTAssertEqual(outcome.test, "flaky: exits 1 on odd seconds")
        XCTAssertEqual(outcome.message, "\(failures) of \(codes.count) runs failed (exit codes: 1)")
        XCTAssertEqual(
            ForeignFixtures.counters(run)["hyperfine/flaky: exits 1 on odd seconds (failed runs)"]?.value,
            Int64(failures))
    }

    func testParametersGoToTheHeader() throws {
        let run = try ForeignFixtures.open(ForeignFixtures.path("hyperfine/hyperfine-parameter-list.json"))
        XCTAssertEqual(
            run.run.header.config["parameters"],
            .object(["sleep 0.001": .object(["ms": .string("1")]), "sleep 0.003": .object(["ms": .string("3")])]))
    }

    func testATruncatedExportNamesTheLineAndSaysItWasCutOff() throws {
        let text = try String(
            contentsOfFile: ForeignFixtures.path("hyperfine/hyperfine-two-commands.json"), encoding: .utf8)
        let cut = String(text.prefix(text.count / 2))
        let path = try ForeignFixtures.temporary(cut, name: "h.json")
        let lines = cut.split(separator: "\n", omittingEmptySubsequences: false).count
        let message = ForeignFixtures.importError(path)
        XCTAssertTrue(message.hasPrefix("\(path):\(lines):"), message)
        XCTAssertTrue(message.contains("hyperfine JSON: truncated:"), message)
        XCTAssertTrue(message.contains("re-run hyperfine --export-json FILE"), message)
    }

    func testAWrongValueNamesItsLineAndPath() throws {
        let path = try ForeignFixtures.temporary(
            """
            {
              "results": [
                {
                  "command": "sleep 0.01",
                  "times": [
                    0.01,
                    "fast"
                  ]
                }
              ]
            }
            """, name: "h.json")
        XCTAssertEqual(
            ForeignFixtures.importError(path),
            "\(path):7: hyperfine JSON: `results[0].times[1]` is a string, not a number. Give the file exactly as hyperfine --export-json FILE wrote it."
        )
    }

    func testANegativeTimeIsRefusedAtItsLine() throws {
        let path = try ForeignFixtures.temporary(
            #"{"results": [{"command": "x",\#n "times": [0.5, -1]}]}"#, name: "h.json")
        let message = ForeignFixtures.importError(path)
        XCTAssertTrue(message.hasPrefix("\(path):2: hyperfine JSON: values[1] = -1.0 s is negative"), message)
    }
}
