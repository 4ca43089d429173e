import BenchFormats
import Foundation

/// Thresholds for one metric, resolved from `thresholds.json` by its `MetricClass`.
/// Percentages are magnitudes of a change in the *worse* direction (latency up, throughput down);
/// `nil` means that level never triggers (e.g. memory has a WARN level but no FAIL level).
public struct ChangeRule: Sendable, Equatable {
    public var noisePct: Double
    public var warnPct: Double?
    public var failPct: Double?
    public var alpha: Double

    public init(noisePct: Double, warnPct: Double?, failPct: Double?, alpha: Double) {
        self.noisePct = noisePct
        self.warnPct = warnPct
        self.failPct = failPct
        self.alpha = alpha
    }

    /// The rule for a metric class. A noise floor measured by A/A runs (`analyze noise`) widens the
    /// noise band when it is larger than the configured one: a change smaller than the run-to-run
    /// noise of this very metric cannot be told from chance.
    public init(thresholds: Thresholds, metricClass: MetricClass, noiseFloorPct: Double? = nil) {
        let limits = thresholds.limits(for: metricClass)
        self.init(noisePct: max(thresholds.noisePct, noiseFloorPct ?? 0), warnPct: limits.warnPct,
                  failPct: limits.failPct, alpha: thresholds.alpha)
    }

    /// Decides the verdict for a change of `deltaPct` (positive = the statistic grew) whose
    /// significance after Benjamini–Hochberg is `q`.
    ///
    /// The rules, so a noisy runner cannot raise a false FAIL:
    /// - within ±noise → `noise`, whatever the test says (too small to matter);
    /// - worse, significant (q < α) and past FAIL → `fail`;
    /// - worse, significant and past WARN → `warn`;
    /// - worse, past FAIL but *not* significant → `warn` (large but uncertain: re-run with more samples);
    /// - worse otherwise → `noise` (below WARN, or not significant);
    /// - better and significant → `improved`, else `noise`.
    public func decide(deltaPct: Double, q: Double, better: Better) -> (verdict: ChangeVerdict, reason: String) {
        let worsePct = better == .lower ? deltaPct : -deltaPct
        let significant = q < alpha
        let shown = Self.formatPct(deltaPct)
        let qText = "q \(Self.formatRelation(q)), α = \(Self.formatP(alpha))"
        if abs(deltaPct) <= noisePct {
            return (.noise, "\(shown) is within the ±\(Self.formatPct(noisePct, signed: false)) noise band")
        }
        if worsePct < 0 {
            if significant { return (.improved, "\(shown) is better and significant (\(qText))") }
            return (.noise, "\(shown) is better but not significant (\(qText))")
        }
        if let fail = failPct, worsePct > fail {
            if significant {
                return (.fail, "\(shown) is past the FAIL threshold of \(Self.formatPct(fail, signed: false)) and significant (\(qText))")
            }
            return (.warn, "\(shown) is past the FAIL threshold of \(Self.formatPct(fail, signed: false)) but not significant (\(qText)); re-run with more samples or repetitions")
        }
        if let warn = warnPct, worsePct > warn {
            if significant {
                return (.warn, "\(shown) is past the WARN threshold of \(Self.formatPct(warn, signed: false)) and significant (\(qText))")
            }
            return (.noise, "\(shown) is past the WARN threshold of \(Self.formatPct(warn, signed: false)) but not significant (\(qText))")
        }
        return (.noise, "\(shown) is worse but below the WARN threshold" + (warnPct.map { " of \(Self.formatPct($0, signed: false))" } ?? ""))
    }

    static func formatPct(_ v: Double, signed: Bool = true) -> String {
        let s = String(format: "%.1f %%", v)
        return signed && v > 0 ? "+" + s : s
    }

    /// "= 0.0123", or "< 1e-300" for a p-value that underflowed to 0.
    static func formatRelation(_ p: Double) -> String {
        p == 0 ? "< 1e-300" : "= " + formatP(p)
    }

    static func formatP(_ p: Double) -> String {
        if p < 0.0001 { return String(format: "%.1e", p) }
        return String(format: "%.4f", p).replacingOccurrences(of: #"0+$"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: #"\.$"#, with: "", options: .regularExpression)
    }
}
