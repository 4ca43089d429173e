import ExecutableTesting
import Foundation
import XCTest

/// The built `bench`, `analyze` and `render`, and the repository's thresholds file.
private enum BuiltTools {
    static func paths() throws -> (bench: String, analyze: String, render: String, thresholds: String) {
        let thresholds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".benchmarks/thresholds.json").path
        return (
            try BuiltExecutable("bench").url.path, try BuiltExecutable("analyze").url.path,
            try BuiltExecutable("render").url.path, thresholds
        )
    }
}

/// The CI line, literally: `bench --tier 1 | analyze | render --out DIR`, with the built tools.
final class LiteralPipelineTests: XCTestCase {
    func testTierOnePipeProducesTheReportJSONAndCharts() throws {
        let scratch = try ScratchFolder("pipeline")
        defer { scratch.remove() }
        let (bench, analyze, render, thresholds) = try BuiltTools.paths()
        let command =
            "\(bench) --tier 1 --quiet | \(analyze) --thresholds \(thresholds) --no-baseline | \(render) --out artifacts --quiet"
        let run = try runShell(command, in: scratch.url)
        XCTAssertEqual(run.status, 0, run.stderr)
        let artifacts = scratch.url.appendingPathComponent("artifacts")
        for name in [
            "benchmark-report.md", "pr-comment.md", "benchmark-results.json", "latency-spectrum.png",
            "benchmark-graphs.png",
        ] {
            let path = artifacts.appendingPathComponent(name).path
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            XCTAssertGreaterThan(size, 100, "\(name) is missing or empty after the pipe")
        }
        let report = try String(contentsOf: artifacts.appendingPathComponent("benchmark-report.md"), encoding: .utf8)
        XCTAssertTrue(report.contains("tier1.propagation-3"), "the report does not mention the propagation scenario")
        XCTAssertTrue(
            report.contains("### Where the time goes") && report.contains("](latency-breakdown.png)"),
            "the smoke tier records phase timings: its report shows the breakdown")
    }
}

/// The phase breakdown and the traced topology end to end, from a real mesh: bench records them,
/// analyze summarises and rebuilds them, render draws them and the report shows them.
final class BreakdownAndTopologyPipelineTests: XCTestCase {
    func testPropagationScenarioYieldsTheBreakdownAndTopologyChartsAndSections() throws {
        let scratch = try ScratchFolder("breakdown")
        defer { scratch.remove() }
        let (bench, analyze, render, thresholds) = try BuiltTools.paths()
        let command =
            "\(bench) --scenario tier2.propagation-5 --events 20 --quiet"
            + " | \(analyze) --thresholds \(thresholds) --no-baseline --out results.json"
            + " && \(render) results.json --out artifacts --quiet"
        let run = try runShell(command, in: scratch.url)
        XCTAssertEqual(run.status, 0, run.stderr)
        let artifacts = scratch.url.appendingPathComponent("artifacts")
        for name in ["latency-breakdown.png", "topology.png"] {
            let bytes = [UInt8]((try? Data(contentsOf: artifacts.appendingPathComponent(name))) ?? Data())
            XCTAssertEqual(Array(bytes.prefix(4)), [0x89, 0x50, 0x4E, 0x47], "\(name) is missing or not a PNG")
        }
        let results =
            try JSONSerialization.jsonObject(with: Data(contentsOf: scratch.url.appendingPathComponent("results.json")))
            as? [String: Any]
        let topology = try XCTUnwrap(results?["topology"] as? [String: Any], "analyze did not rebuild results.topology")
        XCTAssertEqual(topology["scenario"] as? String, "tier2.propagation-5")
        XCTAssertEqual(topology["kind"] as? String, "ring")
        XCTAssertEqual(topology["nodes"] as? Int, 5)
        XCTAssertEqual(topology["diameter"] as? Int, 2)
        XCTAssertEqual(
            (topology["arrivals"] as? [Any])?.count, 5, "the traced event reaches all 5 nodes (publisher at 0 hops)")
        let report = try String(contentsOf: artifacts.appendingPathComponent("benchmark-report.md"), encoding: .utf8)
        XCTAssertTrue(report.contains("### Where the time goes"), "no phase table in the report")
        for phase in ["decode", "verify", "store", "match", "forward"] {
            XCTAssertTrue(
                report.contains("| tier2.propagation-5 | \(phase) |"), "phase \(phase) missing from the report's table")
        }
        XCTAssertTrue(
            report.contains("](latency-breakdown.png)") && report.contains("](topology.png)"), "charts not embedded")
    }
}
