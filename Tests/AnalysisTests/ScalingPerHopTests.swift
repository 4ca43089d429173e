import Analysis
import BenchFormats
import Foundation
import XCTest

/// Issue 15: scaling is judged on the mesh's own per-hop processing time (the nodes' phase
/// timings), not on full-propagation latency, which on 2 cores grows with the machine's work.
final class ScalingPerHopTests: XCTestCase {
    static let phases = ["phase.decode", "phase.verify", "phase.store", "phase.match", "phase.forward"]

    func samples(_ metric: String, _ values: [Double], size: Int, unit: String = "us") -> SampleRecord {
        .samples(
            SamplesBlock(
                scenario: "tier3.scalability-\(size)", metric: metric, unit: unit, better: .lower, values: values,
                meshSize: size))
    }

    func counter(_ metric: String, _ value: Int64, unit: String, size: Int) -> SampleRecord {
        .counter(CounterRecord(scenario: "tier3.scalability-\(size)", metric: metric, unit: unit, value: value))
    }

    func scaling(_ records: [SampleRecord]) throws -> [CheckResult] {
        try Fixture.analyze(records, baseline: nil).checks.filter { $0.name == "scaling" }
    }

    /// Least-squares slope of ln y on ln x, written out here (not `PowerLawFit`).
    func powerLawExponent(_ x: [Double], _ y: [Double]) -> Double {
        let lx = x.map { log($0) }, ly = y.map { log($0) }
        let mx = lx.reduce(0, +) / Double(lx.count), my = ly.reduce(0, +) / Double(ly.count)
        let sxy = zip(lx, ly).map { ($0 - mx) * ($1 - my) }.reduce(0, +)
        let sxx = lx.map { ($0 - mx) * ($0 - mx) }.reduce(0, +)
        return sxy / sxx
    }

    func testPerHopProcessingIsJudgedAndFullPropagationOnlyShownWithTheCPU() throws {
        let sizes = [25, 50, 100]
        // Per phase, two records per size; the per-hop mean is the sum of the five means.
        let phaseValues: [Int: [[Double]]] = [
            25: [[16, 18], [80, 86], [30, 38], [7, 9], [30, 36]],
            50: [[17, 19], [82, 88], [33, 39], [7, 8], [31, 37]],
            100: [[18, 20], [84, 92], [35, 41], [8, 9], [33, 39]],
        ]
        let cpu: [Int: Int64] = [25: 87, 50: 93, 100: 99]
        var records: [SampleRecord] = []
        for size in sizes {
            for (metric, values) in zip(Self.phases, phaseValues[size]!) {
                records.append(samples(metric, values, size: size))
            }
            records.append(
                samples(
                    "latency", Array(repeating: [25: 4.4, 50: 8.1, 100: 34.4][size]!, count: 20), size: size, unit: "ms"
                ))
            records.append(counter("light_load_cpu", cpu[size]!, unit: "%", size: size))
            records.append(counter("cores", 2, unit: "cores", size: size))
        }
        let results = try scaling(records)
        XCTAssertEqual(results.count, 2, results.map(\.detail).joined(separator: "\n"))

        let perHop = try XCTUnwrap(results.first { $0.detail.hasPrefix("per-hop processing") })
        // Sums of the means: 25: 17 + 83 + 34 + 8 + 33 = 175; 50: 18 + 85 + 36 + 7.5 + 34 = 180.5;
        // 100: 19 + 88 + 38 + 8.5 + 36 = 189.5.
        let sums = [175.0, 180.5, 189.5]
        XCTAssertEqual(perHop.status, .pass, perHop.detail)
        XCTAssertEqual(try XCTUnwrap(perHop.measured), powerLawExponent([25, 50, 100], sums), accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(perHop.measured), 0.0574215, accuracy: 1e-6)  // numpy.polyfit of the logs
        XCTAssertTrue(perHop.detail.contains("mean by mesh size 25: 175, 50: 180.5, 100: 189.5 us"), perHop.detail)
        XCTAssertTrue(
            perHop.detail.hasSuffix(
                "; measured at light load, the process's CPU 25: 87 % of one core (2 cores), "
                    + "50: 93 % of one core (2 cores), 100: 99 % of one core (2 cores)"),
            perHop.detail)

        let latency = try XCTUnwrap(results.first { $0.detail.contains("latency p95") })
        XCTAssertEqual(latency.status, .skipped, "full propagation is shown, not judged")
        XCTAssertTrue(
            latency.detail.hasPrefix("not judged (a full propagation needs every node's work"), latency.detail)
        XCTAssertEqual(try XCTUnwrap(latency.measured), 1.48341657, accuracy: 1e-7)
        XCTAssertFalse(results.contains { $0.detail.contains("phase.verify p95") }, "phases are judged as their sum")
    }

    /// 20·e^{N/15} µs of verification per hop at 10, 25, 50, 100 nodes (other phases 0): the per-hop
    /// time grows ×403 for ×10 nodes and bends significantly, so the mesh's own work blows up.
    func testPerHopProcessingThatBlowsUpWarns() throws {
        var records: [SampleRecord] = []
        for size in [10, 25, 50, 100] {
            for metric in Self.phases {
                let value = metric == "phase.verify" ? 20 * exp(Double(size) / 15) : 0
                records.append(samples(metric, [value, value], size: size))
            }
        }
        let results = try scaling(records)
        XCTAssertEqual(results.count, 1, results.map(\.detail).joined(separator: "\n"))
        XCTAssertEqual(results.first?.status, .warn, results.first?.detail ?? "")
        XCTAssertTrue(results.first!.detail.contains("possible blow-up"), results.first!.detail)
    }

    /// Phases recorded at fewer than 3 sizes cannot be judged: light-load latency is, as before.
    func testWithoutPhasesAtThreeSizesLatencyIsJudged() throws {
        var records: [SampleRecord] = []
        for (size, p95) in zip([25, 50, 100], [2.0, 2.2, 2.5]) {
            records.append(samples("latency", Array(repeating: p95, count: 20), size: size, unit: "ms"))
        }
        for metric in Self.phases { records.append(samples(metric, [10, 12], size: 25)) }
        let results = try scaling(records).filter { $0.detail.contains("latency p95") }
        XCTAssertEqual(results.count, 1)
        XCTAssertEqual(results.first?.status, .pass, results.first?.detail ?? "")
        XCTAssertTrue(results.first!.detail.hasPrefix("latency p95 by mesh size"), results.first!.detail)
    }
}
