import BenchFormats
import Statistics

/// For interleaved A/B repetitions (A₁ B₁ A₂ B₂ …, as `--a`/`--b` files given in run order), the
/// i-th run of each side shared the machine's state at that moment, so the per-pair difference of
/// means cancels slow drift. The paired t-test on those differences (one-sample t on dᵢ,
/// df = k − 1, exact two-sided p from Student t) is reported next to the unpaired tests.
/// Statistics has no paired test, so it is written here from its documented building blocks.
public enum PairedRepetitions {
    public struct Result: Equatable, Sendable {
        public var pairs: Int
        public var meanDifference: Double
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
            return Result(pairs: d.count, meanDifference: m.mean, t: m.mean == 0 ? 0 : (m.mean > 0 ? .infinity : -.infinity),
                          df: df, p: m.mean == 0 ? 1 : 0)
        }
        let t = m.mean / m.standardError
        return Result(pairs: d.count, meanDifference: m.mean, t: t, df: df, p: try StudentT.twoSidedP(t, degreesOfFreedom: df))
    }

    /// One note per metric present on both sides with the same number of repetitions.
    static func notes(reference: RunSamples, candidate: RunSamples) throws -> [String] {
        var notes: [String] = []
        for c in candidate.metrics {
            guard let r = reference.metric(c.key) else { continue }
            let rm = try r.valuesByRepetition().map { try Descriptive.mean($0) }
            let cm = try c.valuesByRepetition().map { try Descriptive.mean($0) }
            guard let result = try test(reference: rm, candidate: cm) else { continue }
            let base = try Descriptive.mean(rm)
            let pct = base != 0 ? " (\(ChangeRule.formatPct(100 * result.meanDifference / base)))" : ""
            notes.append("\(c.key): paired test of \(result.pairs) interleaved repetitions: mean difference \(String(format: "%.6g", result.meanDifference)) \(c.unit)\(pct), t = \(String(format: "%.4g", result.t)), df = \(Int(result.df)), p \(ChangeRule.formatRelation(result.p))")
        }
        return notes
    }
}
