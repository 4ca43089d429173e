import BenchFormats
import Foundation
import Statistics

/// Same-runner A/B in rounds: the i-th run of each side (files given in round order) shared the
/// machine's state at that moment, so their ratio cancels whatever the machine was doing, and
/// alternating the order within rounds (A B, B A, A B, … — ABBA) cancels a linear drift as well.
/// Each metric is judged by the paired t-test on the per-round log ratio of run means,
/// ln(mean Bᵢ / mean Aᵢ), one-sample t with df = k − 1 and an exact Student t p-value. The noise
/// it is judged against is the spread of those round ratios, measured in this very job: no floor
/// recorded on another machine enters.
///
/// The change is exp(mean log ratio) − 1 with the CI exp(mean ± t₀.₉₇₅ · se) − 1, a ratio of
/// geometric means (for changes of a few tens of percent within a fraction of a percent of the
/// ratio of means). The minimum detectable effect and the rounds needed for a wanted power use
/// the same t quantiles: MDE = exp((t₁₋α/₂ + t_power) · s / √k) − 1 with s the sd of the log ratios
/// (the usual approximation of the noncentral t; slightly optimistic below ~6 rounds).
public enum PairedRepetitions {
    public struct Result: Equatable, Sendable {
        public var pairs: Int
        public var meanDifference: Double
        /// Standard error of the mean difference (0 when every pair differs by the same amount).
        public var standardError: Double
        public var t: Double
        public var df: Double
        public var p: Double
    }

    /// The paired test of `candidate[i] − reference[i]`; nil with fewer than two pairs or unequal counts.
    public static func test(reference: [Double], candidate: [Double]) throws -> Result? {
        guard reference.count == candidate.count, reference.count >= 2 else { return nil }
        let d = zip(candidate, reference).map { $0 - $1 }
        let m = try SampleMoments(d)
        let df = Double(d.count - 1)
        if m.variance == 0 {
            // Every pair moved by exactly the same amount: no spread to test against.
            return Result(
                pairs: d.count, meanDifference: m.mean, standardError: 0,
                t: m.mean == 0 ? 0 : (m.mean > 0 ? .infinity : -.infinity), df: df, p: m.mean == 0 ? 1 : 0)
        }
        let t = m.mean / m.standardError
        return Result(
            pairs: d.count, meanDifference: m.mean, standardError: m.standardError, t: t, df: df,
            p: try StudentT.twoSidedP(t, degreesOfFreedom: df))
    }

    /// One metric's paired comparison over the rounds.
    public struct RoundComparison: Sendable {
        public var rounds: Int
        public var deltaPct: Double
        public var ci: Interval
        public var test: Result
        /// Sd of the per-round change in percent of the reference (this job's noise), from the
        /// log ratios: 100 · (exp(s) − 1).
        public var roundNoisePct: Double
        /// Smallest change detected with 80 % power by this many rounds at this noise.
        public var mdePct: Double

        /// The paired test, its noise and what it could detect, for the verdict's reason.
        func describe(alpha: Double, warnPct: Double?) -> String {
            var text =
                "paired t-test of \(rounds) interleaved rounds on the log ratio of run means decides"
                + " (t = \(String(format: "%.3g", test.t)), df = \(Int(test.df)), p \(ChangeRule.formatRelation(test.p)));"
                + " noise measured in this job: round-to-round sd \(ChangeRule.formatPct(roundNoisePct, signed: false));"
                + " minimum detectable effect ≈ \(ChangeRule.formatPct(mdePct, signed: false)) at 80 % power"
            if let warnPct, mdePct > warnPct,
                // Advice only: with no answer (no noise measured) the sentence is left out.
                let needed = try? PairedRepetitions.roundsNeeded(
                    noisePct: roundNoisePct, effectPct: warnPct, alpha: alpha, power: 0.95)
            {
                text +=
                    "; \(needed) rounds would catch +\(ChangeRule.formatPct(warnPct, signed: false)) with 95 % power"
            }
            return text
        }
    }

    /// The paired log-ratio comparison of one metric; nil with fewer than two rounds, unequal
    /// round counts, or a run mean ≤ 0 (no ratio).
    public static func compareRounds(reference: [Double], candidate: [Double], alpha: Double) throws -> RoundComparison?
    {
        guard reference.count == candidate.count, reference.count >= 2,
            (reference + candidate).allSatisfy({ $0 > 0 && $0.isFinite })
        else { return nil }
        guard let r = try test(reference: reference.map { log($0) }, candidate: candidate.map { log($0) }) else {
            return nil
        }
        let k = Double(r.pairs)
        let tCrit = try StudentT.quantile(1 - alpha / 2, degreesOfFreedom: r.df)
        let half = tCrit * r.standardError
        let sd = r.standardError * k.squareRoot()
        let mde = try logMDE(sd: sd, rounds: r.pairs, alpha: alpha, power: 0.8)
        return RoundComparison(
            rounds: r.pairs, deltaPct: 100 * expm1(r.meanDifference),
            ci: Interval(low: 100 * expm1(r.meanDifference - half), high: 100 * expm1(r.meanDifference + half)),
            test: r, roundNoisePct: 100 * expm1(sd), mdePct: 100 * expm1(mde))
    }

    /// (t₁₋α/₂ + t_power) · s / √k on the log scale, df = k − 1.
    static func logMDE(sd: Double, rounds: Int, alpha: Double, power: Double) throws -> Double {
        let df = Double(rounds - 1)
        let z =
            try StudentT.quantile(1 - alpha / 2, degreesOfFreedom: df) + StudentT.quantile(power, degreesOfFreedom: df)
        return z * sd / Double(rounds).squareRoot()
    }

    /// The fewest rounds (≥ 3, at most 1,000) whose paired test detects a change of `effectPct`
    /// with `power`, when the round-to-round sd of the change is `noisePct`: how `ab-compare.sh`
    /// and the docs pick the number of rounds.
    public static func roundsNeeded(noisePct: Double, effectPct: Double, alpha: Double, power: Double) throws -> Int {
        let sd = log1p(noisePct / 100)
        let effect = log1p(effectPct / 100)
        for k in 3...1000 {
            if try logMDE(sd: sd, rounds: k, alpha: alpha, power: power) <= effect { return k }
        }
        return 1000
    }
}
