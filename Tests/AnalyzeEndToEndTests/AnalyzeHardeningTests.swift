import ExecutableTesting
import Foundation
import XCTest

/// Issue 12, classes 1–5 and 9 as analyze meets them: each test is a hostile or mistaken input
/// that once crashed, hung, clobbered or misled, and now ends with the documented exit code, a
/// message naming the place, and nothing written.
final class AnalyzeHardeningTests: AnalyzeWorkspaceTestCase {
    private func write(_ text: String, _ name: String) throws -> URL {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    private func listing(_ folder: String = ".") throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent(folder).path).sorted()
    }

    private var good: String { SamplesText.file([SamplesText.samplesLine([1, 2, 3, 4, 5])]) }

    // Class 1: valid or refusable input never ends in exit 3 or a crash.

    func testEmptyValuesAreRefusedNotACrash() throws {
        let input = try write(
            SamplesText.file([
                #"{"type":"samples","scenario":"s","metric":"m","unit":"ms","better":"lower","values":[]}"#
            ]), "run.jsonl")
        let r = try AnalyzeBinary.run(["--no-baseline", input.path], in: dir)
        XCTAssertNotEqual(r.status, 3, r.stderr)
        XCTAssertTrue(r.status == 0 || r.status == 2, "\(r.status): \(r.stderr)")
    }

    func testValuesNearTheLargestDoubleNeverReachTheEncoderAsInfinity() throws {
        let input = try write(
            SamplesText.file([SamplesText.samplesLine([1.7e308, 1.7e308, 1.6e308, -1.7e308])]), "run.jsonl")
        let r = try AnalyzeBinary.run(["--no-baseline", input.path], in: dir)
        XCTAssertTrue(r.status == 0 || r.status == 2, "\(r.status): \(r.stderr)")
        if r.status == 0 { XCTAssertNoThrow(try JSONSerialization.jsonObject(with: r.stdout)) }
    }

    func testAHopCountOf1e300IsRefusedAsATraceNotATrap() throws {
        let lines = [
            #"{"type":"series","scenario":"topo","metric":"topology.edges","unit":"node","t":[0,1],"values":[1,2]}"#,
            #"{"type":"series","scenario":"topo","metric":"trace.arrival","unit":"ms","t":[0,1,2],"values":[0,1,2]}"#,
            #"{"type":"series","scenario":"topo","metric":"trace.hops","unit":"hops","t":[0,1,2],"values":[0,1e300,1]}"#,
            SamplesText.samplesLine([1, 2, 3]),
        ]
        let r = try AnalyzeBinary.run(["--no-baseline", try write(SamplesText.file(lines), "run.jsonl").path], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
        XCTAssertNil(doc["topology"])
        XCTAssertTrue("\(doc["notes"] ?? "")".contains("no whole hop count"), "\(doc["notes"] ?? "")")
    }

    func testClosedStandardOutputIsAnErrorNotATrap() throws {
        let input = try write(good, "run.jsonl")
        let r = try runShell("exec >&-; '\(try AnalyzeBinary.url().path)' --no-baseline '\(input.path)'", in: dir)
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("standard output"), r.stderr)
    }

    // Class 9: a reader that closed the pipe ends the run quietly, as bench does.

    func testAClosedPipeEndsQuietlyWithExitZero() throws {
        let input = try write(good, "run.jsonl")
        let r = try runShell(
            "'\(try AnalyzeBinary.url().path)' --no-baseline '\(input.path)' | true; echo \"${PIPESTATUS[0]}\" >&2",
            in: dir)
        XCTAssertEqual(r.stderr.split(separator: "\n").last, "0", r.stderr)
        XCTAssertFalse(r.stderr.contains("error"), r.stderr)
    }

    func testANumberOutOfItsFieldsRangeNamesTheField() throws {
        let bad = SamplesText.file([SamplesText.samplesLine([1, 2])]).replacingOccurrences(
            of: #""seed":7"#, with: #""seed":-1"#)
        let r = try AnalyzeBinary.run(["--no-baseline", try write(bad, "run.jsonl").path], in: dir)
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("seed"), r.stderr)
    }

    // Class 2: bounded time and memory.

    func testAGzipBombBaselineIsRefusedNamingTheCapAndHowToRaiseIt() throws {
        let bomb = dir.appendingPathComponent(".benchmarks/baseline.json")
        let r0 = try runShell("head -c 80000000 /dev/zero | gzip -1 > '\(bomb.path)'", in: dir)
        XCTAssertEqual(r0.status, 0, r0.stderr)
        let r = try AnalyzeBinary.run([try write(good, "run.jsonl").path], in: dir)
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("MESHBENCH_MAX_DOCUMENT_MB"), r.stderr)
    }

    func testAGzipBombInTheHistoryIsSkippedWithTheCapNamed() throws {
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent(".benchmarks/history"), withIntermediateDirectories: true)
        let r0 = try runShell(
            "head -c 80000000 /dev/zero | gzip -1 > .benchmarks/history/2026-01-01T000000Z-bomb.json.gz", in: dir)
        XCTAssertEqual(r0.status, 0, r0.stderr)
        let r = try AnalyzeBinary.run(["--no-baseline", try write(good, "run.jsonl").path], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("MESHBENCH_MAX_DOCUMENT_MB"), r.stderr)
    }

    func testATopologyTraceAboveTheLinkCapIsLeftOutWithTheCapNamed() throws {
        let links = 100_001
        let t = (0..<links).map { String($0 % 1000) }.joined(separator: ",")
        let v = (0..<links).map { String(($0 + 1) % 1000) }.joined(separator: ",")
        let lines = [
            #"{"type":"series","scenario":"topo","metric":"topology.edges","unit":"node","t":[\#(t)],"values":[\#(v)]}"#,
            #"{"type":"series","scenario":"topo","metric":"trace.arrival","unit":"ms","t":[0],"values":[0]}"#,
            #"{"type":"series","scenario":"topo","metric":"trace.hops","unit":"hops","t":[0],"values":[0]}"#,
        ]
        let r = try AnalyzeBinary.run(["--no-baseline", try write(SamplesText.file(lines), "run.jsonl").path], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(String(decoding: r.stdout, as: UTF8.self).contains("MESHBENCH_MAX_TOPOLOGY_LINKS"))
    }

    // Class 3: outputs never clobber and are never half-written.

    func testOutputThatIsTheInputIsRefusedHoweverSpelled() throws {
        let input = try write(good, "in.jsonl")
        let before = try Data(contentsOf: input)
        let r = try AnalyzeBinary.run(["--no-baseline", "in.jsonl", "--out", "./in.jsonl"], in: dir)
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("is the input"), r.stderr)
        XCTAssertEqual(try Data(contentsOf: input), before)
    }

    func testDevNullAsOutIsWrittenNotReplaced() throws {
        let r = try AnalyzeBinary.run(
            ["--no-baseline", try write(good, "run.jsonl").path, "--out", "/dev/null"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        var info = stat()
        XCTAssertEqual(stat("/dev/null", &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFCHR)
    }

    func testUpdateBaselineWithABadBaselinePathWritesNoOut() throws {
        let r = try AnalyzeBinary.run(
            [
                try write(good, "run.jsonl").path, "--update-baseline", "--baseline", "missing/baseline.json",
                "--out", "results.json",
            ], in: dir)
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: dir.appendingPathComponent("results.json").path), r.stderr)
    }

    func testARunIDTooLongForAFileNameCreatesNothing() throws {
        let long = String(repeating: "r", count: 300)
        let text = good.replacingOccurrences(of: "run-host-a", with: long)
        let r = try AnalyzeBinary.run(
            ["--no-baseline", try write(text, "run.jsonl").path, "--record", "--out", "results.json"], in: dir)
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("NAME_MAX"), r.stderr)
        XCTAssertEqual(try listing(), [".benchmarks", "run.jsonl"])
        XCTAssertEqual(try listing(".benchmarks"), ["thresholds.json"])
    }

    func testRecordCommitsResultsHistoryAndFlakesTogetherWithNoTemporaryFiles() throws {
        let lines = [
            SamplesText.samplesLine([1, 2, 3]),
            #"{"type":"outcome","test":"t","tier":1,"attempt":1,"status":"pass","duration_ms":1,"message":""}"#,
        ]
        let r = try AnalyzeBinary.run(
            [
                "--no-baseline", try write(SamplesText.file(lines), "run.jsonl").path, "--record",
                "--out", "results.json",
            ], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try listing(".benchmarks"), ["flake-history.json", "history", "thresholds.json"])
        XCTAssertEqual(try listing(".benchmarks/history").count, 1)
        XCTAssertEqual(try listing(), [".benchmarks", "results.json", "run.jsonl"])
    }

    // Class 4: concurrent --record runs both count.

    func testTwoConcurrentRecordsBothCountInTheFlakeHistory() throws {
        for pair in 0..<3 {
            let files = try (0..<2).map { side -> URL in
                let text = SamplesText.file(
                    [
                        #"{"type":"outcome","test":"t","tier":1,"attempt":1,"status":"pass","duration_ms":1,"message":""}"#
                    ],
                    host: "p\(pair)s\(side)")
                return try write(text, "run-\(pair)-\(side).jsonl")
            }
            let binary = try AnalyzeBinary.url().path
            let r = try runShell(
                "'\(binary)' --no-baseline '\(files[0].path)' --record --out /dev/null & "
                    + "'\(binary)' --no-baseline '\(files[1].path)' --record --out /dev/null & wait", in: dir)
            XCTAssertEqual(r.status, 0, r.stderr)
        }
        let flakes = try XCTUnwrap(
            JSONSerialization.jsonObject(
                with: Data(contentsOf: dir.appendingPathComponent(".benchmarks/flake-history.json"))) as? [String: Any])
        XCTAssertTrue("\(flakes)".contains("6"), "6 runs of t expected: \(flakes)")
        XCTAssertEqual(try listing(".benchmarks/history").count, 6)
    }

    // Class 5: configuration out of range is refused with the range named.

    func testThresholdsOutOfRangeAreRefusedWithTheAllowedRange() throws {
        let path = dir.appendingPathComponent(".benchmarks/thresholds.json")
        let original = try String(contentsOf: path, encoding: .utf8)
        let input = try write(good, "run.jsonl")
        for (from, to, field) in [
            (#""alpha" : 0.05"#, #""alpha" : 7"#, "0 < alpha < 1"),
            (#""noise_pct" : 5"#, #""noise_pct" : -5"#, "0 ≤ noise_pct < 100"),
            (#""retention_days" : 90"#, #""retention_days" : -1"#, "1 ≤ retention_days"),
            (#""trend_window_days" : 30"#, #""trend_window_days" : 0"#, "1 ≤ trend_window_days"),
            (#""min_runs" : 20"#, #""min_runs" : 0"#, "min_runs ≥ 1"),
            (#""queue_depth_max" : 1000"#, #""queue_depth_max" : 1e300"#, "queue_depth_max ≤ 2^53"),
        ] {
            let changed = original.replacingOccurrences(of: from, with: to)
            XCTAssertNotEqual(changed, original, "fixture lacks \(from)")
            try Data(changed.utf8).write(to: path)
            let r = try AnalyzeBinary.run(["--no-baseline", input.path], in: dir)
            XCTAssertEqual(r.status, 2, "\(to): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains(field), "\(to): \(r.stderr)")
        }
    }

    // Class 6: one unit vocabulary — negative microseconds in either spelling of µ are refused.

    func testNegativeValuesInEveryTimeUnitAreRefused() throws {
        for unit in ["\u{03BC}s", "\u{00B5}s", "min", "h"] {
            let text = SamplesText.file([SamplesText.samplesLine([1, -2, 3], unit: unit)])
            let r = try AnalyzeBinary.run(["--no-baseline", try write(text, "run.jsonl").path], in: dir)
            XCTAssertEqual(r.status, 2, "\(unit): \(r.stderr)")
        }
    }
}
