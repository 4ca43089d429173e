import ExecutableTesting
import Foundation
import XCTest

/// `analyze noise` and `analyze compare --a … --b …` through the built binary.
final class AnalyzeNoiseAndRepetitionsTests: AnalyzeWorkspaceTestCase {
    func file(_ values: [Double], _ name: String) throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(SamplesText.file([SamplesText.samplesLine(values)]).utf8).write(to: url)
        return url.path
    }

    func testNoiseStoresTheFloorInTheBaseline() throws {
        let runs = try [100.0, 110, 90].enumerated().map { try file([$1 - 1, $1, $1 + 1], "aa-\($0).jsonl") }
        XCTAssertEqual(try AnalyzeBinary.run(["--update-baseline", "--out", "r.json", runs[0]], in: dir).status, 0)
        let r = try AnalyzeBinary.run(["noise", "--update-baseline"] + runs, in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
        let metric = try XCTUnwrap((report["metrics"] as? [[String: Any]])?.first)
        XCTAssertEqual(try XCTUnwrap(metric["cv_pct"] as? Double), 10, accuracy: 1e-9)
        let baseline = try XCTUnwrap(
            JSONSerialization.jsonObject(
                with: Data(contentsOf: dir.appendingPathComponent(".benchmarks/baseline.json"))) as? [String: Any])
        let stored = try XCTUnwrap((baseline["metrics"] as? [[String: Any]])?.first?["noise_floor_pct"] as? Double)
        XCTAssertEqual(stored, 10, accuracy: 1e-9)
    }

    func testCompareWithAsManyFilesPerSideAsRoundsIsPaired() throws {
        let a = try (0..<3).map { try file((0..<20).map { Double($0) + 100 + Double($0 % 3) }, "a\($0).jsonl") }
        let b = try (0..<3).map { r in try file((0..<20).map { Double($0) + 130 + Double(r) }, "b\(r).jsonl") }
        let r = try AnalyzeBinary.run(["compare", "--a"] + a + ["--b"] + b, in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
        let change = try XCTUnwrap((doc["metrics"] as? [[String: Any]])?.first?["change"] as? [String: Any])
        XCTAssertEqual(change["test_level"] as? String, "paired_rounds")
        XCTAssertTrue(
            (change["reason"] as? String ?? "").contains("paired t-test of 3 interleaved rounds"), "\(change)")
        let notes = doc["notes"] as? [String] ?? []
        XCTAssertTrue(notes.contains { $0.contains("no stored A/A noise floor is used") }, "\(notes)")
    }
}
