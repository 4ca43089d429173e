import BenchFormats
import Foundation
@testable import Reports
import XCTest

/// `render baseline-doc`: docs/performance-baseline.md from a baseline and thresholds, against
/// its golden file (regenerate with MESHBENCH_UPDATE_GOLDEN=1), valid GFM, escaped names.
final class BaselineDocTests: XCTestCase {
    private var scratch: Scratch!

    override func setUpWithError() throws { scratch = try Scratch(name) }
    override func tearDown() { scratch?.remove() }

    private func render() throws -> String {
        let baseline = scratch.path("baseline.json"), thresholds = scratch.path("thresholds.json")
        try TrendFixtures.baseline.write(to: baseline)
        try TrendFixtures.thresholds.write(to: thresholds)
        let out = scratch.path("docs/performance-baseline.md")
        let options = BaselineDocPipeline.Options(baselinePath: baseline, thresholdsPath: thresholds, outputPath: out)
        _ = try BaselineDocPipeline(options: options).run()
        // The golden file must not depend on the scratch folder's random name.
        return try String(contentsOfFile: out, encoding: .utf8).replacingOccurrences(of: scratch.url.path + "/", with: "")
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
        XCTAssertTrue(ten.lowerBound < twentyFive.lowerBound && twentyFive.lowerBound < hundred.lowerBound && hundred.lowerBound < any.lowerBound)
        XCTAssertTrue(markdown.contains("No baseline figures at this size."), "100 nodes has an SLA but no figures")
    }

    func testMeshSizeComesFromTheScenarioSuffix() {
        XCTAssertEqual(MeshSize.of(scenario: "propagation-25"), 25)
        XCTAssertEqual(MeshSize.of(scenario: "single_hop_10"), 10)
        XCTAssertNil(MeshSize.of(scenario: "soak"))
        XCTAssertNil(MeshSize.of(scenario: "mesh-"))
        XCTAssertNil(MeshSize.of(scenario: "mesh-٣"), "only ASCII digits")
    }
}
