import ExecutableTesting
import Foundation
import XCTest

/// `cat samples | analyze` through a real shell pipe (plain and gzip), and the shape of the
/// results JSON that render relies on.
final class AnalyzePipeAndShapeTests: AnalyzeWorkspaceTestCase {
    /// Runs `sh -c script` in the scratch folder with `$ANALYZE` set to the built binary.
    func shell(_ script: String) throws -> (status: Int32, stdout: Data) {
        var env = ProcessInfo.processInfo.environment
        env["ANALYZE"] = try AnalyzeBinary.url().path
        let run = try BuiltExecutable(program: "/bin/sh").run(["-c", script], in: dir, environment: env)
        return (run.status, run.stdout)
    }

    func sampleFile() throws -> String {
        let counter =
            #"{"type":"counter","scenario":"tier1.propagation-3","metric":"frames_per_event","unit":"frames","value":6}"#
        let series =
            #"{"type":"series","scenario":"tier1.propagation-3","metric":"rss","unit":"MB","node":0,"t":[0,1,2],"values":[10,12,11]}"#
        let outcome =
            #"{"type":"outcome","test":"tier1.propagation-3","tier":1,"attempt":1,"status":"pass","duration_ms":12,"message":""}"#
        let text = SamplesText.file([SamplesText.samplesLine((1...50).map(Double.init)), counter, series, outcome])
        try Data(text.utf8).write(to: dir.appendingPathComponent("run.jsonl"))
        return "run.jsonl"
    }

    func testPlainAndGzipThroughAShellPipe() throws {
        let file = try sampleFile()
        let plain = try shell("cat \(file) | \"$ANALYZE\" --quiet --no-baseline")
        XCTAssertEqual(plain.status, 0)
        let gz = try shell("gzip -c \(file) | \"$ANALYZE\" --quiet --no-baseline -")
        XCTAssertEqual(gz.status, 0)
        let a = try XCTUnwrap(JSONSerialization.jsonObject(with: plain.stdout) as? [String: Any])
        let b = try XCTUnwrap(JSONSerialization.jsonObject(with: gz.stdout) as? [String: Any])
        XCTAssertEqual((a["metrics"] as? [[String: Any]])?.first?["p95"] as? Double, 47.55)  // np.quantile(1..50, .95)
        XCTAssertEqual(
            (a["metrics"] as? [[String: Any]])?.first?["p95"] as? Double,
            (b["metrics"] as? [[String: Any]])?.first?["p95"] as? Double)
    }

    func testResultsCarryEveryFieldRenderReads() throws {
        let file = try sampleFile()
        XCTAssertEqual(try shell("\"$ANALYZE\" --quiet --update-baseline --out first.json \(file)").status, 0)
        let r = try shell("cat \(file) | \"$ANALYZE\" --quiet")
        XCTAssertEqual(r.status, 0)
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
        for key in [
            "schema", "run", "generated_at", "verdict", "verdict_reason", "metrics", "counters", "checks", "series",
            "outcomes", "trends", "flakes", "notes", "comparison",
        ] {
            XCTAssertNotNil(doc[key], "results lack `\(key)`")
        }
        let metric = try XCTUnwrap((doc["metrics"] as? [[String: Any]])?.first)
        for key in [
            "scenario", "metric", "unit", "better", "n", "runs", "mean", "sd", "min", "p50", "p90", "p95", "p99",
            "p999",
            "max", "ci", "spectrum", "baseline", "change",
        ] {
            XCTAssertNotNil(metric[key], "metric lacks `\(key)`")
        }
        let change = try XCTUnwrap(metric["change"] as? [String: Any])
        for key in ["delta_pct", "ci", "welch", "mann_whitney", "q", "verdict", "reason", "test_level"] {
            XCTAssertNotNil(change[key], "change lacks `\(key)`")
        }
        XCTAssertEqual(change["delta_pct"] as? Double, 0)
        XCTAssertEqual(change["verdict"] as? String, "noise")
        XCTAssertEqual((doc["counters"] as? [[String: Any]])?.first?["verdict"] as? String, "noise")
        XCTAssertEqual((doc["series"] as? [[String: Any]])?.first?["values"] as? [Double], [10, 12, 11])
        let checks = try XCTUnwrap(doc["checks"] as? [[String: Any]])
        XCTAssertEqual(
            checks.first { $0["name"] as? String == "leak" }?["status"] as? String, "skipped",
            "2 s of RSS cannot be extrapolated to a 10-minute leak verdict")
        XCTAssertEqual((doc["comparison"] as? [String: Any])?["comparable"] as? Bool, true)
    }
}
