import BenchFormats
import Foundation
import Statistics

/// Trends over the history window (story 11.6 AC 7; docs/analyze.md, "History and flakes"): per metric, the least-squares
/// slope per day with its 95 % CI, R² and p; a direction only when the slope is significant;
/// anomalies and change points judged against the trend, not against a flat level.
/// Fewer than `minimumPoints` runs → "insufficient history", nothing fitted.
///
/// - Anomalies: robust z of the residuals from the Theil–Sen line (`RobustStatistics.robustScale`,
///   defined when MAD = 0), beyond ±`robustZThreshold`. On a drifting series a spike stands out
///   of the residuals at its full size, and the drift itself is no anomaly.
/// - Change points: level shifts on top of a line (`ChangePointDetection.search`), so a pure trend
///   is not cut into steps. Across metrics the false discovery rate is controlled by
///   Benjamini–Hochberg on each metric's first-split p-value; a metric passing it keeps the splits
///   found at α within it. Permutations are enough for a lone change to pass that correction.
///
/// The statistic followed is p95 for time metrics (the statistic their SLAs use) and the mean
/// for the others. Series are built from the entries given, so a caller may leave out entries
/// (e.g. from another machine class) before the fit.
public enum TrendAnalysis {
    public static let minimumPoints = 5
    public static let robustZThreshold = 3.5
    public static let sigmaRuleK = 2.0
    public static let minimumSegmentLength = 5
    static let anomalyRule =
        "robust z of the residuals from the Theil–Sen trend line, (r − median r)/(1.4826·MAD) (MAD = 0: 1.2533·mean absolute deviation; never below the data's resolution/√12), beyond ±\(robustZThreshold)"

    public static func trends(_ entries: [HistoryEntry], alpha: Double, seed: UInt64) -> [TrendResult] {
        var order: [MetricKey] = []
        var points: [MetricKey: [(date: Date, metric: HistoryMetric, runID: String)]] = [:]
        for e in entries.sorted(by: { $0.recordedAt < $1.recordedAt }) {
            for m in e.metrics {
                if points[m.key] == nil { order.append(m.key) }
                points[m.key, default: []].append((e.recordedAt, m, e.run.runID))
            }
        }
        var results = order.map { key -> TrendResult in
            let series = points[key]!
            let last = series[series.count - 1].metric
            let stat: Statistic = MetricClass.isTime(last.unit) ? .p95 : .mean
            return TrendResult(
                scenario: key.scenario, metric: key.metric, stat: stat, unit: last.unit, better: last.better,
                points: series.map { TrendPoint(t: $0.date, value: $0.metric.value(of: stat)!, runID: $0.runID) },
                direction: .insufficientHistory, anomalyRule: anomalyRule)
        }
        let fitted = results.indices.filter { results[$0].points.count >= minimumPoints }
        let permutations = permutationCount(metrics: fitted.count, alpha: alpha)
        var searches: [Int: ChangePointSearch] = [:]
        for i in results.indices {
            guard fitted.contains(i) else {
                results[i].anomalyRule +=
                    "; not applied: \(results[i].points.count) run(s) in the window, at least \(minimumPoints) are needed"
                continue
            }
            searches[i] = fit(
                &results[i], alpha: alpha, permutations: permutations,
                seed: StableSeed.forMetric(results[i].key, seed: seed))
        }
        // Benjamini–Hochberg across the metrics' first splits: a metric keeps its change points
        // only when its first split survives the correction.
        let tested = fitted.filter { searches[$0] != nil }
        // Permutation p-values, (1 + k) / (1 + N), lie in (0, 1]: all that `adjust` checks.
        let qs = (try? BenjaminiHochberg.adjust(tested.map { searches[$0]!.firstSplitPValue })) ?? tested.map { _ in 1 }
        for (i, q) in zip(tested, qs) where q < alpha {
            results[i].changePoints = searches[i]!.changePoints.map(\.index)
        }
        return results
    }

    /// The most permutations a change-point test runs: an alpha allowed by thresholds.json
    /// (0 < alpha < 1) as small as 1e-300 would otherwise ask for more than Int holds, and a
    /// merely small one for hours of work.
    static let maximumPermutations = 99_999

    /// Enough permutations that the smallest p-value, 1/(permutations + 1), can pass
    /// Benjamini–Hochberg at `alpha` over `metrics` tests (2·m/alpha), at least 999, at most
    /// `maximumPermutations` (below alpha ≈ 2·m·1e-5 no change point can then be significant).
    static func permutationCount(metrics: Int, alpha: Double) -> Int {
        let wanted = (2 * Double(metrics) / alpha).rounded(.up) - 1
        return wanted < Double(maximumPermutations) ? max(999, Int(wanted)) : maximumPermutations
    }

    /// Slope, direction and anomalies of one series with enough points; returns its change-point
    /// search (nil when it could not run) for the correction across metrics.
    static func fit(_ trend: inout TrendResult, alpha: Double, permutations: Int, seed: UInt64) -> ChangePointSearch? {
        let values = trend.points.map(\.value)
        let origin = trend.points[0].t
        let days = trend.points.map { $0.t.timeIntervalSince(origin) / 86_400 }
        // No line through runs that all share one time: such a window is called stable.
        if let fit = try? LinearRegression(x: days, y: values) {
            trend.slopePerDay = fit.slope
            trend.slopeCI = Interval(low: fit.slopeInterval.lower, high: fit.slopeInterval.upper)
            trend.r2 = fit.rSquared
            trend.p = fit.slopePValue
            trend.direction = direction(slope: fit.slope, p: fit.slopePValue, alpha: alpha, better: trend.better)
        } else {
            trend.direction = .stable
        }
        // No robust scale (identical residuals): no point stands out, so none is flagged.
        if let anomalies = try? anomalyIndices(days: days, values: values) {
            for i in anomalies { trend.points[i].anomaly = true }
        }
        // For comparison only: a rule that cannot run adds no text.
        if let sigma = try? MeanSigmaOutlierRule.outlierIndices(values, k: sigmaRuleK), !sigma.isEmpty {
            trend.anomalyRule +=
                "; for comparison the non-robust mean ± \(Int(sigmaRuleK))σ rule (no trend removed) flags points \(sigma.map(String.init).joined(separator: ", "))"
        }
        do {
            return try ChangePointDetection.search(
                values, alpha: alpha, permutations: permutations,
                minimumSegmentLength: minimumSegmentLength, seed: seed)
        } catch {
            trend.anomalyRule += "; change points not searched: \(error)"
            return nil
        }
    }

    /// Points whose residual from the Theil–Sen line has |robust z| > `robustZThreshold`.
    static func anomalyIndices(days: [Double], values: [Double]) throws -> [Int] {
        let line = try TheilSenLine(x: days, y: values)
        let residuals = zip(days, values).map { $1 - line.predict($0) }
        return try RobustStatistics.outlierIndices(residuals, threshold: robustZThreshold)
    }

    static func direction(slope: Double, p: Double, alpha: Double, better: Better) -> TrendDirection {
        guard p < alpha, slope != 0 else { return .stable }
        return (slope > 0) == (better == .lower) ? .degrading : .improving
    }
}
