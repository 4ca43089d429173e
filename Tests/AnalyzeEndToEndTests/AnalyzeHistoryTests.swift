import ExecutableTesting
import Foundation
import XCTest

/// `--record`, `trends`, `prune` and the flake history through the built binary.
final class AnalyzeHistoryTests: AnalyzeWorkspaceTestCase {
    /// A run whose latency is `base` ± 1 ms and whose test failed once before passing.
    func run(_ index: Int, base: Double) throws -> String {
        let outcome1 =
            #"{"type":"outcome","test":"tier2.mesh-10","tier":2,"attempt":1,"status":"fail","duration_ms":10,"message":"timeout"}"#
        let outcome2 =
            #"{"type":"outcome","test":"tier2.mesh-10","tier":2,"attempt":2,"status":"pass","duration_ms":10,"message":""}"#
        let text = SamplesText.file(
            [SamplesText.samplesLine([base - 1, base, base + 1]), outcome1, outcome2], host: "host-a"
        )
        .replacingOccurrences(of: "\"run_id\":\"run-host-a\"", with: "\"run_id\":\"run-\(index)\"")
        let url = dir.appendingPathComponent("run-\(index).jsonl")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func benchmarksSnapshot() throws -> [String: Data] {
        let root = dir.appendingPathComponent(".benchmarks")
        var out: [String: Data] = [:]
        let walker = FileManager.default.enumerator(atPath: root.path)!
        for case let path as String in walker {
            let url = root.appendingPathComponent(path)
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue {
                out[path] = try Data(contentsOf: url)
            }
        }
        return out
    }

    func testRecordedRunsGiveTrendsAndPruneRemovesOldOnes() throws {
        for day in 0..<6 {
            let stamp = String(format: "2025-03-%02dT12:00:00Z", day + 1)
            let r = try AnalyzeBinary.run(
                [
                    "--record", "--recorded-at", stamp, "--no-baseline", "--out", "r\(day).json",
                    try run(day, base: 100 + 5 * Double(day)),
                ], in: dir)
            XCTAssertEqual(r.status, 0, r.stderr)
        }
        let history = try FileManager.default.contentsOfDirectory(
            atPath: dir.appendingPathComponent(".benchmarks/history").path)
        XCTAssertEqual(history.count, 6)
        let last = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("r5.json")))
                as? [String: Any])
        let trend = try XCTUnwrap((last["trends"] as? [[String: Any]])?.first)
        XCTAssertEqual(trend["direction"] as? String, "degrading")
        XCTAssertEqual(try XCTUnwrap(trend["slope_per_day"] as? Double), 5, accuracy: 1e-6)
        let flakes = try XCTUnwrap(last["flakes"] as? [[String: Any]])
        XCTAssertEqual(flakes.first?["runs"] as? Int, 6)
        XCTAssertEqual(flakes.first?["passes_after_retry"] as? Int, 6)

        // A corrupt entry is skipped with a warning naming it.
        try Data("not gzip".utf8).write(
            to: dir.appendingPathComponent(".benchmarks/history/2025-03-07T000000Z-bad.json"))
        let trends = try AnalyzeBinary.run(["trends", "--days", "3650"], in: dir)
        XCTAssertEqual(trends.status, 0, trends.stderr)
        XCTAssertTrue(trends.stderr.contains("2025-03-07T000000Z-bad.json"), trends.stderr)
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: trends.stdout) as? [String: Any])
        XCTAssertEqual((doc["trends"] as? [[String: Any]])?.first?["direction"] as? String, "degrading")

        let prune = try AnalyzeBinary.run(["prune", "--keep-days", "0"], in: dir)
        XCTAssertEqual(prune.status, 0, prune.stderr)
        let left = try FileManager.default.contentsOfDirectory(
            atPath: dir.appendingPathComponent(".benchmarks/history").path)
        XCTAssertEqual(left, ["2025-03-07T000000Z-bad.json"], "readable entries pruned, the unreadable one left alone")
    }

    /// A history path that is a file: exit 2, and the message says why nothing was read (the
    /// listing error used to be dropped, so it read as an empty history).
    func testAHistoryPathThatIsAFileIsNamedWithTheReason() throws {
        let history = dir.appendingPathComponent("history-file")
        try Data("not a folder".utf8).write(to: history)
        let r = try AnalyzeBinary.run(["trends", "--history-dir", history.path], in: dir)
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(
            r.stderr.contains("\(history.path): cannot list the history folder (it is not a folder"), r.stderr)
    }

    func testFewerThanFiveRunsSayInsufficientHistory() throws {
        let r = try AnalyzeBinary.run(["--record", "--no-baseline", try run(0, base: 100)], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
        XCTAssertEqual((doc["trends"] as? [[String: Any]])?.first?["direction"] as? String, "insufficient_history")
    }

    func testNothingUnderBenchmarksChangesWhenTheCommandFails() throws {
        XCTAssertEqual(
            try AnalyzeBinary.run(
                ["--record", "--update-baseline", "--out", "ok.json", try run(0, base: 100)], in: dir
            ).status, 0)
        let before = try benchmarksSnapshot()
        XCTAssertEqual(before.keys.filter { $0.hasPrefix("history/") }.count, 1)
        let broken = dir.appendingPathComponent("broken.jsonl")
        try Data((SamplesText.runLine() + "\n" + SamplesText.samplesLine([1, 2]) + "\n").utf8).write(to: broken)
        let r = try AnalyzeBinary.run(["--record", "--update-baseline", "--out", "bad.json", broken.path], in: dir)
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertEqual(try benchmarksSnapshot(), before)
    }

    func testJUnitFormatOnStandardOutput() throws {
        let r = try AnalyzeBinary.run(["--no-baseline", "--format", "junit", try run(0, base: 100)], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let xml = String(decoding: r.stdout, as: UTF8.self)
        XCTAssertTrue(xml.hasPrefix("<?xml"), xml)
        XCTAssertTrue(xml.contains("flaky: failed 1 of 2 attempts"), xml)
    }
}
