import BenchFormats

/// Folds the attempts of each test into its final state: the last attempt decides pass or fail
/// (a test failing every attempt fails the run), and a failure before a final pass is a flake
/// (counted for flake tracking, not a failure).
public enum OutcomeClassification {
    public static func summarize(_ records: [OutcomeRecord]) -> [OutcomeSummary] {
        var order: [String] = []
        var byTest: [String: [OutcomeRecord]] = [:]
        for r in records {
            if byTest[r.test] == nil { order.append(r.test) }
            byTest[r.test, default: []].append(r)
        }
        return order.map { name in
            let tries = byTest[name]!.sorted { $0.attempt < $1.attempt }
            let last = tries[tries.count - 1]
            let failedBefore = tries.dropLast().contains { $0.status == .fail }
            return OutcomeSummary(
                test: name, tier: last.tier, attempts: tries.count, status: last.status,
                flaky: last.status == .pass && failedBefore)
        }
    }
}
