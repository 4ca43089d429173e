import BenchFormats
import Foundation
@testable import Reports
import XCTest

/// The PR comment's headline counts failed checks and tests; the comment must name them, and
/// say honestly when a baseline shares no metric with the run.
final class PRCommentFailuresTests: XCTestCase {
    func results(checks: [CheckResult] = [], outcomes: [OutcomeSummary] = [], newMetric: Bool = false) -> LoadedResults
    {
        var document = ResultsDocument(
            run: Fixtures.run, generatedAt: Date(timeIntervalSince1970: 0), verdict: .fail,
            verdictReason: "", metrics: [])
        document.checks = checks
        document.outcomes = outcomes
        if newMetric {
            var metric = Fixtures.latency("tier2.propagation-10", offset: 1, scale: 1)
            metric.change = Change(verdict: .new, reason: "no baseline for this metric")
            document.metrics = [metric]
            document.comparison = ComparisonInfo(baselineRunID: "tier1-run", baselineHost: "h-5f2a9c", comparable: true)
        }
        return LoadedResults(document)
    }

    func testFailedChecksAndTestsAreNamedAtMostFiveEach() {
        let checks =
            (0..<7).map { CheckResult(name: "leak", scenario: "soak-\($0)", status: .fail, detail: "rss grew") }
            + [CheckResult(name: "delivery", scenario: "s", status: .pass, detail: "100 %")]
        let outcomes = [
            OutcomeSummary(test: "tier2.burst-10/recovers | fast", tier: 2, attempts: 2, status: .fail, flaky: false),
            OutcomeSummary(test: "tier2.dedup", tier: 2, attempts: 2, status: .pass, flaky: true),
        ]
        let model = PRCommentViewModel(results: results(checks: checks, outcomes: outcomes), charts: [])
        XCTAssertEqual(model.failedChecks.map(\.scenario), ["soak-0", "soak-1", "soak-2", "soak-3", "soak-4"])
        XCTAssertEqual(model.moreFailedChecks, 2)
        XCTAssertEqual(
            model.failedTests, ["tier2.burst-10/recovers \\| fast"], "only the test that failed every attempt, escaped")
        XCTAssertTrue(model.hasNextSteps, "failures call for next steps")
    }

    func testABaselineSharingNoMetricSaysNothingWasCompared() {
        let model = PRCommentViewModel(results: results(newMetric: true), charts: [])
        XCTAssertTrue(
            model.noChangeSentence.hasPrefix("None of this run's metrics is in the baseline"), model.noChangeSentence)
        let report = ReportViewModel(results: results(newMetric: true), charts: [])
        XCTAssertTrue(report.comparisonSummary.hasPrefix("0 of 1 metrics compared"), report.comparisonSummary)
        XCTAssertEqual(
            report.noiseRowsTitle, "1 metric without a change beyond noise (1 of them new, missing or not comparable)")
    }
}
