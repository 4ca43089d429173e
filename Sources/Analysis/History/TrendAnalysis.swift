import BenchFormats
import Foundation
import Statistics

/// Trends over the history window (story 11.6 AC 7, DESIGN §5): per metric, the least-squares
/// slope per day with its 95 % CI, R² and p; a direction only when the slope is significant;
/// anomalies by the robust z-score; change points by binary segmentation with a seeded
/// permutation test. Fewer than `minimumPoints` runs → "insufficient history", nothing fitted.
///
/// The statistic followed is p95 for time metrics (the statistic their SLAs use) and the mean
/// for the others.
public enum TrendAnalysis {
    public static let minimumPoints = 5
    public static let robustZThreshold = 3.5
    public static let sigmaRuleK = 2.0

    public static func trends(_ entries: [HistoryEntry], alpha: Double, seed: UInt64) -> [TrendResult] {
        var order: [MetricKey] = []
        var points: [MetricKey: [(date: Date, metric: HistoryMetric, runID: String)]] = [:]
        for e in entries.sorted(by: { $0.recordedAt < $1.recordedAt }) {
            for m in e.metrics {
                if points[m.key] == nil { order.append(m.key) }
                points[m.key, default: []].append((e.recordedAt, m, e.run.runID))
            }
        }
        return order.map { key in
            let series = points[key]!
            let last = series[series.count - 1].metric
            let stat: Statistic = MetricClass.isTime(last.unit) ? .p95 : .mean
            let values = series.map { $0.metric.value(of: stat)! }
            var trend = TrendResult(
                scenario: key.scenario, metric: key.metric, stat: stat, unit: last.unit, better: last.better,
                points: zip(series, values).map { TrendPoint(t: $0.date, value: $1, runID: $0.runID) },
                direction: .insufficientHistory,
                anomalyRule: "robust z = (x − median)/(1.4826·MAD) beyond ±\(robustZThreshold)")
            guard series.count >= minimumPoints else {
                trend.anomalyRule += "; not applied: \(series.count) run(s) in the window, at least \(minimumPoints) are needed"
                return trend
            }
            let origin = series[0].date
            let days = series.map { $0.date.timeIntervalSince(origin) / 86_400 }
            if let fit = try? LinearRegression(x: days, y: values) {
                trend.slopePerDay = fit.slope
                trend.slopeCI = Interval(low: fit.slopeInterval.lower, high: fit.slopeInterval.upper)
                trend.r2 = fit.rSquared
                trend.p = fit.slopePValue
                trend.direction = direction(slope: fit.slope, p: fit.slopePValue, alpha: alpha, better: last.better)
            } else {
                trend.direction = .stable
            }
            if let robust = try? RobustStatistics.outlierIndices(values, threshold: robustZThreshold) {
                for i in robust { trend.points[i].anomaly = true }
            }
            if let sigma = try? MeanSigmaOutlierRule.outlierIndices(values, k: sigmaRuleK), !sigma.isEmpty {
                trend.anomalyRule += "; for comparison the non-robust mean ± \(Int(sigmaRuleK))σ rule flags points \(sigma.map(String.init).joined(separator: ", "))"
            }
            let cpSeed = StableSeed.forMetric(key, seed: seed)
            if let cps = try? ChangePointDetection.binarySegmentation(values, alpha: alpha, permutations: 199,
                                                                       minimumSegmentLength: 5, seed: cpSeed) {
                trend.changePoints = cps.map(\.index).sorted()
            }
            return trend
        }
    }

    static func direction(slope: Double, p: Double, alpha: Double, better: Better) -> TrendDirection {
        guard p < alpha, slope != 0 else { return .stable }
        return (slope > 0) == (better == .lower) ? .degrading : .improving
    }
}
