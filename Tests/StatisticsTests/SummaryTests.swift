import XCTest
import Statistics

/// The sample: xᵢ = ((i·7919) mod 1009)/8 + (i mod 7)·0.3 for i in 0..<1000, built identically in
/// Python: `x = np.array([((i*7919) % 1009)/8 + (i % 7)*0.3 for i in range(1000)])`.
final class SummaryTests: XCTestCase {
    let sample: [Double] = (0..<1000).map { (index: Int) -> Double in
        let body: Double = Double((index * 7919) % 1009) / 8
        return body + Double(index % 7) * 0.3
    }

    func testSummaryMatchesNumpy() throws {
        let summary = try Summary(sample)
        XCTAssertEqual(summary.count, 1000)
        assertClose(summary.mean, 63.98385, relative: 1e-14)  // x.mean()
        assertClose(summary.standardDeviation ?? .nan, 36.4443539538378, relative: 1e-13)  // x.std(ddof=1)
        XCTAssertEqual(summary.minimum, 0.0)
        XCTAssertEqual(summary.maximum, 127.125)
        // np.quantile(x, p) for p in [0.5, 0.9, 0.95, 0.99, 0.999]: identical interpolation, exact.
        XCTAssertEqual(summary.p50, 63.975)
        XCTAssertEqual(summary.p90, 114.4325)
        XCTAssertEqual(summary.p95, 120.51874999999998)
        XCTAssertEqual(summary.p99, 125.67575)
        XCTAssertEqual(summary.p999, 126.950175)
    }

    func testSortingInitializerLeavesASortedArrayAndAgrees() throws {
        var values = sample
        let summary = try Summary(sorting: &values)
        XCTAssertEqual(values, sample.sorted())
        XCTAssertEqual(try Summary(sorted: values), summary)
    }

    func testSingleValueAndBadInput() throws {
        let one = try Summary([5])
        XCTAssertNil(one.standardDeviation)
        XCTAssertEqual([one.minimum, one.p50, one.p999, one.maximum], [5, 5, 5, 5])
        assertThrows(.tooFewValues) { try Summary([]) }
        assertThrows(.nonFiniteValue) { try Summary([1, .nan]) }
        assertThrows(.invalidParameter) { try Summary(sorted: [2, 1]) }
    }

    func testPercentileSpectrumGridIsCappedByTheSampleSize() {
        let body = (0...18).map { Double($0) / 20 }
        XCTAssertEqual(
            PercentileSpectrum.grid(sampleCount: 1000),
            body + [0.95, 0.98, 0.99, 0.995, 0.998, 0.999, 1.0])
        // n = 10: only p with 10·(1 − p) ≥ 1, then the maximum.
        XCTAssertEqual(PercentileSpectrum.grid(sampleCount: 10), Array(body) + [1.0])
        XCTAssertEqual(PercentileSpectrum.grid(sampleCount: 1), [0, 1])
        XCTAssertEqual(PercentileSpectrum.grid(sampleCount: 0), [])
        let large = PercentileSpectrum.grid(sampleCount: 10_000_000)
        // n = 10⁷ reaches 1 − 10⁻⁷ (one value beyond it) but not 1 − 5·10⁻⁸.
        XCTAssertEqual(Array(large.suffix(4)), [0.9999995, 0.9999998, 0.9999999, 1.0])
    }

    func testPercentileSpectrumValuesMatchNumpy() throws {
        // [np.quantile(x, p) for p in [k/20 for k in range(19)] + [0.95, 0.98, 0.99, 0.995, 0.998, 0.999, 1.0]]
        let expected = [
            0.0, 7.19625, 13.665000000000001, 19.735, 26.105, 32.556250000000006, 38.62,
            45.089999999999996, 51.46, 57.69500000000001, 63.975, 70.345, 76.715, 82.785,
            89.15499999999999, 95.525, 101.75000000000001, 108.06125, 114.4325,
            120.51874999999998, 124.47649999999999, 125.67575, 126.5005, 126.77535,
            126.950175, 127.125,
        ]
        let spectrum = try PercentileSpectrum.of(sample)
        XCTAssertEqual(spectrum.map(\.value), expected)
        XCTAssertEqual(spectrum.map(\.p), PercentileSpectrum.grid(sampleCount: 1000))
    }
}
