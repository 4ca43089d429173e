import BenchFormats
import ExecutableTesting
import Foundation
import XCTest

/// `render trends`, `render flamegraph` and `render baseline-doc` as CI runs them: the built
/// binary, checked for what it writes, and for each bad input: exit 2, a message naming the
/// file (and line), nothing written.
final class SubcommandEndToEndTests: RenderTestCase {
    /// Runs in the scratch folder, so the repository's .benchmarks files are not picked up by default.
    private func run(_ arguments: [String], stdin: Data? = nil) throws -> BuiltExecutable.Run {
        try render.run(arguments, stdin: stdin, in: scratch.url)
    }

    private func assertRefused(
        _ arguments: [String], stdin: Data? = nil, message: String, untouched: String,
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let result = try run(arguments, stdin: stdin)
        XCTAssertEqual(result.status, 2, "exit code; stderr: \(result.stderr)", file: file, line: line)
        XCTAssertTrue(
            result.stderr.contains(message), "stderr should say \"\(message)\", got: \(result.stderr)", file: file,
            line: line)
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: untouched), "nothing may be written on bad input", file: file,
            line: line)
    }

    private func brokenTemplate(_ name: String) throws -> String {
        // Line 4 closes a section that line 3 did not open.
        _ = try scratch.write(Data("# Title\n\n{{#rows}}\n{{/cols}}\n".utf8), to: "templates/\(name).mustache")
        return scratch.path("templates")
    }

    // MARK: trends

    func testTrendsFromFileAndFromStandardInput() throws {
        let input = try scratch.write(TrendFixtures.json(TrendFixtures.document), to: "trends.json")
        let baseline = try scratch.write(TrendFixtures.json(TrendFixtures.baseline), to: "baseline.json")
        let fromFile = try run(["trends", input, "--baseline", baseline, "--out", "a", "--quiet"])
        XCTAssertEqual(fromFile.status, 0, fromFile.stderr)
        let markdown = try String(contentsOfFile: scratch.path("a/trends.md"), encoding: .utf8)
        XCTAssertTrue(markdown.contains("baseline.json, recorded"), "the baseline's source is named")
        for file in ["trends.png", "trend-propagation-10-latency.png", "trend-propagation-50-latency.png"] {
            XCTAssertNotNil(PNGInspector(path: scratch.path("a/" + file)), file)
        }
        let fromStdin = try run(["trends", "--out", "b"], stdin: TrendFixtures.json(TrendFixtures.document))
        XCTAssertEqual(fromStdin.status, 0, fromStdin.stderr)
        let withoutBaseline = try String(contentsOfFile: scratch.path("b/trends.md"), encoding: .utf8)
        XCTAssertTrue(
            withoutBaseline.contains("none given: no baseline line is drawn"), "no .benchmarks here, so no baseline")
    }

    func testTrendsOfANewerSchemaWithMissingSectionsSayWhatIsMissing() throws {
        let input = try scratch.write(
            Data(#"{"schema":"meshbench.results/9","verdict":"pass","trends":"soon"}"#.utf8), to: "newer.json")
        let result = try run(["trends", input, "--out", "out"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let markdown = try String(contentsOfFile: scratch.path("out/trends.md"), encoding: .utf8)
        XCTAssertTrue(markdown.contains("meshbench.results/9"), markdown)
        XCTAssertTrue(markdown.contains("section \"run\" is missing"), markdown)
        XCTAssertTrue(markdown.contains("section \"trends\" could not be read"), markdown)
    }

    func testTrendsBadInputs() throws {
        let input = try scratch.write(TrendFixtures.json(TrendFixtures.document), to: "trends.json")
        let out = scratch.path("refused")
        try assertRefused(
            ["trends", input, "--baseline", "nope.json", "--out", out],
            message: "nope.json: cannot read the baseline", untouched: out)
        try assertRefused(
            ["trends", input, "--templates", try brokenTemplate("trends"), "--out", out],
            message: "templates/trends.mustache:4:", untouched: out)
        try assertRefused(
            [
                "trends",
                try scratch.write(Data("{\"schema\":\"meshbench.samples/1\",\"type\":\"run\"}\n".utf8), to: "s.jsonl"),
                "--out", out,
            ],
            message: "run analyze first", untouched: out)
        let blocker = try scratch.write(Data(), to: "a-file")
        try assertRefused(
            ["trends", input, "--out", blocker + "/sub"], message: "output folder is not writable",
            untouched: blocker + "/sub")
    }

    // MARK: flamegraph

    func testFlamegraphDrawsFoldedStacks() throws {
        let folded = (0..<40).map { "main;relay.handle;pipeline.step\($0 % 6);leaf\($0) \(10 + $0 * 3)" }.joined(
            separator: "\n")
        let input = try scratch.write(Data((folded + "\nmain;idle 400\n").utf8), to: "stacks.folded")
        let result = try run(["flamegraph", input, "--out", "graphs/flame.png", "--quiet"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let png = try XCTUnwrap(PNGInspector(path: scratch.path("graphs/flame.png")))
        XCTAssertEqual(png.width, 1200)
        XCTAssertGreaterThan(png.inkFraction, 0.05)
        XCTAssertEqual(png.inkOnEdge, 0)
    }

    func testFlamegraphBadInputs() throws {
        let out = scratch.path("flame.png")
        let bad = try scratch.write(Data("main;a 3\nmain;b 2\nmain;c lots\n".utf8), to: "bad.folded")
        try assertRefused(
            ["flamegraph", bad, "--out", out],
            message: "bad.folded:3: not a folded stack line (\"lots\" is not a whole number", untouched: out)
        let noCount = try scratch.write(Data("main;a 3\n\nmain;b\n".utf8), to: "nocount.folded")
        try assertRefused(["flamegraph", noCount, "--out", out], message: "nocount.folded:3:", untouched: out)
        let empty = try scratch.write(Data("\n".utf8), to: "empty.folded")
        try assertRefused(["flamegraph", empty, "--out", out], message: "no stack has a sample", untouched: out)
        try assertRefused(
            ["flamegraph", scratch.path("missing.folded"), "--out", out], message: "no such file", untouched: out)
        let good = try scratch.write(Data("main;a 3\n".utf8), to: "good.folded")
        let blocker = try scratch.write(Data(), to: "blocker")
        try assertRefused(
            ["flamegraph", good, "--out", blocker + "/flame.png"], message: "output folder is not writable",
            untouched: blocker + "/flame.png")
    }

    // MARK: baseline-doc

    func testBaselineDocWritesTheDocument() throws {
        _ = try scratch.write(TrendFixtures.json(TrendFixtures.baseline), to: ".benchmarks/baseline.json")
        _ = try scratch.write(TrendFixtures.json(TrendFixtures.thresholds), to: ".benchmarks/thresholds.json")
        let result = try run(["baseline-doc"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("docs/performance-baseline.md"), result.stderr)
        let markdown = try String(contentsOfFile: scratch.path("docs/performance-baseline.md"), encoding: .utf8)
        XCTAssertTrue(markdown.contains("analyze samples.jsonl.gz --update-baseline"))
        XCTAssertTrue(markdown.contains("fingerprint h-5f2a9c"), "the host it was recorded on")
    }

    func testBaselineDocBadInputs() throws {
        let baseline = try scratch.write(TrendFixtures.json(TrendFixtures.baseline), to: "baseline.json")
        let thresholds = try scratch.write(TrendFixtures.json(TrendFixtures.thresholds), to: "thresholds.json")
        let out = scratch.path("docs/performance-baseline.md")
        try assertRefused(
            ["baseline-doc", "--baseline", "none.json", "--thresholds", thresholds, "--out", out],
            message: "none.json: cannot read the baseline", untouched: out)
        let damaged = try scratch.write(
            Data(#"{"schema":"meshbench.thresholds/1","noise_pct":"five"}"#.utf8), to: "damaged.json")
        try assertRefused(
            ["baseline-doc", "--baseline", baseline, "--thresholds", damaged, "--out", out],
            message: "damaged.json: cannot read the thresholds", untouched: out)
        try assertRefused(
            ["baseline-doc", "--baseline", thresholds, "--thresholds", thresholds, "--out", out],
            message: "thresholds.json: cannot read the baseline", untouched: out)
        try assertRefused(
            [
                "baseline-doc", "--baseline", baseline, "--thresholds", thresholds, "--out", out,
                "--templates", try brokenTemplate("performance-baseline"),
            ],
            message: "templates/performance-baseline.mustache:4:", untouched: out)
        let blocker = try scratch.write(Data(), to: "blocker")
        try assertRefused(
            ["baseline-doc", "--baseline", baseline, "--thresholds", thresholds, "--out", blocker + "/doc.md"],
            message: "output folder is not writable", untouched: blocker + "/doc.md")
    }

    // MARK: report with thresholds

    func testReportReadsThresholdsForTheNoiseBandAndRefusesABadOne() throws {
        let input = try scratch.write(Fixtures.json(Fixtures.withBaseline), to: "results.json")
        let thresholds = try scratch.write(TrendFixtures.json(TrendFixtures.thresholds), to: "thresholds.json")
        let result = try run([input, "--thresholds", thresholds, "--out", "out", "--quiet"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try Data(contentsOf: URL(fileURLWithPath: scratch.path("out/benchmark-results.json")))
        let reread = try FormatsJSON.decoder().decode(ResultsDocument.self, from: json)
        XCTAssertNil(
            reread.comparison?.noisePct,
            "the thresholds only feed the charts; benchmark-results.json stays what analyze wrote")
        let out = scratch.path("refused")
        try assertRefused(
            [input, "--thresholds", "missing.json", "--out", out], message: "missing.json: cannot read the thresholds",
            untouched: out)
    }
}
