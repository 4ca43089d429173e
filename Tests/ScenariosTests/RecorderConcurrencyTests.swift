import BenchFormats
import Foundation
@testable import Scenarios
import XCTest

/// The recorder and its spool used from several threads at once, as node event loops, the
/// resource sampler and the scenario use them: every record must reach the spool whole, once.
final class RecorderConcurrencyTests: XCTestCase {
    func testConcurrentSamplesCountersAndSeriesReachTheSpoolWhole() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "recorder-race-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let spool = try AttemptSpool(directory: directory)
        // A small block size makes the threads hand full blocks to the spool all the time.
        let recorder = Recorder(scenario: "tier1.race", blockSize: 7) { try spool.append($0) }
        recorder.declare("latency", unit: "ms", better: .lower)
        let threads = 8, perThread = 2_000, every = 100
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            for index in 0..<perThread {
                do {
                    try recorder.sample("latency", Double(thread * perThread + index), node: thread)
                    if index % every == 0 {
                        try recorder.counter("frames", unit: "frames", value: Int64(thread))
                        try recorder.series("rss", unit: "MB", node: thread, t: [0, 1], values: [1, 2])
                    }
                } catch {
                    XCTFail("thread \(thread): \(error)")
                }
            }
        }
        try recorder.flush()
        let sink = CollectingSink()
        try spool.forward(to: sink)

        XCTAssertEqual(sink.values("latency").sorted(), (0..<(threads * perThread)).map(Double.init))
        let counters = sink.records.filter { if case .counter = $0 { true } else { false } }
        XCTAssertEqual(counters.count, threads * perThread / every)
        XCTAssertEqual(sink.series("rss").count, threads * perThread / every)
        XCTAssertEqual(spool.count, sink.records.count)
        for block in sink.samples("latency") {
            XCTAssertLessThanOrEqual(block.values.count, 7)
            XCTAssertEqual(block.node?.count, block.values.count, "parallel arrays stay aligned")
        }
    }
}
