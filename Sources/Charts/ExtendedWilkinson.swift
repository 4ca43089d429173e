import Foundation

/// Nice tick positions by Talbot, Lin & Hanrahan's extended Wilkinson algorithm ("An Extension
/// of Wilkinson's Algorithm for Positioning Tick Labels on Axes", InfoVis 2010), following the
/// authors' reference R implementation `labeling::extended`: it searches step multiples
/// (nice numbers Q, skip j, tick count k, power z, start) and scores each candidate by
/// simplicity, coverage, density and legibility with weights (0.25, 0.2, 0.5, 0.05), pruning
/// with the upper bound of each score. Legibility is the constant 1, as in the reference code;
/// label overlap is handled afterwards by measuring the rendered labels.
public enum ExtendedWilkinson {
    public static let niceNumbers: [Double] = [1, 5, 2, 2.5, 4, 3]
    public static let weights = (simplicity: 0.25, coverage: 0.2, density: 0.5, legibility: 0.05)

    /// About `targetCount` ticks spanning [lower, upper]. With `onlyLoose` the ticks enclose
    /// the data range.
    public static func ticks(lower: Double, upper: Double, targetCount: Int, onlyLoose: Bool = false) -> [Double] {
        let (dmin, dmax) = lower <= upper ? (lower, upper) : (upper, lower)
        let m = Double(max(2, targetCount))
        guard dmin.isFinite, dmax.isFinite else { return [] }
        // A span that overflows (−1.7e308 to 1.7e308) has no step to search: its ends are the ticks.
        guard (dmax - dmin).isFinite else { return [dmin, dmax] }
        if dmax - dmin < 1e-12 * max(1, abs(dmax)) { return [dmin] }
        let w = weights
        var best: (lmin: Double, lmax: Double, step: Double, score: Double)?
        var bestScore = -2.0
        var j = 1.0
        outer: while j < 1000 {
            for (index, q) in niceNumbers.enumerated() {
                let sm = simplicityMax(index: index, j: j)
                if w.simplicity * sm + w.coverage + w.density + w.legibility < bestScore { break outer }
                var k = 2.0
                while k < 1000 {
                    let dm = densityMax(k: k, m: m)
                    if w.simplicity * sm + w.coverage + w.density * dm + w.legibility < bestScore { break }
                    let delta = (dmax - dmin) / (k + 1) / j / q
                    var z = ceil(log10(delta))
                    while z < 400 {
                        let step = j * q * pow(10, z)
                        let cm = coverageMax(dmin: dmin, dmax: dmax, span: step * (k - 1))
                        if w.simplicity * sm + w.coverage * cm + w.density * dm + w.legibility < bestScore { break }
                        let minStart = (floor(dmax / step) * j - (k - 1) * j)
                        let maxStart = ceil(dmin / step) * j
                        if minStart <= maxStart {
                            var start = minStart
                            while start <= maxStart {
                                let lmin = start * (step / j)
                                let lmax = lmin + step * (k - 1)
                                let s = simplicity(index: index, j: j, lmin: lmin, lmax: lmax, step: step)
                                let c = coverage(dmin: dmin, dmax: dmax, lmin: lmin, lmax: lmax)
                                let g = density(k: k, m: m, dmin: dmin, dmax: dmax, lmin: lmin, lmax: lmax)
                                let score = w.simplicity * s + w.coverage * c + w.density * g + w.legibility
                                if score > bestScore, !onlyLoose || (lmin <= dmin && lmax >= dmax) {
                                    bestScore = score
                                    best = (lmin, lmax, step, score)
                                }
                                start += 1
                            }
                        }
                        z += 1
                    }
                    k += 1
                }
            }
            j += 1
        }
        guard let best else { return [dmin, dmax] }
        guard let steps = Int(exactly: ((best.lmax - best.lmin) / best.step).rounded()), (0...1000).contains(steps)
        else {
            return [dmin, dmax]
        }
        return (0...steps).map { cleaned(best.lmin + Double($0) * best.step, step: best.step) }
    }

    /// Removes floating-point dust such as 0.30000000000000004 (and −0).
    /// A step that is not finite and positive has no decimal place to round to: `value` as given.
    static func cleaned(_ value: Double, step: Double) -> Double {
        guard let decade = Int(exactly: floor(log10(step))) else { return value }
        let places = max(0, -decade + 2)
        let scale = pow(10, Double(places))
        let rounded = (value * scale).rounded() / scale
        return rounded == 0 ? 0 : rounded
    }

    private static func simplicity(index: Int, j: Double, lmin: Double, lmax: Double, step: Double) -> Double {
        let eps = Double.ulpOfOne * 100
        let n = Double(niceNumbers.count)
        let remainder = lmin.truncatingRemainder(dividingBy: step)
        let positiveRemainder = remainder < 0 ? remainder + step : remainder
        let includesZero = (positiveRemainder < eps || step - positiveRemainder < eps) && lmin <= 0 && lmax >= 0
        return 1 - Double(index) / (n - 1) - j + (includesZero ? 1 : 0)
    }

    private static func simplicityMax(index: Int, j: Double) -> Double {
        1 - Double(index) / Double(niceNumbers.count - 1) - j + 1
    }

    private static func coverage(dmin: Double, dmax: Double, lmin: Double, lmax: Double) -> Double {
        let range = dmax - dmin
        return 1 - 0.5 * (pow(dmax - lmax, 2) + pow(dmin - lmin, 2)) / pow(0.1 * range, 2)
    }

    private static func coverageMax(dmin: Double, dmax: Double, span: Double) -> Double {
        let range = dmax - dmin
        guard span > range else { return 1 }
        let half = (span - range) / 2
        return 1 - 0.5 * (2 * half * half) / pow(0.1 * range, 2)
    }

    private static func density(k: Double, m: Double, dmin: Double, dmax: Double, lmin: Double, lmax: Double) -> Double
    {
        let r = (k - 1) / (lmax - lmin)
        let rt = (m - 1) / (max(lmax, dmax) - min(dmin, lmin))
        return 2 - max(r / rt, rt / r)
    }

    private static func densityMax(k: Double, m: Double) -> Double {
        k >= m ? 2 - (k - 1) / (m - 1) : 1
    }
}
