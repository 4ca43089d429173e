import BenchFormats
import ExecutableTesting
import Foundation
@testable import Reports
import XCTest

/// `render baseline-doc`: docs/performance-baseline.md from a baseline and thresholds, against
/// its golden file (regenerate with MESHBENCH_UPDATE_GOLDEN=1), valid GFM, escaped names.
final class BaselineDocTests: ScratchTestCase {
    private func render() throws -> String {
        let baseline = scratch.path("baseline.json"), thresholds = scratch.path("thresholds.json")
        try TrendFixtures.baseline.write(to: baseline)
        try TrendFixtures.thresholds.write(to: thresholds)
        let out = scratch.path("docs/performance-baseline.md")
        let options = BaselineDocPipeline.Options(baselinePath: baseline, thresholdsPath: thresholds, outputPath: out)
        _ = try BaselineDocPipeline(options: options).run()
        // The golden file must not depend on the scratch folder's random name.
        return try String(contentsOfFile: out, encoding: .utf8).replacingOccurrences(
            of: scratch.url.path + "/", with: "")
    }

    func testPerformanceBaselineMatchesGolden() throws {
        let markdown = try render()
        GoldenFiles.assertMatches(markdown, golden: "performance-baseline.md")
        XCTAssertEqual(GFMTableChecker.problems(in: markdown), [], markdown)
        XCTAssertFalse(markdown.contains("<script>"))
        XCTAssertFalse(markdown.contains("<b>"))
    }

    func testFiguresAreGroupedByMeshSize() throws {
        let markdown = try render()
        let ten = try XCTUnwrap(markdown.range(of: "### 10 nodes"))
        let twentyFive = try XCTUnwrap(markdown.range(of: "### 25 nodes"))
        let hundred = try XCTUnwrap(markdown.range(of: "### 100 nodes"))
        let any = try XCTUnwrap(markdown.range(of: "### Any mesh size"))
        XCTAssertTrue(
            ten.lowerBound < twentyFive.lowerBound && twentyFive.lowerBound < hundred.lowerBound
                && hundred.lowerBound < any.lowerBound)
        XCTAssertTrue(markdown.contains("No baseline figures at this size."), "100 nodes has an SLA but no figures")
    }

    func testBottleneckNotesAreIncludedWithTheirHeadingsNested() throws {
        let baseline = scratch.path("baseline.json"), thresholds = scratch.path("thresholds.json")
        try TrendFixtures.baseline.write(to: baseline)
        try TrendFixtures.thresholds.write(to: thresholds)
        let notes = scratch.path("bottlenecks.md")
        try "# Bottlenecks\n\n## Ranked\n\n1. verify: 38 µs\n\n```sh\n# a shell comment, not a heading\n```\n"
            .write(toFile: notes, atomically: true, encoding: .utf8)
        let out = scratch.path("performance-baseline.md")
        _ = try BaselineDocPipeline(
            options: .init(
                baselinePath: baseline, thresholdsPath: thresholds, outputPath: out,
                bottlenecksPath: notes)
        ).run()
        let markdown = try String(contentsOfFile: out, encoding: .utf8)
        XCTAssertTrue(markdown.contains("\n## Bottlenecks\n\n### Ranked\n\n1. verify: 38 µs"), markdown)
        XCTAssertTrue(markdown.contains("\n# a shell comment, not a heading\n"), "code blocks are left alone")
        XCTAssertTrue(markdown.contains("included from \(notes)"), "says where to edit it")
        XCTAssertLessThan(
            try XCTUnwrap(markdown.range(of: "## Updating the baseline")).lowerBound,
            try XCTUnwrap(markdown.range(of: "## Bottlenecks")).lowerBound)

        let missing = BaselineDocPipeline(
            options: .init(
                baselinePath: baseline, thresholdsPath: thresholds, outputPath: out,
                bottlenecksPath: scratch.path("none.md")))
        XCTAssertThrowsError(try missing.run()) { error in
            XCTAssertTrue("\(error)".contains("none.md"), "\(error)")
        }
    }

    func testMeshSizeComesFromTheScenarioSuffix() {
        XCTAssertEqual(MeshSize.of(scenario: "propagation-25"), 25)
        XCTAssertEqual(MeshSize.of(scenario: "single_hop_10"), 10)
        XCTAssertNil(MeshSize.of(scenario: "soak"))
        XCTAssertNil(MeshSize.of(scenario: "mesh-"))
        XCTAssertNil(MeshSize.of(scenario: "mesh-٣"), "only ASCII digits")
    }
}
