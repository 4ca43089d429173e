import BenchFormats
import ExecutableTesting
import Foundation
import XCTest

/// `render` as CI runs it: the built binary on a results file, checked for every file it must
/// write, and for every bad input: exit 2, a message naming the problem, nothing written.
final class EndToEndTests: RenderTestCase {
    func testResultsWithBaselineProduceEveryExpectedFile() throws {
        let input = try scratch.write(Fixtures.json(Fixtures.withBaseline), to: "results.json")
        let out = scratch.path("artifacts")
        let run = try render.run([input, "--out", out, "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr, "", "--quiet prints nothing on success")
        for file in ExpectedFiles.withBaseline {
            XCTAssertTrue(
                FileManager.default.fileExists(atPath: out + "/" + file),
                "missing \(file); got \(scratch.files(in: out))")
        }
        let json = try Data(contentsOf: URL(fileURLWithPath: out + "/benchmark-results.json"))
        let reread = try FormatsJSON.decoder().decode(ResultsDocument.self, from: json)
        XCTAssertEqual(reread, Fixtures.withBaseline, "benchmark-results.json must carry the results unchanged")
    }

    func testStandardInputIsRead() throws {
        let out = scratch.path("from-stdin")
        let run = try render.run(["-", "--out", out], stdin: Fixtures.json(Fixtures.withoutBaseline))
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/benchmark-report.md"))
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: out + "/baseline-delta.png"), "no baseline, no delta chart")
    }

    func testScaleMultipliesPixelSize() throws {
        let input = try scratch.write(Fixtures.json(Fixtures.withBaseline), to: "results.json")
        let out = scratch.path("hidpi")
        let run = try render.run([input, "--out", out, "--scale", "2", "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let png = try XCTUnwrap(PNGInspector(path: out + "/latency-spectrum.png"))
        XCTAssertEqual(png.width, 1920)
        XCTAssertEqual(png.height, 1080)
    }

    // MARK: bad input: exit 2, a message, nothing written

    private func assertRefused(
        _ arguments: [String], stdin: Data? = nil, message: String,
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let out = scratch.path("refused-out")
        let run = try render.run(arguments + ["--out", out], stdin: stdin)
        XCTAssertEqual(run.status, 2, "exit code; stderr: \(run.stderr)", file: file, line: line)
        XCTAssertTrue(
            run.stderr.contains(message), "stderr should say \"\(message)\", got: \(run.stderr)", file: file, line: line
        )
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: out), "nothing may be written on bad input", file: file, line: line)
    }

    func testRawSamplesAreRefusedWithAHint() throws {
        let samples = """
            {"schema":"meshbench.samples/1","type":"run","run_id":"r1"}
            {"type":"samples","scenario":"s","metric":"m","unit":"ms","better":"lower","values":[1,2]}
            """
        let input = try scratch.write(Data(samples.utf8), to: "samples.jsonl")
        try assertRefused([input], message: "this is a raw samples file: run analyze first")
    }

    func testGzippedSamplesAreRefusedWithAHint() throws {
        let input = try scratch.write(Data([0x1F, 0x8B, 0x08, 0x00, 0x00]), to: "samples.jsonl.gz")
        try assertRefused([input], message: "run analyze first")
    }

    func testMissingFileIsRefused() throws {
        try assertRefused(
            [scratch.path("nope.json")], message: "nope.json: cannot read the results file (no such file)")
    }

    func testNonJSONIsRefused() throws {
        let input = try scratch.write(Data("hello, world".utf8), to: "results.json")
        try assertRefused([input], message: "not a JSON results document")
    }

    func testEmptyStandardInputIsRefused() throws {
        try assertRefused(
            ["-"], stdin: Data(), message: "standard input: not a JSON results document (the input is empty")
    }

    func testOtherMeshBenchFileKindIsRefused() throws {
        let input = try scratch.write(Data(#"{"schema":"meshbench.baseline/1"}"#.utf8), to: "results.json")
        try assertRefused([input], message: "render baseline-doc")
    }

    func testInvalidTemplateNamesFileAndLine() throws {
        let input = try scratch.write(Fixtures.json(Fixtures.withBaseline), to: "results.json")
        let templates = scratch.path("templates")
        try FileManager.default.createDirectory(atPath: templates, withIntermediateDirectories: true)
        try Data("# Report\n\n{{#verdict}}\nunclosed section\n".utf8)
            .write(to: URL(fileURLWithPath: templates + "/benchmark-report.mustache"))
        try assertRefused([input, "--templates", templates], message: "benchmark-report.mustache:")
        let run = try render.run([input, "--templates", templates, "--out", scratch.path("x")])
        XCTAssertTrue(run.stderr.contains("is never closed"), run.stderr)
    }

    func testMissingTemplateFolderIsRefused() throws {
        let input = try scratch.write(Fixtures.json(Fixtures.withBaseline), to: "results.json")
        try assertRefused(
            [input, "--templates", scratch.path("no-such-templates")], message: "template folder does not exist")
    }

    func testUnwritableOutputFolderFailsBeforeDrawing() throws {
        let input = try scratch.write(Fixtures.json(Fixtures.withBaseline), to: "results.json")
        let blocker = scratch.path("a-file")
        try Data().write(to: URL(fileURLWithPath: blocker))
        let run = try render.run([input, "--out", blocker + "/artifacts"])
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertTrue(run.stderr.contains("output folder is not writable"), run.stderr)
    }

    func testBadScaleIsAUsageError() throws {
        let input = try scratch.write(Fixtures.json(Fixtures.withBaseline), to: "results.json")
        try assertRefused([input, "--scale", "0"], message: "--scale must be between 0.5 and 4")
    }

    func testUnknownOptionIsAUsageError() throws {
        try assertRefused(["--no-such-option"], message: "no-such-option")
    }
}
