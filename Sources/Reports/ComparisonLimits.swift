import BenchFormats

/// The noise floor and WARN/FAIL limits behind a comparison's verdicts. `analyze` records them
/// in the results (`comparison.noise_pct`, `comparison.regression`); for results written before
/// it did, the thresholds file render is given fills the gap, so `baseline-delta.png` can still
/// shade the noise band. Values in the results always win: they are what the verdicts used.
enum ComparisonLimits {
    static func filled(_ results: LoadedResults, from thresholds: Thresholds?) -> LoadedResults {
        guard let thresholds, var comparison = results.comparison else { return results }
        var results = results
        comparison.noisePct = comparison.noisePct ?? thresholds.noisePct
        comparison.regression = comparison.regression ?? thresholds.regression
        results.comparison = comparison
        return results
    }

}
