import BenchFormats
import ExecutableTesting
import Foundation
import XCTest

/// Issue 12 as render meets it: hostile or mistaken input ends with exit 2 and a message, never
/// a trap or unbounded memory; the output folder ends with exactly one run's files.
final class RenderHardeningTests: RenderTestCase {
    // Class 1.

    func testAQueueDepthOf1e300IsDrawnNotATrap() throws {
        var document = Fixtures.withBaseline
        let index = try XCTUnwrap(document.series.firstIndex { $0.metric == "queue_depth" })
        document.series[index].values[3] = 1e300
        let run = try render.run([
            try scratch.write(Fixtures.json(document), to: "results.json"), "--out", scratch.path("out"), "--quiet",
        ])
        XCTAssertEqual(run.status, 0, run.stderr)
    }

    func testFlameGraphCountsThatOverflowAndDeepStacksAreRefused() throws {
        let overflow = "a;b \(Int.max)\na;c 1\n"
        let deep = (0..<100_000).map { "f\($0)" }.joined(separator: ";") + " 1\n"
        for (name, text, message) in [
            ("overflow", overflow, "add up to more than"), ("deep", deep, "MESHBENCH_MAX_STACK_FRAMES"),
        ] {
            let run = try render.run([
                "flamegraph", try scratch.write(Data(text.utf8), to: name), "--out", scratch.path("\(name).png"),
            ])
            XCTAssertEqual(run.status, 2, "\(name): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains(message), "\(name): \(run.stderr)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.path("\(name).png")))
        }
    }

    func testClosedStandardOutputWithBaselineDocToStdoutIsAnError() throws {
        let baseline = GoldenFiles.repositoryRoot.appendingPathComponent(".benchmarks/baseline.json").path
        let thresholds = GoldenFiles.repositoryRoot.appendingPathComponent(".benchmarks/thresholds.json").path
        let r = try runShell(
            "exec >&-; '\(render.url.path)' baseline-doc --baseline '\(baseline)' --thresholds '\(thresholds)' --no-bottlenecks --out /dev/stdout",
            in: scratch.url)
        XCTAssertEqual(r.status, 2, r.stderr)
    }

    // Class 2.

    func testEndlessStandardInputIsCutAtTheCap() throws {
        let r = try runShell(
            "MESHBENCH_MAX_DOCUMENT_MB=8 '\(render.url.path)' - --out out < /dev/zero", in: scratch.url)
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("MESHBENCH_MAX_DOCUMENT_MB"), r.stderr)
        XCTAssertEqual(scratch.files(in: "."), [])
    }

    func testAHugeTopologyIsNotDrawnAndSaysWhy() throws {
        for nodes in [1_000_000_000, 5_000] {
            var document = Fixtures.withBaseline
            document.topology?.nodes = nodes
            let run = try render.run([
                try scratch.write(Fixtures.json(document), to: "results.json"), "--out", scratch.path("out-\(nodes)"),
            ])
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssertTrue(run.stderr.contains("MESHBENCH_MAX_DRAWN_NODES"), run.stderr)
        }
    }

    // Class 3 and 4.

    func testAnOlderRunsChartsDoNotStayBesideANewReport() throws {
        let out = scratch.path("artifacts")
        XCTAssertEqual(
            try render.run([
                try scratch.write(Fixtures.json(Fixtures.withBaseline), to: "a.json"), "--out", out, "--quiet",
            ]).status, 0)
        try Data("keep".utf8).write(to: URL(fileURLWithPath: out + "/raw-samples.jsonl"))
        let first = Set(scratch.files(in: "artifacts"))
        XCTAssertEqual(
            try render.run([
                try scratch.write(Fixtures.json(Fixtures.withoutBaseline), to: "b.json"), "--out", out, "--quiet",
            ]).status, 0)
        let second = Set(scratch.files(in: "artifacts"))
        XCTAssertTrue(second.contains("raw-samples.jsonl"), "a file render did not write was removed")
        XCTAssertFalse(second.contains("baseline-delta.png"), "the older run's chart stayed: \(second.sorted())")
        XCTAssertTrue(first.contains("baseline-delta.png"))
        XCTAssertFalse(second.contains { $0.hasPrefix(".meshbench-") }, "temporary files left: \(second.sorted())")
    }

    func testTwoConcurrentRendersIntoOneFolderNeverMix() throws {
        let a = try scratch.write(Fixtures.json(Fixtures.withBaseline), to: "a.json")
        let b = try scratch.write(Fixtures.json(Fixtures.withoutBaseline), to: "b.json")
        let bin = render.url.path
        do {  // one pair here; scripts/bench/concurrent_commits.py runs 20
            let r = try runShell(
                "'\(bin)' '\(a)' --out out --quiet & '\(bin)' '\(b)' --out out --quiet & wait", in: scratch.url)
            XCTAssertEqual(r.status, 0, r.stderr)
            let results = try Data(contentsOf: URL(fileURLWithPath: scratch.path("out/benchmark-results.json")))
            let which =
                try FormatsJSON.decoder().decode(ResultsDocument.self, from: results) == Fixtures.withBaseline
                ? "a" : "b"
            let listed = try String(contentsOfFile: scratch.path("out/.render-report.files"), encoding: .utf8)
            let present = Set(scratch.files(in: "out").filter { !$0.hasPrefix(".") })
            XCTAssertEqual(
                present, Set(listed.split(separator: "\n").map(String.init)),
                "the folder mixes two runs (results from \(which))")
            XCTAssertEqual(present.contains("baseline-delta.png"), which == "a")
        }
    }

    // Class 9.

    func testAHistoryEntryIsNamedAsSuch() throws {
        let entry = HistoryEntry(
            recordedAt: Date(timeIntervalSince1970: 0), run: Fixtures.withBaseline.run, metrics: [])
        let path = try HistoryFolder.write(entry, to: scratch.path("history"))
        let run = try render.run([path, "--out", scratch.path("out")])
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertTrue(run.stderr.contains("history entry"), run.stderr)
        XCTAssertFalse(run.stderr.contains("raw samples"), run.stderr)
    }

    func testJSONErrorsCarryALineAndColumn() throws {
        let run = try render.run([
            try scratch.write(
                Data("{\n  \"schema\": \"meshbench.results/1\",\n  \"verdict\": pass\n}\n".utf8), to: "bad.json"),
            "--out", scratch.path("out"),
        ])
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertTrue(run.stderr.contains("bad.json:3:"), run.stderr)
    }
}
