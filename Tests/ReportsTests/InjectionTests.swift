import BenchFormats
import Foundation
@testable import Reports
import XCTest

/// Issue 12 class 7: every untrusted field of every template, the unit included, is escaped;
/// GFM autolinks and invisible bidi or zero-width controls never survive into a report.
final class InjectionTests: XCTestCase {
    static let hostile =
        "x<img src=x onerror=alert(1)>](https://evil.example/a) www.evil.example mail@evil.example \u{202E}gnp.exe\u{200B}\n| forged | row |"

    private func assertClean(_ document: String, _ name: String, line: UInt = #line) {
        XCTAssertFalse(
            document.replacingOccurrences(of: "\\]", with: "").contains("](https"), "\(name) has a working link",
            line: line)
        for forbidden in ["<img", "https://evil", "www.evil", "mail@evil", "\u{202E}", "\u{200B}", "\n| forged"] {
            XCTAssertFalse(document.contains(forbidden), "\(name) contains \(forbidden.debugDescription)", line: line)
        }
        XCTAssertEqual(GFMTableChecker.problems(in: document), [], name, line: line)
    }

    func testAHostileUnitAndNamesInjectNothingIntoAnyTemplate() throws {
        var document = Fixtures.withBaseline
        for i in document.metrics.indices { document.metrics[i].unit = Self.hostile }
        for i in document.counters.indices { document.counters[i].unit = Self.hostile }
        document.metrics[0].scenario = Self.hostile
        document.run.git.branch = Self.hostile
        document.verdictReason = Self.hostile
        document.notes.append(Self.hostile)
        let templates = try TemplateSet()
        let results = LoadedResults(document)
        assertClean(templates.render(.report, ReportViewModel(results: results, charts: [])), "benchmark-report.md")
        assertClean(templates.render(.prComment, PRCommentViewModel(results: results, charts: [])), "pr-comment.md")
        assertClean(
            templates.render(
                .trends, TrendsViewModel(results: results, charts: [], perTrendFiles: [], baselineSource: Self.hostile)),
            "trends.md")
    }

    func testAHostileUnitInjectsNothingIntoTheBaselineDocument() throws {
        var baseline = TrendFixtures.baseline
        for i in baseline.metrics.indices { baseline.metrics[i].unit = Self.hostile }
        var thresholds = TrendFixtures.thresholds
        for i in thresholds.slas.indices { thresholds.slas[i].unit = Self.hostile }
        let templates = try TemplateSet()
        let model = BaselineDocViewModel(
            baseline: baseline, thresholds: thresholds, baselineFile: Self.hostile,
            thresholdsFile: "t.json", bottlenecks: nil)
        assertClean(templates.render(.performanceBaseline, model), "performance-baseline.md")
    }

    func testAutolinksAndInvisibleControlsAreDefeated() {
        XCTAssertEqual(
            MarkdownEscaping.text("see https://a.example and WWW.b.example"),
            "see https:\\/\\/a.example and WWW\\.b.example")
        XCTAssertEqual(MarkdownEscaping.text("a@b.example"), "a&#64;b.example")
        XCTAssertEqual(
            MarkdownEscaping.text("x\u{202E}y\u{2066}z\u{200D}w\u{FEFF}"), "x\u{FFFD}y\u{FFFD}z\u{FFFD}w\u{FFFD}")
    }
}
