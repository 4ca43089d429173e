import BenchFormats
import Foundation
@testable import Reports
import XCTest

/// Untrusted strings must not change the structure of a report: no broken tables, no HTML, no
/// code spans, links or mentions coming from a scenario name, message or branch name.
final class EscapingTests: XCTestCase {
    func testPipesBackticksAndMarkupAreNeutralised() {
        let escaped = MarkdownEscaping.text("a | b `c` <script>alert(1)</script> [x](y) *b* _i_ @team #1 & d")
        XCTAssertEqual(
            escaped,
            "a \\| b \\`c\\` &lt;script&gt;alert(1)&lt;/script&gt; \\[x\\](y) \\*b\\* \\_i\\_ &#64;team \\#1 &amp; d")
        XCTAssertFalse(escaped.contains("<"))
        XCTAssertEqual(GFMTableChecker.cells("| \(escaped) |").count, 1, "an escaped pipe must not split a cell")
    }

    func testNewlinesAndControlCharactersCannotEndARow() {
        XCTAssertEqual(MarkdownEscaping.text("first\nsecond\r\n\tthird\u{7}"), "first second third")
    }

    func testHostileScenarioNameKeepsEveryTableWellFormed() throws {
        let results = LoadedResults(Fixtures.withBaseline)
        let templates = try TemplateSet()
        let report = templates.render(.report, ReportViewModel(results: results, charts: []))
        let comment = templates.render(.prComment, PRCommentViewModel(results: results, charts: []))
        for document in [report, comment] {
            XCTAssertEqual(GFMTableChecker.problems(in: document), [])
            XCTAssertFalse(document.contains("<script>"), "raw HTML from a scenario name reached the Markdown")
            XCTAssertFalse(document.contains("`tick`"), "a backtick from a scenario name opened a code span")
            XCTAssertFalse(document.contains("@team"), "a scenario name would mention a GitHub team")
        }
        XCTAssertTrue(report.contains("evil \\| \\`tick\\` &lt;script&gt;"), "the hostile name is shown, escaped")
        XCTAssertGreaterThanOrEqual(GFMTableChecker.tableCount(in: report), 5)
    }

    func testBranchNameWithMarkupIsEscapedInTheEnvironment() throws {
        var document = Fixtures.withBaseline
        document.run.git.branch = "evil|branch<img src=x onerror=alert(1)>"
        let templates = try TemplateSet()
        let report = templates.render(.report, ReportViewModel(results: LoadedResults(document), charts: []))
        XCTAssertTrue(report.contains("| Branch | evil\\|branch&lt;img src=x onerror=alert(1)&gt; |"), report)
        XCTAssertEqual(GFMTableChecker.problems(in: report), [])
    }

    /// Commands in next steps print a commit only when it is plain hexadecimal.
    func testNextStepsNeverPrintANonHexRevision() {
        var document = Fixtures.withBaseline
        document.run.git.commit = "abc`; rm -rf /`"
        let steps = PRCommentViewModel.nextSteps(LoadedResults(document))
        XCTAssertFalse(steps.joined().contains("rm -rf"))
        XCTAssertTrue(steps[0].contains("B=<this-commit>"))
    }
}
