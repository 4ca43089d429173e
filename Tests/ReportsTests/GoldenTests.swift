import BenchFormats
import Foundation
@testable import Reports
import XCTest

/// The report and PR comment of three constructed results documents, compared with golden files
/// (see `GoldenFiles` for how to regenerate them). The whole pipeline runs, charts included, so
/// the chart list in the Markdown is the real one.
final class GoldenTests: XCTestCase {
    private var output: URL!

    override func setUpWithError() throws {
        output = FileManager.default.temporaryDirectory.appendingPathComponent("reports-golden-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: output)
    }

    private func render(_ bytes: Data) throws -> (report: String, comment: String) {
        let loaded = ResultsLoader.Loaded(bytes: bytes, results: try ResultsLoader.parse(bytes, name: "fixture.json"))
        let templates = try TemplateSet()
        let folder = try OutputFolder(path: output.path)
        _ = try ReportPipeline(options: .init(outputPath: output.path)).write(
            loaded, templates: templates, into: folder)
        let report = try String(contentsOf: folder.file(ReportPipeline.reportFile), encoding: .utf8)
        let comment = try String(contentsOf: folder.file(ReportPipeline.commentFile), encoding: .utf8)
        return (report, comment)
    }

    func testRunWithBaselineFailWarnAndNoise() throws {
        let (report, comment) = try render(Fixtures.json(Fixtures.withBaseline))
        GoldenFiles.assertMatches(report, golden: "with-baseline.report.md")
        GoldenFiles.assertMatches(comment, golden: "with-baseline.pr-comment.md")
    }

    func testRunWithoutBaseline() throws {
        let (report, comment) = try render(Fixtures.json(Fixtures.withoutBaseline))
        GoldenFiles.assertMatches(report, golden: "without-baseline.report.md")
        GoldenFiles.assertMatches(comment, golden: "without-baseline.pr-comment.md")
    }

    /// A baseline from another machine class: the heading and headline say timings were not
    /// compared and name the command that compares them; never "no regression".
    func testRunAgainstAnotherMachineClass() throws {
        let (report, comment) = try render(Fixtures.json(Fixtures.otherMachineClass))
        XCTAssertFalse(report.lowercased().contains("no regression"))
        GoldenFiles.assertMatches(report, golden: "other-class.report.md")
        GoldenFiles.assertMatches(comment, golden: "other-class.pr-comment.md")
    }

    /// A same-runner A/B: base against head in the comment, a WARN and a missing metric.
    func testSameRunnerABOfBaseAndHead() throws {
        let (report, comment) = try render(Fixtures.json(Fixtures.abComparison))
        GoldenFiles.assertMatches(report, golden: "ab.report.md")
        GoldenFiles.assertMatches(comment, golden: "ab.pr-comment.md")
    }

    func testFileWithMissingSections() throws {
        let (report, comment) = try render(Data(Fixtures.missingSectionsJSON.utf8))
        GoldenFiles.assertMatches(report, golden: "missing-sections.report.md")
        GoldenFiles.assertMatches(comment, golden: "missing-sections.pr-comment.md")
    }

    /// The PR comment must stay short enough to read on a pull request.
    func testPRCommentsStayUnderSixtyLines() throws {
        for document in [Fixtures.withBaseline, Fixtures.withoutBaseline] {
            let (_, comment) = try render(Fixtures.json(document))
            let lines = comment.split(separator: "\n", omittingEmptySubsequences: false).count
            XCTAssertLessThanOrEqual(lines, 60, comment)
        }
    }
}
