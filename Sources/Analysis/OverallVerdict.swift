import BenchFormats
import Units

/// The run's verdict is its worst finding: FAIL on a failed regression, counter, SLA, check or
/// test (failed every attempt); WARN on a warning or a metric missing from the run; otherwise
/// PASS. The reason lists what decided it and what was checked: "no regression" is said only
/// when timed metrics were compared, otherwise the reason says why they were not and names the
/// command that compares them.
public enum OverallVerdict {
    /// Compares timings on the machine at hand: a same-runner A/B of HEAD against its merge-base.
    public static let compareCommand = "make compare"

    /// What the verdict covers (see `VerdictScope`), from the judged results.
    static func scope(of doc: ResultsDocument, baseline: Baseline?) -> VerdictScope {
        var scope = VerdictScope(counting: doc.metrics, checks: doc.checks, counters: doc.counters)
        if scope.timings == 0 {
            if baseline == nil {
                scope.timingsNotCompared = "no baseline"
            } else if doc.comparison?.comparable == false {
                scope.timingsNotCompared =
                    "baseline from another machine class" + (doc.comparison?.baselineClass.map { " (\($0))" } ?? "")
            } else if doc.metrics.allSatisfy({ $0.change?.verdict == .new }) {
                scope.timingsNotCompared = "the baseline has no timed metric of the scenarios that ran"
            } else {
                scope.timingsNotCompared = "no timed metric was comparable with the baseline"
            }
            scope.compareCommand = compareCommand
        }
        return scope
    }

    public static func decide(
        _ doc: ResultsDocument, requireTimings: Bool = false
    ) -> (verdict: Verdict, reason: String) {
        var fails: [String] = []
        var warns: [String] = []
        for m in doc.metrics {
            switch m.change?.verdict {
            case .fail?: fails.append("\(m.key) regressed (\(m.change!.reason))")
            case .warn?: warns.append("\(m.key): \(m.change!.reason)")
            default: break
            }
            for s in m.sla ?? [] where !s.ok {
                fails.append(
                    "\(m.key) \(s.stat.rawValue) = \(NumberText.short(s.measured)) \(m.unit) misses the SLA \(s.op.rawValue) \(NumberText.short(s.limit))"
                )
            }
        }
        for c in doc.counters {
            if c.verdict == .fail {
                fails.append(
                    "counter \(c.key) rose from \(NumberText.short(c.baselineValue ?? 0)) to \(NumberText.short(c.value))"
                )
            }
            if c.verdict == .warn {
                warns.append(
                    "counter \(c.key) rose from \(NumberText.short(c.baselineValue ?? 0)) to \(NumberText.short(c.value))"
                )
            }
        }
        for m in doc.missing {
            warns.append(
                "\(m.counter ? "counter " : "")\(m.key) missing: in the baseline for a scenario that ran, not in this run"
            )
        }
        for c in doc.checks {
            if c.status == .fail { fails.append("check \(c.name) (\(c.scenario)): \(c.detail)") }
            if c.status == .warn { warns.append("check \(c.name) (\(c.scenario)): \(c.detail)") }
        }
        for o in doc.outcomes where o.status == .fail {
            fails.append("test \(o.test) failed all \(o.attempts) attempt(s)")
        }
        let scope = doc.scope ?? scope(of: doc, baseline: nil)
        let untimed = scope.timings == 0 ? scope.timingsNotCompared : nil
        // A WARN or FAIL must not read as a full comparison either (unless the failure says so).
        var coverage = ""
        if let untimed, requireTimings {
            fails.append(
                "timings not compared (\(untimed)) and --require-timings demands a timing comparison; compare on this machine with `\(compareCommand)`"
            )
        } else if let untimed {
            coverage = " (timings not compared: \(untimed))"
        }
        if !fails.isEmpty { return (.fail, summary("FAIL", fails) + coverage) }
        if !warns.isEmpty { return (.warn, summary("WARN", warns) + coverage) }
        let checked = scope.judgedBesidesTimings
        if let untimed {
            return (
                .pass,
                "PASS: \(checked.map { "\($0) met" } ?? "nothing judged"); timings not compared: \(untimed); compare them on this machine with `\(compareCommand)`"
            )
        }
        return (
            .pass,
            "PASS: no regression beyond noise in \(scope.timings) timed metric\(scope.timings == 1 ? "" : "s")"
                + (checked.map { "; \($0) met" } ?? "")
        )
    }

    private static func summary(_ level: String, _ items: [String]) -> String {
        let shown = items.prefix(5).joined(separator: "; ")
        return items.count > 5 ? "\(level): \(shown); and \(items.count - 5) more" : "\(level): \(shown)"
    }
}
