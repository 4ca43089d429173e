import BenchFormats
import Foundation
@testable import Scenarios
import XCTest

/// The spool writes records with the output's own encoder (`RecordEncoder`) and reads them back
/// with `FormatsJSON`'s decoder: what it forwards must be exactly what was appended.
final class AttemptSpoolTests: XCTestCase {
    func testRecordsComeBackExactlyAsAppended() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("spool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let spool = try AttemptSpool(directory: directory)
        // Values whose shortest decimal forms are awkward: a tenth, a tiny and a huge exponent,
        // 2^53 (the end of the exact integers), a negative zero, the smallest subnormal.
        let awkward: [Double] = [
            0.1, 1e-05, .greatestFiniteMagnitude, 9_007_199_254_740_992, -0.0, .leastNonzeroMagnitude, 2.5,
        ]
        let records: [SampleRecord] = [
            .samples(
                SamplesBlock(
                    scenario: "tier2.a", metric: "latency", unit: "ms", better: .lower, values: awkward,
                    hops: Array(1...7), node: Array(0..<7), t: awkward.map { abs($0) },
                    rep: Array(repeating: 2, count: 7),
                    meshSize: 10, slaClass: "full_propagation")),
            .samples(SamplesBlock(scenario: "tier2.a", metric: "bare", unit: "events/s", better: .higher, values: [3])),
            .series(
                Series(scenario: "tier2.a", metric: "rss", unit: "MB", node: 4, t: [0, 0.5], values: [85.25, 1e-7])),
            .counter(CounterRecord(scenario: "tier2.a", metric: "frames", unit: "frames", value: Int64.max)),
        ]
        for record in records { try spool.append(record) }
        let sink = CollectingSink()
        try spool.forward(to: sink)
        XCTAssertEqual(sink.records, records)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), [], "forward deletes it")
    }
}
