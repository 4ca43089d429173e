import ExecutableTesting
import Foundation
import XCTest

/// Runs the built `analyze` binary the way CI does: through a pipe, with files in a scratch
/// folder holding `.benchmarks/thresholds.json`.
final class AnalyzeEndToEndTests: AnalyzeWorkspaceTestCase {
    func write(_ text: String, _ name: String) throws -> URL {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    func json(_ data: Data) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// i = 0..<60: a = 10 + ((7919 i) mod 101)/10; i = 0..<45: b = 10.5 + ((104729 i) mod 97)/9.
    let a = (0..<60).map { 10 + Double(($0 * 7919) % 101) / 10 }
    let b = (0..<45).map { 10.5 + Double(($0 * 104_729) % 97) / 9 }

    func testPipedSamplesGiveResultsOnStandardOutput() throws {
        let input = try write(SamplesText.file([SamplesText.samplesLine(b)]), "run.jsonl")
        let r = try AnalyzeBinary.run(["--no-baseline", "-"], in: dir, stdinFile: input)
        XCTAssertEqual(r.status, 0, r.stderr)
        let doc = try json(r.stdout)
        XCTAssertEqual(doc["schema"] as? String, "meshbench.results/1")
        XCTAssertEqual(doc["verdict"] as? String, "pass")
        let metric = try XCTUnwrap((doc["metrics"] as? [[String: Any]])?.first)
        XCTAssertEqual(metric["n"] as? Int, 45)
        // np.quantile(b, .5)
        XCTAssertEqual(try XCTUnwrap(metric["p50"] as? Double), 15.722222222222221, accuracy: 1e-12)
        XCTAssertNotNil(metric["spectrum"] as? [[String: Any]])
        XCTAssertTrue(r.stderr.contains("verdict PASS"), r.stderr)
    }

    /// scipy 1.x on the same values:
    ///   ttest_ind(b, a, equal_var=False) → t = 1.1577900890967725, p = 0.24996929874590004, df = 91.30770920034118
    ///   mannwhitneyu(b, a, alternative='two-sided', method='asymptotic') → U = 1526.5, p = 0.25443175406282614
    ///   (mean(b)/mean(a) − 1)·100 = 4.723139797184994
    func testCompareAgreesWithScipy() throws {
        let fa = try write(SamplesText.file([SamplesText.samplesLine(a)]), "a.jsonl")
        let fb = try write(SamplesText.file([SamplesText.samplesLine(b)]), "b.jsonl")
        let r = try AnalyzeBinary.run(["compare", fa.path, fb.path], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let metric = try XCTUnwrap((try json(r.stdout)["metrics"] as? [[String: Any]])?.first)
        let change = try XCTUnwrap(metric["change"] as? [String: Any])
        let welch = try XCTUnwrap(change["welch"] as? [String: Double])
        let mw = try XCTUnwrap(change["mann_whitney"] as? [String: Double])
        XCTAssertEqual(welch["t"]!, 1.1577900890967725, accuracy: 1e-12)
        XCTAssertEqual(welch["df"]!, 91.30770920034118, accuracy: 1e-10)
        XCTAssertEqual(welch["p"]!, 0.24996929874590004, accuracy: 1e-12)
        XCTAssertEqual(mw["u"]!, 1526.5)
        XCTAssertEqual(mw["p"]!, 0.25443175406282614, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(change["delta_pct"] as? Double), 4.723139797184994, accuracy: 1e-10)
        XCTAssertEqual(change["verdict"] as? String, "noise")
        XCTAssertEqual(change["test_level"] as? String, "pooled_samples")
        let ci = try XCTUnwrap(change["ci"] as? [Double])
        XCTAssertLessThan(ci[0], 4.723139797184994)
        XCTAssertGreaterThan(ci[1], 4.723139797184994)
    }

    func testRegressionExitsOneAndFailOnNeverExitsZero() throws {
        let base = try write(SamplesText.file([SamplesText.samplesLine(a)]), "base.jsonl")
        let record = try AnalyzeBinary.run(["--update-baseline", "--out", "first.json", base.path], in: dir)
        XCTAssertEqual(record.status, 0, record.stderr)
        XCTAssertTrue(
            FileManager.default.fileExists(atPath: dir.appendingPathComponent(".benchmarks/baseline.json").path))
        let slower = try write(SamplesText.file([SamplesText.samplesLine(a.map { $0 * 1.6 })]), "slow.jsonl")
        let r = try AnalyzeBinary.run(["--out", "results.json", slower.path], in: dir)
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("verdict FAIL"), r.stderr)
        let doc = try json(Data(contentsOf: dir.appendingPathComponent("results.json")))
        XCTAssertEqual(doc["verdict"] as? String, "fail")
        XCTAssertEqual(
            try AnalyzeBinary.run(["--fail-on", "never", "--out", "r2.json", slower.path], in: dir).status, 0)
    }

    // MARK: - bad input: exit 2, a message naming the file and the fix, no output written

    func assertRefused(
        _ body: String, named name: String = "bad.jsonl", args extra: [String] = [],
        expect fragments: [String], file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let input = try write(body, name)
        let out = dir.appendingPathComponent("out-\(name).json")
        let r = try AnalyzeBinary.run(["--no-baseline", "--out", out.path] + extra + [input.path], in: dir)
        XCTAssertEqual(r.status, 2, "exit status; stderr: \(r.stderr)", file: file, line: line)
        XCTAssertTrue(r.stderr.contains(name), "message must name the file: \(r.stderr)", file: file, line: line)
        for fragment in fragments {
            XCTAssertTrue(
                r.stderr.contains(fragment), "missing \"\(fragment)\" in: \(r.stderr)", file: file, line: line)
        }
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: out.path), "no output file on bad input", file: file, line: line)
    }

    func testMissingEndRecordIsRefusedUnlessPartialIsAllowed() throws {
        let text = [SamplesText.runLine(), SamplesText.samplesLine(a)].joined(separator: "\n") + "\n"
        try assertRefused(text, expect: ["no `end` record", "--allow-partial"])
        let input = try write(text, "partial.jsonl")
        let r = try AnalyzeBinary.run(["--no-baseline", "--allow-partial", input.path], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let notes = try json(r.stdout)["notes"] as? [String] ?? []
        XCTAssertTrue(notes.contains { $0.contains("partial") }, "\(notes)")
    }

    func testMalformedJSONLineIsRefusedWithItsLine() throws {
        let text =
            [SamplesText.runLine(), #"{"type":"samples","scenario":"#, SamplesText.endLine(records: 2)].joined(
                separator: "\n") + "\n"
        try assertRefused(text, expect: [":2:", "malformed JSON"])
    }

    func testNaNIsRefused() throws {
        let text = SamplesText.file([
            #"{"type":"samples","scenario":"s","metric":"latency","unit":"ms","better":"lower","values":[1,NaN]}"#
        ])
        try assertRefused(text, expect: [":2:", "NaN"])
    }

    func testNegativeLatencyIsRefused() throws {
        try assertRefused(
            SamplesText.file([SamplesText.samplesLine([1, -2])]), expect: [":2", "negative", "monotonic clock"])
    }

    func testUnknownSchemaVersionIsRefused() throws {
        let text =
            [SamplesText.runLine(schema: "meshbench.samples/9"), SamplesText.endLine(records: 1)].joined(
                separator: "\n") + "\n"
        try assertRefused(text, expect: ["meshbench.samples/9", "meshbench.samples/1"])
    }

    func testEmptyInputIsRefused() throws {
        try assertRefused("", expect: ["empty input"])
    }

    func testResultsFileIsSentToRender() throws {
        let input = try write(SamplesText.file([SamplesText.samplesLine(a)]), "ok.jsonl")
        XCTAssertEqual(
            try AnalyzeBinary.run(["--no-baseline", "--out", "results.json", input.path], in: dir).status, 0)
        let results = try String(contentsOf: dir.appendingPathComponent("results.json"), encoding: .utf8)
        try assertRefused(results, named: "results-as-input.json", expect: ["results file", "render"])
    }

    func testTruncatedGzipIsRefused() throws {
        let plain = try write(
            SamplesText.file([SamplesText.samplesLine(Array(repeating: 1.5, count: 5000))]), "big.jsonl")
        XCTAssertEqual(try BuiltExecutable(program: "/bin/gzip").run(["-kf", plain.path]).status, 0)
        let whole = try Data(contentsOf: URL(fileURLWithPath: plain.path + ".gz"))
        let cut = dir.appendingPathComponent("cut.jsonl.gz")
        try whole.prefix(whole.count - 12).write(to: cut)
        let out = dir.appendingPathComponent("cut-out.json")
        let r = try AnalyzeBinary.run(["--no-baseline", "--out", out.path, cut.path], in: dir)
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("cut.jsonl.gz") && r.stderr.contains("truncated gzip"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    }

    func testCorruptBaselineIsRefusedAndLeftUntouched() throws {
        let baseline = dir.appendingPathComponent(".benchmarks/baseline.json")
        let corrupt = Data(#"{"schema":"meshbench.baseline/1","recorded_at":"#.utf8)
        try corrupt.write(to: baseline)
        let input = try write(SamplesText.file([SamplesText.samplesLine(a)]), "run.jsonl")
        let r = try AnalyzeBinary.run(["--update-baseline", "--out", "o.json", input.path], in: dir)
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains(".benchmarks/baseline.json") && r.stderr.contains("left untouched"), r.stderr)
        XCTAssertEqual(try Data(contentsOf: baseline), corrupt)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("o.json").path))
    }

    func testMissingThresholdsSaysHowToCreateThem() throws {
        try FileManager.default.removeItem(at: dir.appendingPathComponent(".benchmarks/thresholds.json"))
        let input = try write(SamplesText.file([SamplesText.samplesLine(a)]), "run.jsonl")
        let r = try AnalyzeBinary.run(["--out", "o.json", input.path], in: dir)
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("git checkout -- .benchmarks/thresholds.json"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("o.json").path))
    }

    func testExistingOutputIsNotChangedByAFailedRun() throws {
        let out = try write("previous results\n", "kept.json")
        let bad = try write("", "empty.jsonl")
        let r = try AnalyzeBinary.run(["--no-baseline", "--out", out.path, bad.path], in: dir)
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(try String(contentsOf: out, encoding: .utf8), "previous results\n")
    }

    func testUsageErrorExitsTwo() throws {
        let r = try AnalyzeBinary.run(["compare", "only-one.jsonl"], in: dir)
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("exactly two files"), r.stderr)
    }
}
