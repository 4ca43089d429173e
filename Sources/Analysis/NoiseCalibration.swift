import BenchFormats
import Foundation
import Statistics

/// The run-to-run noise of one metric measured on A/A runs (the same build run several times).
public struct MetricNoise: Codable, Sendable, Equatable {
    public var scenario: String
    public var metric: String
    public var unit: String
    /// Runs (files or repetitions) the metric appeared in.
    public var runs: Int
    /// Mean of each run, in run order.
    public var runMeans: [Double]
    /// Coefficient of variation of the run means, in percent: the noise floor.
    public var cvPct: Double?
    /// Minimum detectable effect (α from thresholds, 80 % power) with one run per side — what a
    /// plain `bench | analyze` against the baseline can see.
    public var mdeSingleRunPct: Double?
    /// The same with as many runs per side as were given here.
    public var mdeRunsPct: Double?
    /// Why no floor was computed (fewer than two runs, zero mean).
    public var skipped: String?

    public var key: MetricKey { MetricKey(scenario: scenario, metric: metric) }

    enum CodingKeys: String, CodingKey {
        case scenario, metric, unit, runs, skipped
        case runMeans = "run_means"
        case cvPct = "cv_pct"
        case mdeSingleRunPct = "mde_single_run_pct"
        case mdeRunsPct = "mde_runs_pct"
    }
}

/// What `analyze noise` prints: the noise of every metric of a set of A/A runs.
public struct NoiseReport: Codable, Sendable, Equatable {
    public var schema = "meshbench.noise/1"
    public var host: String
    public var alpha: Double
    public var metrics: [MetricNoise]
}

/// A/A calibration: the same build measured several times shows how much a metric moves by
/// chance, which is the floor below which no change can be told from noise. The floor is the
/// coefficient of variation of the per-run means (the run is the unit of replication).
public enum NoiseCalibration {
    public static func measure(_ run: RunSamples, alpha: Double) throws -> NoiseReport {
        let metrics = try run.metrics.map { m -> MetricNoise in
            let means = try m.valuesByRepetition().map { try Descriptive.mean($0) }
            var noise = MetricNoise(
                scenario: m.scenario, metric: m.metric, unit: m.unit, runs: means.count, runMeans: means)
            guard means.count >= 2 else {
                noise.skipped = "only one run: give at least two A/A runs (files or repetitions)"
                return noise
            }
            let moments = try SampleMoments(means)
            guard moments.mean != 0 else {
                noise.skipped = "the run means average to 0, so a relative noise is undefined"
                return noise
            }
            let cv = moments.standardDeviation / abs(moments.mean)
            noise.cvPct = 100 * cv
            noise.mdeSingleRunPct = try MinimumDetectableEffect.percent(
                coefficientOfVariation: cv, runsPerSide: 1, alpha: alpha)
            noise.mdeRunsPct = try MinimumDetectableEffect.percent(
                coefficientOfVariation: cv, runsPerSide: means.count, alpha: alpha)
            return noise
        }
        return NoiseReport(host: run.header.host.fingerprint, alpha: alpha, metrics: metrics)
    }

    /// The baseline with each measured floor stored on its metric. Refuses a baseline from
    /// another host: noise measured on one machine says nothing about another.
    public static func apply(
        _ report: NoiseReport, to baseline: Baseline, baselinePath: String
    ) throws -> (Baseline, [String]) {
        guard baseline.run.host.fingerprint == report.host else {
            throw AnalysisError.badInput(
                file: baselinePath, line: nil,
                problem:
                    "the baseline was recorded on host \(baseline.run.host.fingerprint) but the A/A runs on \(report.host)",
                fix:
                    "record the baseline on this host first (`analyze --update-baseline FILE`), then run `analyze noise --update-baseline`"
            )
        }
        var updated = baseline
        var notes: [String] = []
        for n in report.metrics {
            guard let cv = n.cvPct else { continue }
            guard let i = updated.metrics.firstIndex(where: { $0.key == n.key }) else {
                notes.append("\(n.key): not in the baseline, noise floor not stored")
                continue
            }
            updated.metrics[i].noiseFloorPct = cv
            updated.metrics[i].noiseFloorRuns = n.runs
        }
        return (updated, notes)
    }
}
