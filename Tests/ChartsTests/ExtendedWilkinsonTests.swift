import XCTest
@testable import Charts

/// Expected ticks come from this Python transcription of the authors' R reference
/// `labeling::extended` (Q = 1,5,2,2.5,4,3; w = 0.25,0.2,0.5,0.05), e.g. `extended(0, 100, 5)`:
///
///     # Reimplementation of R labeling::extended (Talbot, Lin, Hanrahan 2010), for test expectations.
///     import math
///     def extended(dmin, dmax, m, Q=(1,5,2,2.5,4,3), only_loose=False, w=(0.25,0.2,0.5,0.05)):
///         eps = 2.220446e-16*100
///         if dmin > dmax: dmin, dmax = dmax, dmin
///         if dmax - dmin < eps: return [dmin]
///         n = len(Q); best = None; best_score = -2
///         def simplicity(i, j, lmin, lmax, lstep):
///             v = 1 if ((lmin % lstep) < eps or lstep - (lmin % lstep) < eps) and lmin <= 0 and lmax >= 0 else 0
///             return 1 - i/(n-1) - j + v
///         def simplicity_max(i, j): return 1 - i/(n-1) - j + 1
///         def coverage(lmin, lmax):
///             r = dmax - dmin
///             return 1 - 0.5*((dmax-lmax)**2 + (dmin-lmin)**2)/((0.1*r)**2)
///         def coverage_max(span):
///             r = dmax - dmin
///             if span > r:
///                 half = (span - r)/2
///                 return 1 - 0.5*(2*half*half)/((0.1*r)**2)
///             return 1
///         def density(k, lmin, lmax):
///             r = (k-1)/(lmax-lmin); rt = (m-1)/(max(lmax,dmax)-min(dmin,lmin))
///             return 2 - max(r/rt, rt/r)
///         def density_max(k): return 2-(k-1)/(m-1) if k >= m else 1
///         j = 1
///         while True:
///             for i, q in enumerate(Q):
///                 sm = simplicity_max(i, j)
///                 if w[0]*sm + w[1] + w[2] + w[3] < best_score:
///                     return [best[0] + s*best[2] for s in range(int(round((best[1]-best[0])/best[2]))+1)]
///                 k = 2
///                 while True:
///                     dm = density_max(k)
///                     if w[0]*sm + w[1] + w[2]*dm + w[3] < best_score: break
///                     delta = (dmax-dmin)/(k+1)/j/q
///                     z = math.ceil(math.log10(delta))
///                     while True:
///                         step = j*q*10**z
///                         cm = coverage_max(step*(k-1))
///                         if w[0]*sm + w[1]*cm + w[2]*dm + w[3] < best_score: break
///                         min_start = math.floor(dmax/step)*j - (k-1)*j
///                         max_start = math.ceil(dmin/step)*j
///                         for start in range(int(min_start), int(max_start)+1):
///                             lmin = start*(step/j); lmax = lmin + step*(k-1); lstep = step
///                             s = simplicity(i, j, lmin, lmax, lstep); c = coverage(lmin, lmax)
///                             g = density(k, lmin, lmax)
///                             score = w[0]*s + w[1]*c + w[2]*g + w[3]
///                             if score > best_score and (not only_loose or (lmin <= dmin and lmax >= dmax)):
///                                 best_score = score; best = (lmin, lmax, lstep)
///                         z += 1
///                     k += 1
///             j += 1
final class ExtendedWilkinsonTests: XCTestCase {
    private func assertTicks(
        _ lower: Double, _ upper: Double, _ m: Int, _ expected: [Double], onlyLoose: Bool = false,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        let ticks = ExtendedWilkinson.ticks(lower: lower, upper: upper, targetCount: m, onlyLoose: onlyLoose)
        XCTAssertEqual(ticks.count, expected.count, "\(ticks)", file: file, line: line)
        for (tick, want) in zip(ticks, expected) {
            XCTAssertEqual(tick, want, accuracy: 1e-9 * max(1, abs(want)), "\(ticks)", file: file, line: line)
        }
    }

    func testZeroToHundred() {
        assertTicks(0, 100, 5, [0, 25, 50, 75, 100])
        assertTicks(0, 100, 6, [0, 20, 40, 60, 80, 100])
        assertTicks(0, 100, 10, [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100])
        assertTicks(0, 100, 3, [0, 50, 100])
    }

    func testRangesThatDoNotStartOnANiceNumber() {
        assertTicks(0.13, 9.7, 5, [0, 2.5, 5, 7.5, 10])
        assertTicks(0.13, 9.7, 5, [0, 2.5, 5, 7.5, 10], onlyLoose: true)
        assertTicks(-3.7, 12.2, 5, [-4, 0, 4, 8, 12])
        assertTicks(-17.3, 61.2, 7, [-20, -10, 0, 10, 20, 30, 40, 50, 60])
        assertTicks(97, 103, 5, [97, 98, 99, 100, 101, 102, 103])
    }

    func testSmallAndLargeMagnitudes() {
        assertTicks(0, 1, 5, [0, 0.25, 0.5, 0.75, 1])
        assertTicks(-0.0042, 0.0017, 4, [-0.004, -0.002, 0, 0.002])
        assertTicks(1e6, 23.4e6, 6, [0, 5e6, 10e6, 15e6, 20e6, 25e6])
        assertTicks(8.1e6, 11.4e6, 5, [8e6, 9e6, 10e6, 11e6])
    }

    func testDegenerateRangeGivesOneTick() {
        XCTAssertEqual(ExtendedWilkinson.ticks(lower: 5, upper: 5, targetCount: 5), [5])
        XCTAssertEqual(ExtendedWilkinson.ticks(lower: .nan, upper: 5, targetCount: 5), [])
    }
}
