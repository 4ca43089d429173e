import Analysis
import BenchFormats
import XCTest

/// Summaries against numpy/scipy on a deterministic sample:
/// b = [10.5 + ((i·104729) mod 97)/9 for i in 0..<45], hops = 1 + (i mod 3).
final class MetricSummarizerTests: XCTestCase {
    let values = (0..<45).map { 10.5 + Double(($0 * 104_729) % 97) / 9 }
    let hops = (0..<45).map { 1 + $0 % 3 }

    func testSummaryMatchesNumpy() throws {
        let run = try Fixture.run([Fixture.latency(values, hops: hops)])
        let r = try MetricSummarizer.summarize(run.metrics[0]).result
        XCTAssertEqual(r.n, 45)
        XCTAssertEqual(r.runs, 1)
        // np.mean(b), np.std(b, ddof=1), np.quantile(b, [.5, .9, .95, .99, .999])
        XCTAssertEqual(r.mean, 15.675308641975306, accuracy: 1e-12)
        XCTAssertEqual(r.sd!, 3.1839849747198556, accuracy: 1e-12)
        XCTAssertEqual(r.min, 10.5)
        XCTAssertEqual(r.max, 20.944444444444443, accuracy: 1e-12)
        XCTAssertEqual(r.p50, 15.722222222222221, accuracy: 1e-12)
        XCTAssertEqual(r.p90, 19.922222222222224, accuracy: 1e-12)
        XCTAssertEqual(r.p95, 20.433333333333334, accuracy: 1e-12)
        XCTAssertEqual(r.p99, 20.797777777777778, accuracy: 1e-12)
        XCTAssertEqual(r.p999, 20.929777777777776, accuracy: 1e-12)
    }

    func testConfidenceIntervals() throws {
        let r = try MetricSummarizer.summarize(try Fixture.run([Fixture.latency(values)]).metrics[0]).result
        // scipy: mean ± t.ppf(0.975, 44)·s/√45
        XCTAssertEqual(r.ci.mean!.low, 14.718733657055951, accuracy: 1e-10)
        XCTAssertEqual(r.ci.mean!.high, 16.631883626894663, accuracy: 1e-10)
        // Exact binomial order-statistic interval for the median: ranks 16 and 30 of 45
        // (largest l with binom(45, .5).cdf(l−1) ≤ .025, smallest u with sf(u−1) ≤ .025).
        XCTAssertEqual(r.ci.p50!.low, 14.055555555555555, accuracy: 1e-12)
        XCTAssertEqual(r.ci.p50!.high, 17.5, accuracy: 1e-12)
        // 45 values cannot give an equal-tailed 95 % interval for p99: it is left out, not faked.
        XCTAssertNil(r.ci.p99)
    }

    func testSpectrumIsMonotoneAndEndsAtTheMaximum() throws {
        let r = try MetricSummarizer.summarize(try Fixture.run([Fixture.latency(values)]).metrics[0]).result
        XCTAssertEqual(r.spectrum.first?.p, 0)
        XCTAssertEqual(r.spectrum.last?.p, 1)
        XCTAssertEqual(r.spectrum.last?.value, r.max)
        XCTAssertEqual(r.spectrum.map(\.value), r.spectrum.map(\.value).sorted())
    }

    func testByHopsMatchesNumpyPerGroup() throws {
        let r = try MetricSummarizer.summarize(try Fixture.run([Fixture.latency(values, hops: hops)]).metrics[0]).result
        let buckets = try XCTUnwrap(r.byHops)
        XCTAssertEqual(buckets.map(\.hops), [1, 2, 3])
        XCTAssertEqual(buckets.map(\.n), [15, 15, 15])
        // np.quantile(b[h == 2], [.25, .5, .75, .95])
        XCTAssertEqual(buckets[1].p25, 12.166666666666668, accuracy: 1e-12)
        XCTAssertEqual(buckets[1].p50, 17.833333333333332, accuracy: 1e-12)
        XCTAssertEqual(buckets[1].p75, 19.388888888888886, accuracy: 1e-12)
        XCTAssertEqual(buckets[1].p95, 20.633333333333333, accuracy: 1e-12)
        XCTAssertEqual(buckets[2].p50, 17.5, accuracy: 1e-12)
    }

    func testBlocksOfOneMetricAreJoinedAndUnitChangesRefused() throws {
        let run = try Fixture.run([Fixture.latency(Array(values[..<20])), Fixture.latency(Array(values[20...]))])
        XCTAssertEqual(run.metrics.count, 1)
        XCTAssertEqual(run.metrics[0].values, values)
        let seconds = SampleRecord.samples(
            SamplesBlock(
                scenario: "tier1.propagation-3", metric: "latency", unit: "s",
                better: .lower, values: [1]))
        XCTAssertThrowsError(try Fixture.run([Fixture.latency([1]), seconds])) { error in
            XCTAssertTrue("\(error)".contains("unit \"s\" but earlier blocks used \"ms\""), "\(error)")
            XCTAssertEqual((error as? AnalysisError)?.exitCode, 2)
        }
    }

    func testSeriesAreDownsampledToAtMost500PointsKeepingTheEnds() throws {
        let t = (0..<5000).map(Double.init)
        let v = t.map { $0 == 2500 ? 1000 : sin($0 / 100) }
        let d = SeriesDownsampling.lttb(t: t, values: v, maxPoints: 500)
        XCTAssertEqual(d.t.count, 500)
        XCTAssertEqual(d.t.first, 0)
        XCTAssertEqual(d.t.last, 4999)
        XCTAssertTrue(d.values.contains(1000), "a spike must survive downsampling")
        XCTAssertEqual(d.t, d.t.sorted())
    }
}
