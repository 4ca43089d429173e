import ExecutableTesting
import Foundation
import XCTest

/// The regression gate through the built binary (issue 10): a baseline from another machine
/// class never yields "no regression", `--require-timings` fails such a run, and `analyze compare`
/// with the same number of rounds per side judges each metric by the paired test of its rounds.
final class AnalyzeGateTests: AnalyzeWorkspaceTestCase {
    let values = (0..<200).map { 10 + 2 * sin(Double($0)) }

    func write(_ values: [Double], _ name: String, host: String = "host-a") throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(SamplesText.file([SamplesText.samplesLine(values)], host: host).utf8).write(to: url)
        return url.path
    }

    func testAnotherMachineClassSaysTimingsWereNotComparedAndCanBeRequired() throws {
        let base = try write(values, "base.jsonl")
        XCTAssertEqual(try AnalyzeBinary.run(["--update-baseline", "--out", "first.json", base], in: dir).status, 0)
        let slower = try write(values.map { $0 * 1.6 }, "slow.jsonl", host: "host-b")
        let r = try AnalyzeBinary.run(["--out", "r.json", slower], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("verdict PASS"), r.stderr)
        XCTAssertFalse(r.stderr.lowercased().contains("no regression"), r.stderr)
        XCTAssertTrue(r.stderr.contains("timings not compared: baseline from another machine class"), r.stderr)
        XCTAssertTrue(r.stderr.contains("make compare"), r.stderr)

        let required = try AnalyzeBinary.run(["--require-timings", "--out", "r2.json", slower], in: dir)
        XCTAssertEqual(required.status, 1, required.stderr)
        XCTAssertTrue(required.stderr.contains("verdict FAIL"), required.stderr)
        XCTAssertTrue(required.stderr.contains("--require-timings"), required.stderr)
    }

    func testSameClassRegressionFailsNamingTheMetric() throws {
        let base = try write(values, "base.jsonl")
        XCTAssertEqual(try AnalyzeBinary.run(["--update-baseline", "--out", "first.json", base], in: dir).status, 0)
        let r = try AnalyzeBinary.run(["--out", "r.json", try write(values.map { $0 * 1.6 }, "slow.jsonl")], in: dir)
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("tier1.propagation-3/latency regressed"), r.stderr)
    }

    func testCompareOfRoundsIsDecidedByThePairedTest() throws {
        // Each round's runs share a machine state (factor); B is 30 % slower in every round.
        let factors = [1.0, 1.4, 0.8, 1.2]
        var a: [String] = []
        var b: [String] = []
        for (round, factor) in factors.enumerated() {
            let slowdown = 1.3 * (1 + 0.01 * Double(round))
            a.append(try write(values.map { $0 * factor }, "a\(round).jsonl"))
            b.append(try write(values.map { $0 * factor * slowdown }, "b\(round).jsonl"))
        }
        let r = try AnalyzeBinary.run(["compare", "--a"] + a + ["--b"] + b, in: dir)
        XCTAssertEqual(r.status, 0, "+30 % is a WARN, not a FAIL: \(r.stderr)")
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
        let change = try XCTUnwrap((doc["metrics"] as? [[String: Any]])?.first?["change"] as? [String: Any])
        XCTAssertEqual(change["test_level"] as? String, "paired_rounds")
        XCTAssertEqual(change["verdict"] as? String, "warn", "\(change)")
        XCTAssertTrue(
            (change["reason"] as? String ?? "").contains("paired t-test of 4 interleaved rounds"), "\(change)")
        let comparison = try XCTUnwrap(doc["comparison"] as? [String: Any])
        XCTAssertTrue((comparison["reference"] as? String ?? "").contains("4 interleaved rounds"), "\(comparison)")
    }
}
