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
        self.init(
            noisePct: max(thresholds.noisePct, noiseFloorPct ?? 0), warnPct: limits.warnPct,
            failPct: limits.failPct, alpha: thresholds.alpha)
    }

    /// Decides the verdict for a change of `deltaPct` (positive = the statistic grew) whose
    /// significance after Benjamini–Hochberg is `q` and whose 95 % CI is `ci` (percent).
    ///
    /// The thresholds are the sizes of regression that must be caught, so a significant change
    /// is judged by what its CI cannot rule out, not by where its point estimate happens to land
    /// (a true +20 % change lands below +20 % half the time):
    /// - within ±noise → `noise`, whatever the test says (too small to matter);
    /// - worse and significant (q < α): `fail` when past FAIL, or when the CI lies wholly past WARN
    ///   and reaches FAIL; `warn` when past WARN or the CI reaches WARN; otherwise `noise` (the CI
    ///   rules out a WARN-size change);
    /// - worse, past FAIL but *not* significant → `warn` (large but uncertain: re-run with more
    ///   samples), unless `runToRunNoiseKnown`: then the test already weighed the run-to-run noise
    ///   A/A runs measured, and a change that size is what identical builds show by chance on this
    ///   runner (`noise`, the reason states the detectable effect); worse otherwise → `noise`;
    /// - better and significant → `improved`, else `noise`.
    /// Without a CI the point estimate alone is compared with the thresholds.
    public func decide(
        deltaPct: Double, q: Double, better: Better, ci: Interval? = nil,
        runToRunNoiseKnown: Bool = false
    ) -> (verdict: ChangeVerdict, reason: String) {
        let worsePct = better == .lower ? deltaPct : -deltaPct
        // The CI in the worse direction: its low end is the least bad change the data allow.
        let worseCI = ci.map { better == .lower ? $0 : Interval(low: -$0.high, high: -$0.low) }
        let worseLow = worseCI?.low ?? worsePct
        let worseHigh = worseCI?.high ?? worsePct
        let significant = q < alpha
        let shown = Self.formatPct(deltaPct)
        let qText = "q \(Self.formatRelation(q)), α = \(Self.formatP(alpha))"
        let ciText = ci.map { " (95 % CI \(Self.formatPct($0.low)) to \(Self.formatPct($0.high)))" } ?? ""
        if abs(deltaPct) <= noisePct {
            return (.noise, "\(shown) is within the ±\(Self.formatPct(noisePct, signed: false)) noise band")
        }
        if worsePct < 0 {
            if significant { return (.improved, "\(shown) is better and significant (\(qText))") }
            return (.noise, "\(shown) is better but not significant (\(qText))")
        }
        if !significant {
            if let fail = failPct, worsePct > fail, runToRunNoiseKnown {
                return (
                    .noise,
                    "\(shown) is past the FAIL threshold of \(Self.formatPct(fail, signed: false)) but not significant against the run-to-run noise of A/A runs (\(qText)): identical builds differ this much on this runner; compare several repetitions per side to judge it"
                )
            }
            if let fail = failPct, worsePct > fail {
                return (
                    .warn,
                    "\(shown) is past the FAIL threshold of \(Self.formatPct(fail, signed: false)) but not significant (\(qText)); re-run with more samples or repetitions"
                )
            }
            return (.noise, "\(shown) is worse but not significant (\(qText))")
        }
        if let fail = failPct {
            if worsePct > fail {
                return (
                    .fail,
                    "\(shown) is past the FAIL threshold of \(Self.formatPct(fail, signed: false)) and significant (\(qText))"
                )
            }
            if let warn = warnPct, worseLow > warn, worseHigh >= fail {
                return (
                    .fail,
                    "\(shown)\(ciText) is significant (\(qText)), certainly past the WARN threshold of \(Self.formatPct(warn, signed: false)) and may reach the FAIL threshold of \(Self.formatPct(fail, signed: false))"
                )
            }
        }
        if let warn = warnPct {
            if worsePct > warn {
                return (
                    .warn,
                    "\(shown) is past the WARN threshold of \(Self.formatPct(warn, signed: false)) and significant (\(qText))"
                )
            }
            if worseHigh >= warn {
                return (
                    .warn,
                    "\(shown)\(ciText) is significant (\(qText)) and may reach the WARN threshold of \(Self.formatPct(warn, signed: false))"
                )
            }
            return (
                .noise,
                "\(shown)\(ciText) is worse and significant (\(qText)) but its CI stays below the WARN threshold of \(Self.formatPct(warn, signed: false))"
            )
        }
        return (.noise, "\(shown) is worse and significant (\(qText)); this metric class has no WARN threshold")
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
