import ExecutableTesting
import Foundation
import XCTest

/// The CI line, literally: `bench --tier 1 | analyze | render --out DIR`, with the built tools.
final class LiteralPipelineTests: XCTestCase {
    func testTierOnePipeProducesTheReportJSONAndCharts() throws {
        let scratch = try ScratchFolder("pipeline")
        defer { scratch.remove() }
        let bench = try BuiltExecutable("bench").url.path
        let analyze = try BuiltExecutable("analyze").url.path
        let render = try BuiltExecutable("render").url.path
        let thresholds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".benchmarks/thresholds.json").path
        let command = "\(bench) --tier 1 --quiet | \(analyze) --thresholds \(thresholds) --no-baseline | \(render) --out artifacts --quiet"
        let run = try runShell(command, in: scratch.url)
        XCTAssertEqual(run.status, 0, run.stderr)
        let artifacts = scratch.url.appendingPathComponent("artifacts")
        for name in ["benchmark-report.md", "pr-comment.md", "benchmark-results.json", "latency-spectrum.png", "benchmark-graphs.png"] {
            let path = artifacts.appendingPathComponent(name).path
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            XCTAssertGreaterThan(size ?? 0, 100, "\(name) is missing or empty after the pipe")
        }
        let report = try String(contentsOf: artifacts.appendingPathComponent("benchmark-report.md"), encoding: .utf8)
        XCTAssertTrue(report.contains("tier1.propagation-3"), "the report does not mention the propagation scenario")
    }
}
