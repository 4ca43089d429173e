import Analysis
import BenchFormats
import Foundation
import Statistics

/// Simulated comparisons for measuring verdict rates: a run of `metrics` latency metrics, each
/// with `repetitions` repetitions whose means spread with run-to-run coefficient of variation
/// `cv` around 100 ms (× `shift` for the first metric), against a baseline built the same way.
/// Each repetition holds 30 samples whose mean is exactly the repetition's mean, so the run-level
/// spread is `cv` by construction. With `floorRuns`, the baseline's noise floor is the CV measured
/// on that many simulated A/A runs, as `analyze noise --update-baseline` would store it.
struct VerdictSimulation {
    var metrics = 5
    var cv: Double
    var candidateRepetitions: Int
    var baselineRepetitions: Int
    var floorRuns: Int?

    /// Within-run deviations: symmetric, so each repetition's mean is its run mean.
    static let pattern: [Double] = (0..<15).flatMap { i -> [Double] in
        let d = 0.2 * Double(i + 1) / 15
        return [d, -d]
    }

    /// The verdicts of the shifted metric (index 0) and of the others, for one trial.
    func trial(
        shift: Double, generator g: inout Xoshiro256StarStar
    ) throws -> (shifted: ChangeVerdict?, others: [ChangeVerdict?]) {
        func records(_ reps: Int, shifted: Double) -> [SampleRecord] {
            (0..<metrics).map { k in
                let runMeans = (0..<reps).map { _ in 100 * (k == 0 ? shifted : 1) * (1 + cv * g.nextNormal()) }
                let values = runMeans.flatMap { m in Self.pattern.map { m * (1 + $0) } }
                let rep = (0..<reps).flatMap { Array(repeating: $0, count: Self.pattern.count) }
                return Fixture.latency(values, scenario: "tier1.sim-\(k)", rep: reps > 1 ? rep : nil)
            }
        }
        var baseline = try Fixture.baseline(records(baselineRepetitions, shifted: 1))
        if let floorRuns {
            for i in baseline.metrics.indices {
                let aa = try SampleMoments((0..<floorRuns).map { _ in 100 * (1 + cv * g.nextNormal()) })
                baseline.metrics[i].noiseFloorPct = 100 * aa.standardDeviation / aa.mean
                baseline.metrics[i].noiseFloorRuns = floorRuns
            }
        }
        let doc = try Fixture.analyze(try Fixture.run(records(candidateRepetitions, shifted: shift)), against: baseline)
        let verdicts = doc.metrics.sorted { $0.scenario < $1.scenario }.map { $0.change?.verdict }
        return (verdicts[0], Array(verdicts.dropFirst()))
    }

    /// Share of `trials` in which the shifted metric was caught (WARN or FAIL), was a FAIL, and
    /// in which any unshifted metric raised a WARN or FAIL.
    func rates(shift: Double, trials: Int, seed: UInt64) throws -> (caught: Double, fail: Double, falseAlarm: Double) {
        var g = Xoshiro256StarStar(seed: seed)
        var caught = 0, fail = 0, falseAlarm = 0
        for _ in 0..<trials {
            let t = try trial(shift: shift, generator: &g)
            if t.shifted == .warn || t.shifted == .fail { caught += 1 }
            if t.shifted == .fail { fail += 1 }
            if t.others.contains(where: { $0 == .warn || $0 == .fail }) { falseAlarm += 1 }
        }
        let n = Double(trials)
        return (Double(caught) / n, Double(fail) / n, Double(falseAlarm) / n)
    }
}

extension Xoshiro256StarStar {
    /// A standard normal draw (Box–Muller on two uniforms in (0, 1]).
    mutating func nextNormal() -> Double {
        let u1 = 1 - nextUnitDouble()
        let u2 = nextUnitDouble()
        return (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
    }
}
