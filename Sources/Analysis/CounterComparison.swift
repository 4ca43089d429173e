import BenchFormats
import Units

/// Exact counters (frames, bytes, verifications per event) are deterministic, so they are compared
/// exactly — no test, no noise band: any change is real. More work is worse (counters count work),
/// so an increase past the counter class's FAIL percentage fails, past WARN warns, and a decrease
/// is an improvement. With no limits for the counter class, a change is reported but not gated.
public enum CounterComparison {
    public static func compare(
        _ c: CounterRecord, baseline: BaselineCounter?, thresholds: Thresholds
    )
        -> (result: CounterResult, note: String?)
    {
        let value = Double(c.value)
        var result = CounterResult(scenario: c.scenario, metric: c.metric, unit: c.unit, value: value)
        guard let baseline else {
            result.verdict = .new
            return (result, nil)
        }
        result.baselineValue = baseline.value
        guard baseline.unit == c.unit else {
            result.verdict = .notComparable
            return (
                result, "counter \(c.key): unit \(c.unit) differs from the baseline's \(baseline.unit); not compared"
            )
        }
        if value == baseline.value {
            result.verdict = .noise
            return (result, nil)
        }
        let cls = thresholds.metricClasses[c.key.description] ?? .counter
        let limits = thresholds.limits(for: cls)
        let pct: Double = baseline.value == 0 ? .infinity : 100 * (value / baseline.value - 1)
        let both = "\(NumberText.short(baseline.value)) → \(NumberText.short(value)) \(c.unit)"
        let shown = pct.isFinite ? ChangeRule.formatPct(pct) : "from 0"
        if pct < 0 {
            result.verdict = .improved
            return (result, "counter \(c.key) improved: \(both) (\(shown))")
        }
        if let fail = limits.failPct, pct > fail {
            result.verdict = .fail
            return (
                result,
                "counter \(c.key) FAIL: \(both) (\(shown), FAIL above +\(ChangeRule.formatPct(fail, signed: false)); exact count, no noise)"
            )
        }
        if let warn = limits.warnPct, pct > warn {
            result.verdict = .warn
            return (
                result,
                "counter \(c.key) WARN: \(both) (\(shown), WARN above +\(ChangeRule.formatPct(warn, signed: false)))"
            )
        }
        result.verdict = .noise
        if limits.warnPct == nil && limits.failPct == nil {
            return (
                result,
                "counter \(c.key) changed: \(both) (\(shown)); not gated: thresholds.json sets no limits for class \(cls.rawValue)"
            )
        }
        return (result, "counter \(c.key) changed within its limits: \(both) (\(shown))")
    }

}
