import BenchFormats

/// The run's verdict is its worst finding: FAIL on a failed regression, counter, SLA, check or
/// test (failed every attempt); WARN on a warning; otherwise PASS. The reason lists what decided it.
public enum OverallVerdict {
    public static func decide(_ doc: ResultsDocument) -> (verdict: Verdict, reason: String) {
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
        for c in doc.checks {
            if c.status == .fail { fails.append("check \(c.name) (\(c.scenario)): \(c.detail)") }
            if c.status == .warn { warns.append("check \(c.name) (\(c.scenario)): \(c.detail)") }
        }
        for o in doc.outcomes where o.status == .fail {
            fails.append("test \(o.test) failed all \(o.attempts) attempt(s)")
        }
        if !fails.isEmpty { return (.fail, summary("FAIL", fails)) }
        if !warns.isEmpty { return (.warn, summary("WARN", warns)) }
        return (.pass, "no regression past a threshold, every SLA and check met, every test passed")
    }

    private static func summary(_ level: String, _ items: [String]) -> String {
        let shown = items.prefix(5).joined(separator: "; ")
        return items.count > 5 ? "\(level): \(shown); and \(items.count - 5) more" : "\(level): \(shown)"
    }

}
