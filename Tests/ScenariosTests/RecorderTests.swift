import BenchFormats
@testable import Scenarios
import XCTest

/// The recorder gathers samples into bounded blocks and keeps the parallel arrays aligned.
final class RecorderTests: XCTestCase {
    func testSamplesAreWrittenInBlocksOfAtMostTheBlockSize() throws {
        let sink = CollectingSink()
        let recorder = Recorder(scenario: "tier1.example", blockSize: 4) { try sink.write($0) }
        recorder.declare("latency", unit: "ms", better: .lower, meshSize: 3, slaClass: "single_hop")
        for i in 0..<10 {
            try recorder.sample("latency", Double(i), hops: i % 2 + 1, node: i % 3, t: Double(i) / 10, rep: 0)
        }
        XCTAssertEqual(sink.blocks.map(\.values.count), [4, 4], "full blocks are written as soon as they fill")
        try recorder.flush()
        let blocks = sink.blocks
        XCTAssertEqual(blocks.map(\.values.count), [4, 4, 2])
        XCTAssertEqual(blocks.flatMap(\.values), (0..<10).map(Double.init))
        XCTAssertEqual(blocks.flatMap { $0.hops ?? [] }, (0..<10).map { $0 % 2 + 1 })
        XCTAssertEqual(blocks[0].meshSize, 3)
        XCTAssertEqual(blocks[0].slaClass, "single_hop")
    }

    func testAParallelArrayIsDroppedFromABlockWhenSomeValueLacksIt() throws {
        let sink = CollectingSink()
        let recorder = Recorder(scenario: "tier1.example") { try sink.write($0) }
        recorder.declare("latency", unit: "ms", better: .lower)
        try recorder.sample("latency", 1, hops: 1)
        try recorder.sample("latency", 2)
        try recorder.flush()
        XCTAssertEqual(sink.blocks.count, 1)
        XCTAssertNil(sink.blocks[0].hops, "hops would no longer line up with values")
    }

    func testAnUndeclaredMetricIsAnErrorThatSaysHowToDeclareIt() {
        let recorder = Recorder(scenario: "tier1.example") { _ in }
        XCTAssertThrowsError(try recorder.sample("latency", 1)) { error in
            XCTAssertTrue(String(describing: error).contains("recorder.declare(\"latency\""), "\(error)")
        }
    }
}

extension CollectingSink {
    var blocks: [SamplesBlock] {
        records.compactMap { if case .samples(let block) = $0 { return block } else { return nil } }
    }
}
