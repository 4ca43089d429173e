import BenchFormats
import Foundation

/// Flake history (story 11.6 AC 8): each recorded run adds one run per test; a run that failed
/// and passed on retry is a flake. A test is quarantined when its flake rate exceeds
/// `flakes.max_rate_pct` over at least `flakes.min_runs` runs — except tier 1, the smoke tests
/// that must never be moved to an optional suite.
public enum FlakeTracking {
    public static func update(_ history: FlakeHistory?, with outcomes: [OutcomeSummary], at date: Date) -> FlakeHistory
    {
        var byTest = Dictionary(uniqueKeysWithValues: (history?.tests ?? []).map { ($0.test, $0) })
        for o in outcomes {
            var t =
                byTest[o.test]
                ?? FlakeTestHistory(
                    test: o.test, tier: o.tier, runs: 0, failures: 0, passesAfterRetry: 0,
                    lastSeen: date, recent: [])
            t.tier = o.tier
            t.runs += 1
            if o.status == .fail { t.failures += 1 }
            if o.flaky { t.passesAfterRetry += 1 }
            t.lastSeen = date
            t.recent.append(o.status)
            if t.recent.count > FlakeHistory.recentLimit {
                t.recent.removeFirst(t.recent.count - FlakeHistory.recentLimit)
            }
            byTest[o.test] = t
        }
        return FlakeHistory(updatedAt: date, tests: byTest.values.sorted { $0.test < $1.test })
    }

    public static func results(_ history: FlakeHistory, policy: FlakePolicy) -> [FlakeResult] {
        history.tests.map { t in
            let rate = t.runs > 0 ? Double(t.passesAfterRetry) / Double(t.runs) : 0
            let quarantined = t.tier != 1 && t.runs >= policy.minRuns && 100 * rate > policy.maxRatePct
            return FlakeResult(
                test: t.test, tier: t.tier, runs: t.runs, failures: t.failures,
                passesAfterRetry: t.passesAfterRetry, flakeRate: rate, quarantined: quarantined)
        }
    }
}
