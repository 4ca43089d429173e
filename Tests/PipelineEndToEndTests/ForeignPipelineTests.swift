import ExecutableTesting
import Foundation
import XCTest

/// Other harnesses' files through the built `analyze | render`, as a team would pipe them: one
/// committed fixture of each format (Tests/Fixtures/foreign-formats), the issue's literal hyperfine
/// line, and a live hyperfine A/B through `analyze compare` where hyperfine is installed.
final class ForeignPipelineTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    private static let fixtures = root.appendingPathComponent("Tests/Fixtures/foreign-formats")
    private static let thresholds = root.appendingPathComponent(".benchmarks/thresholds.json").path

    private func tools() throws -> (analyze: String, render: String) {
        (try BuiltExecutable("analyze").url.path, try BuiltExecutable("render").url.path)
    }

    /// Pipes `fixture` through `analyze | render` and returns the report's text.
    private func pipe(
        _ fixture: String, expecting metric: String, file: StaticString = #filePath, line: UInt = #line
    ) throws -> String {
        let scratch = try ScratchFolder("foreign")
        defer { scratch.remove() }
        let (analyze, render) = try tools()
        let input = Self.fixtures.appendingPathComponent(fixture).path
        let run = try runShell(
            "\(analyze) --thresholds \(Self.thresholds) --no-baseline --quiet '\(input)' | \(render) --out artifacts --quiet",
            in: scratch.url)
        XCTAssertEqual(run.status, 0, "\(fixture): \(run.stderr)", file: file, line: line)
        let artifacts = scratch.url.appendingPathComponent("artifacts")
        for name in ["benchmark-report.md", "pr-comment.md", "benchmark-results.json", "latency-spectrum.png"] {
            let size =
                (try? FileManager.default.attributesOfItem(atPath: artifacts.appendingPathComponent(name).path)[.size]
                    as? Int) ?? 0
            XCTAssertGreaterThan(size, 100, "\(fixture): \(name) missing or empty", file: file, line: line)
        }
        let report = try String(contentsOf: artifacts.appendingPathComponent("benchmark-report.md"), encoding: .utf8)
        XCTAssertTrue(report.contains(metric), "\(fixture): the report does not name \(metric)", file: file, line: line)
        return report
    }

    func testEachFormatsFixtureBecomesAReportWithCharts() throws {
        let hyperfine = try pipe("hyperfine/hyperfine-two-commands.json", expecting: "sleep 0.02")
        XCTAssertTrue(
            hyperfine.contains("imported from hyperfine JSON"), "the environment says where the run came from")
        _ = try pipe("google-benchmark/google-benchmark-repetitions.json", expecting: "BM\\_memcpy/4096 real\\_time")
        let pytest = try pipe("pytest-benchmark/pytest-benchmark-data.json", expecting: "test\\_sort")
        XCTAssertTrue(pytest.contains("AMD EPYC"), "machine_info's CPU is in the report's environment")
        _ = try pipe("pytest-benchmark/pytest-benchmark-saved-summary.json", expecting: "summary only")
        _ = try pipe("go/go-test-output.txt", expecting: "BenchmarkDeflate-2 MB/s")
        _ = try pipe("go/go-spec-edge-cases.txt", expecting: "L1-miss-ns/op")
    }

    func testACommandNameIsEscapedLikeAnyUntrustedName() throws {
        let scratch = try ScratchFolder("foreign-escape")
        defer { scratch.remove() }
        let export =
            #"{"results": [{"command": "echo \"<img src=x>\" | wc -l\n# heading", "times": [0.01, 0.012, 0.011]}]}"#
        try Data(export.utf8).write(to: scratch.url.appendingPathComponent("h.json"))
        let (analyze, render) = try tools()
        let run = try runShell(
            "\(analyze) --thresholds \(Self.thresholds) --no-baseline --quiet h.json | \(render) --out artifacts --quiet",
            in: scratch.url)
        XCTAssertEqual(run.status, 0, run.stderr)
        let report = try String(
            contentsOf: scratch.url.appendingPathComponent("artifacts/benchmark-report.md"), encoding: .utf8)
        XCTAssertFalse(report.contains("<img"), "raw HTML from a command name reached the report")
        XCTAssertFalse(report.contains("\n# heading"), "a newline in a command name broke out of its line")
        XCTAssertTrue(report.contains("wc -l"))
    }

    func testABadFileIsExit2WithFileLineAndNothingWritten() throws {
        let scratch = try ScratchFolder("foreign-bad")
        defer { scratch.remove() }
        let full = try Data(
            contentsOf: Self.fixtures.appendingPathComponent("google-benchmark/google-benchmark-single.json"))
        try full.prefix(full.count / 2).write(to: scratch.url.appendingPathComponent("g.json"))
        let analyze = try BuiltExecutable("analyze")
        let run = try analyze.run(
            ["--thresholds", Self.thresholds, "--no-baseline", "--out", "results.json", "g.json"], in: scratch.url)
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(
            run.stderr.contains("g.json:") && run.stderr.contains("Google Benchmark JSON: truncated"), run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.path("results.json")))
    }

    private func hyperfine() throws -> String {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let path = "\(folder)/hyperfine"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        throw XCTSkip(
            "hyperfine is not installed: `apt-get install -y hyperfine` (scripts/install-deps.sh does) to run the live hyperfine tests"
        )
    }

    /// The issue's line, literally, with the built tools first on PATH and the repository's
    /// thresholds where analyze looks for them.
    func testTheLiteralHyperfineLine() throws {
        _ = try hyperfine()
        let scratch = try ScratchFolder("foreign-literal")
        defer { scratch.remove() }
        let benchmarks = scratch.url.appendingPathComponent(".benchmarks")
        try FileManager.default.createDirectory(at: benchmarks, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: Self.thresholds, toPath: benchmarks.appendingPathComponent("thresholds.json").path)
        let bin = try BuiltExecutable("analyze").url.deletingLastPathComponent().path
        let run = try runShell(
            "export PATH=\(bin):$PATH; hyperfine --export-json h.json 'sleep 0.01' && analyze h.json | render --out artifacts",
            in: scratch.url)
        XCTAssertEqual(run.status, 0, run.stderr)
        for name in ["benchmark-report.md", "pr-comment.md", "latency-spectrum.png"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: scratch.path("artifacts/\(name)")), "\(name) missing")
        }
    }

    /// Two real hyperfine runs under one command name, 20 ms apart by construction: compare must
    /// call it a regression past FAIL (exit 1) with a delta whose CI excludes zero.
    func testALiveHyperfineABIsComparedAndTheKnownSlowdownFound() throws {
        let hyperfine = try hyperfine()
        let scratch = try ScratchFolder("foreign-ab")
        defer { scratch.remove() }
        for (file, seconds) in [("a.json", "0.01"), ("b.json", "0.03")] {
            let run = try runShell(
                "\(hyperfine) -N --warmup 2 --runs 20 --command-name sleep --export-json \(file) 'sleep \(seconds)'",
                in: scratch.url)
            XCTAssertEqual(run.status, 0, run.stderr)
        }
        let (analyze, render) = try tools()
        let compare = try runShell(
            "\(analyze) compare a.json b.json --thresholds \(Self.thresholds) --noise-floors none.json --out results.json",
            in: scratch.url)
        XCTAssertEqual(
            compare.status, 1, "a 20 ms slowdown of a 10 ms command is past latency FAIL (+50 %): \(compare.stderr)")
        let results =
            try JSONSerialization.jsonObject(with: Data(contentsOf: scratch.url.appendingPathComponent("results.json")))
            as? [String: Any]
        let metric = try XCTUnwrap(
            (results?["metrics"] as? [[String: Any]])?.first { $0["metric"] as? String == "sleep" })
        let change = try XCTUnwrap(metric["change"] as? [String: Any])
        XCTAssertEqual(change["verdict"] as? String, "fail")
        let ci = try XCTUnwrap(change["ci"] as? [Double])
        XCTAssertGreaterThan(ci[0], 50, "the whole CI of the delta lies past +50 %")
        let rendered = try runShell("\(render) results.json --out artifacts --quiet", in: scratch.url)
        XCTAssertEqual(rendered.status, 0, rendered.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: scratch.path("artifacts/baseline-delta.png")))
    }
}

/// docs/own-benchmarks.md shows the workflow CI lints (docs/examples/, scripts/check-workflow.sh)
/// and the literal line the tests run, so the page cannot drift from what is checked.
final class OwnBenchmarksDocTests: XCTestCase {
    func testThePageHoldsTheLintedWorkflowAndTheTestedLine() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let page = try String(contentsOf: root.appendingPathComponent("docs/own-benchmarks.md"), encoding: .utf8)
        let workflow = try String(
            contentsOf: root.appendingPathComponent("docs/examples/hyperfine-pr-comment.yml"), encoding: .utf8)
        XCTAssertTrue(
            page.contains("```yaml\n\(workflow)```"),
            "the page's workflow differs from docs/examples/hyperfine-pr-comment.yml")
        XCTAssertTrue(
            page.contains("hyperfine --export-json h.json 'sleep 0.01' && analyze h.json | render --out artifacts"))
    }
}
