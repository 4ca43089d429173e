import XCTest
import Statistics

/// The bootstrap is checked bit for bit against this independent Python implementation of the
/// same generator and algorithm (Python integers, numpy only for the final type-7 quantiles):
///
/// ```python
/// import numpy as np
/// M = (1 << 64) - 1
/// def splitmix(state):
///     state = (state + 0x9E3779B97F4A7C15) & M; z = state
///     z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M; z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
///     return state, z ^ (z >> 31)
/// class Xoshiro:
///     def __init__(self, seed):
///         s = seed; self.s = []
///         for _ in range(4):
///             s, v = splitmix(s); self.s.append(v)
///     def next(self):
///         s = self.s; rotl = lambda x, k: ((x << k) | (x >> (64 - k))) & M
///         result = (rotl((s[1] * 5) & M, 7) * 9) & M; t = (s[1] << 17) & M
///         s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t; s[3] = rotl(s[3], 45)
///         return result
///     def below(self, n):                      # Lemire's multiply-shift with rejection
///         m = self.next() * n; low = m & M
///         if low < n:
///             t = ((1 << 64) - n) % n
///             while low < t:
///                 m = self.next() * n; low = m & M
///         return m >> 64
/// def mean(v):                                 # plain left-to-right sum, like the Swift code
///     s = 0.0
///     for x in v: s += x
///     return s / len(v)
/// def median(v): return float(np.quantile(sorted(v), 0.5))
/// def boot(base, cand, stat, B, level, seed):
///     g = Xoshiro(seed); d = []
///     for _ in range(B):
///         rb = [base[g.below(len(base))] for _ in base]
///         rc = [cand[g.below(len(cand))] for _ in cand]
///         d.append(stat(rc) / stat(rb) - 1)
///     d = np.sort(d)
///     return stat(cand)/stat(base) - 1, float(np.quantile(d, (1-level)/2)), float(np.quantile(d, (1+level)/2))
/// ```
final class BootstrapTests: XCTestCase {
    let baseline = [12.1, 11.8, 12.6, 13.0, 11.9, 12.4, 12.2, 12.8]
    let candidate = [13.4, 12.9, 13.8, 14.1, 13.0, 13.6, 13.3]

    func testMeanBootstrapMatchesPython() throws {
        // boot(base, cand, mean, 2000, 0.95, 20240601)
        let result = try BootstrapRelativeDifference(
            baseline: baseline, candidate: candidate, statistic: .mean, resamples: 2000, level: 0.95, seed: 20_240_601)
        XCTAssertEqual(result.estimate, 0.08849045691150947)
        XCTAssertEqual(result.interval.lower, 0.05608677037248455)
        XCTAssertEqual(result.interval.upper, 0.1229099442651802)
    }

    func testMedianBootstrapMatchesPython() throws {
        // boot(base, cand, median, 2000, 0.95, 20240601)
        let result = try BootstrapRelativeDifference(
            baseline: baseline, candidate: candidate, statistic: .median, resamples: 2000, seed: 20_240_601)
        XCTAssertEqual(result.estimate, 0.08943089430894302)
        XCTAssertEqual(result.interval.lower, 0.040000000000000036)
        XCTAssertEqual(result.interval.upper, 0.14049586776859524)
    }

    func testCustomStatisticAndOtherLevelMatchPython() throws {
        // boot(base, cand, mean, 500, 0.90, 7), with the mean supplied as a closure.
        let result = try BootstrapRelativeDifference(
            baseline: baseline, candidate: candidate,
            statistic: .custom { values in values.reduce(0, +) / Double(values.count) },
            resamples: 500, level: 0.90, seed: 7)
        XCTAssertEqual(result.interval.lower, 0.05836597688026266)
        XCTAssertEqual(result.interval.upper, 0.1170735522146564)
    }

    func testSameSeedSameResultDifferentSeedDifferentResult() throws {
        let first = try BootstrapRelativeDifference(baseline: baseline, candidate: candidate, resamples: 300, seed: 1)
        let again = try BootstrapRelativeDifference(baseline: baseline, candidate: candidate, resamples: 300, seed: 1)
        let other = try BootstrapRelativeDifference(baseline: baseline, candidate: candidate, resamples: 300, seed: 2)
        XCTAssertEqual(first.interval, again.interval)
        XCTAssertNotEqual(first.interval, other.interval)
    }

    func testDegenerateInputs() {
        assertThrows(.degenerate) {
            try BootstrapRelativeDifference(baseline: [0, 0], candidate: [1, 2], resamples: 10, seed: 1)
        }
        assertThrows(.tooFewValues) {
            try BootstrapRelativeDifference(baseline: [], candidate: [1, 2], resamples: 10, seed: 1)
        }
        assertThrows(.invalidParameter) {
            try BootstrapRelativeDifference(baseline: [1], candidate: [1, 2], resamples: 1, seed: 1)
        }
    }
}
