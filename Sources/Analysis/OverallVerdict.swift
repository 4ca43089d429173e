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
        let judged: Set<ChangeVerdict> = [.noise, .improved, .warn, .fail]
        let timings = doc.metrics.filter { $0.change.map { judged.contains($0.verdict) } ?? false }.count
        var why: String?
        if timings == 0 {
            if baseline == nil {
                why = "no baseline"
            } else if doc.comparison?.comparable == false {
                why = "baseline from another machine class" + (doc.comparison?.baselineClass.map { " (\($0))" } ?? "")
            } else if doc.metrics.allSatisfy({ $0.change?.verdict == .new }) {
                why = "the baseline has no timed metric of the scenarios that ran"
            } else {
                why = "no timed metric was comparable with the baseline"
            }
        }
        return VerdictScope(
            slas: doc.metrics.reduce(0) { $0 + ($1.sla?.count ?? 0) },
            checks: doc.checks.filter { $0.status != .skipped }.count,
            counters: doc.counters.filter { $0.verdict.map { judged.contains($0) } ?? false }.count,
            timings: timings, timingsNotCompared: why, compareCommand: why == nil ? nil : compareCommand)
    }

    public static func decide(_ doc: ResultsDocument, requireTimings: Bool = false) -> (verdict: Verdict, reason: String) {
        var fails: [String] = []
        var warns: [String] = []
        for m in doc.metrics {
            switch m.change?.verdict {
            case .fail?: fails.append("\(m.key) regressed (\(m.change!.reason))")
            case .warn?: warns.append("\(m.key): \(m.change!.reason)")
            default: break
            }
            for s in m.sla ?? [] where !s.ok {
                fails.append("\(m.key) \(s.stat.rawValue) = \(NumberText.short(s.measured)) \(m.unit) misses the SLA \(s.op.rawValue) \(NumberText.short(s.limit))")
            }
        }
        for c in doc.counters {
            if c.verdict == .fail { fails.append("counter \(c.key) rose from \(NumberText.short(c.baselineValue ?? 0)) to \(NumberText.short(c.value))") }
            if c.verdict == .warn { warns.append("counter \(c.key) rose from \(NumberText.short(c.baselineValue ?? 0)) to \(NumberText.short(c.value))") }
        }
        for m in doc.missing {
            warns.append("\(m.counter ? "counter " : "")\(m.key) missing: in the baseline for a scenario that ran, not in this run")
        }
        for c in doc.checks {
            if c.status == .fail { fails.append("check \(c.name) (\(c.scenario)): \(c.detail)") }
            if c.status == .warn { warns.append("check \(c.name) (\(c.scenario)): \(c.detail)") }
        }
        for o in doc.outcomes where o.status == .fail {
            fails.append("test \(o.test) failed all \(o.attempts) attempt(s)")
        }
        let untimed = doc.scope.flatMap { $0.timings == 0 ? $0.timingsNotCompared : nil }
        if let untimed, requireTimings {
            fails.append("timings not compared (\(untimed)) and --require-timings demands a timing comparison; compare on this machine with `\(compareCommand)`")
        }
        let coverage = doc.scope.map(covered) ?? ""
        if !fails.isEmpty { return (.fail, summary("FAIL", fails) + coverage) }
        if !warns.isEmpty { return (.warn, summary("WARN", warns) + coverage) }
        guard let scope = doc.scope else {
            return (.pass, "no regression past a threshold, every SLA and check met, every test passed")
        }
        let checked = checkedParts(scope)
        if let untimed {
            return (.pass, "PASS: \(checked ?? "nothing checked"); timings not compared: \(untimed); compare them on this machine with `\(compareCommand)`")
        }
        return (.pass, "PASS: no regression beyond noise in \(scope.timings) timed metric\(scope.timings == 1 ? "" : "s")"
                + (checked.map { "; \($0) met" } ?? ""))
    }

    /// "SLAs (4), checks (3) and counters (11)": what was judged besides timings; nil when nothing was.
    static func checkedParts(_ scope: VerdictScope) -> String? {
        var parts: [String] = []
        if scope.slas > 0 { parts.append("SLAs (\(scope.slas))") }
        if scope.checks > 0 { parts.append("checks (\(scope.checks))") }
        if scope.counters > 0 { parts.append("counters (\(scope.counters))") }
        if parts.isEmpty { return nil }
        return parts.count == 1 ? parts[0] : parts.dropLast().joined(separator: ", ") + " and " + parts[parts.count - 1]
    }

    /// Appended to a WARN or FAIL reason when timings were not compared, so it never reads as a
    /// full comparison.
    private static func covered(_ scope: VerdictScope) -> String {
        guard scope.timings == 0, let why = scope.timingsNotCompared else { return "" }
        return " (timings not compared: \(why))"
    }

    private static func summary(_ level: String, _ items: [String]) -> String {
        let shown = items.prefix(5).joined(separator: "; ")
        return items.count > 5 ? "\(level): \(shown); and \(items.count - 5) more" : "\(level): \(shown)"
    }
}
