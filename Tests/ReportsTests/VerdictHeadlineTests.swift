import BenchFormats
import Foundation
@testable import Reports
import XCTest

/// A PASS headline names only what was judged: timings when they were compared, and SLAs,
/// checks or counters only when some were (with their counts).
final class VerdictHeadlineTests: XCTestCase {
    private func passing(timed: Int, slas: Int, checks: [CheckResult], scope: Bool) -> LoadedResults {
        var document = ResultsDocument(
            run: Fixtures.run, generatedAt: Date(timeIntervalSince1970: 0), verdict: .pass,
            verdictReason: "", metrics: [])
        document.metrics = (0..<timed).map { i in
            var metric = Fixtures.latency("tier1.propagation-\(i)", offset: 1, scale: 1)
            metric.change = Change(deltaPct: 1, verdict: .noise, reason: "within noise")
            metric.sla = i < slas ? [SLAResult(stat: .p95, op: .below, limit: 500, measured: 12, ok: true)] : nil
            return metric
        }
        document.checks = checks
        if scope { document.scope = VerdictScope(counting: document.metrics, checks: checks, counters: []) }
        return LoadedResults(document)
    }

    func testTimingsOnlyClaimNoSLAOrCheck() {
        for scope in [true, false] {
            let view = VerdictView(results: passing(timed: 2, slas: 0, checks: [], scope: scope))
            XCTAssertEqual(view.headline, "No regression beyond noise in 2 timed metrics.")
        }
    }

    func testJudgedKindsAreNamedWithTheirCounts() {
        let checks = [
            CheckResult(name: "delivery", scenario: "s", status: .pass, detail: "100 %"),
            CheckResult(name: "leak", scenario: "s", status: .skipped, detail: "too short"),
        ]
        let view = VerdictView(results: passing(timed: 3, slas: 1, checks: checks, scope: true))
        XCTAssertEqual(view.headline, "No regression beyond noise in 3 timed metrics; SLAs (1) and checks (1) met.")
    }
}
