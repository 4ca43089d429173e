import XCTest
import Statistics

final class ChangePointTests: XCTestCase {
    /// Deterministic noise in [−0.5, 0.5) from the module's own generator.
    func noise(_ count: Int, seed: UInt64) -> [Double] {
        var generator = Xoshiro256StarStar(seed: seed)
        return (0..<count).map { _ in generator.nextUnitDouble() - 0.5 }
    }

    func testSingleStepIsFoundAtItsIndex() throws {
        let jitter = noise(60, seed: 11)
        let series = (0..<60).map { ($0 < 35 ? 100.0 : 103.0) + jitter[$0] }
        let points = try ChangePointDetection.binarySegmentation(series, seed: 5)
        XCTAssertEqual(points.map(\.index), [35])
        XCTAssertEqual(points[0].pValue, 1.0 / 1000)  // no shuffle beats a 3σ-plus step: (1 + 0)/(1 + 999)
        XCTAssertLessThan(points[0].meanBefore, points[0].meanAfter)
    }

    func testTwoStepsAreBothFound() throws {
        let jitter = noise(90, seed: 12)
        let series = (0..<90).map { index -> Double in
            let level: Double = index < 30 ? 50 : (index < 62 ? 47 : 52)
            return level + jitter[index]
        }
        let points = try ChangePointDetection.binarySegmentation(series, permutations: 99, seed: 3)
        XCTAssertEqual(points.map(\.index), [30, 62])
    }

    func testNoiseAloneGivesNoChangeAndResultsAreReproducible() throws {
        let series = noise(80, seed: 13).map { 20 + $0 }
        let first = try ChangePointDetection.binarySegmentation(series, seed: 99)
        XCTAssertEqual(first, [])
        let jitter = noise(40, seed: 14)
        let stepped = (0..<40).map { ($0 < 20 ? 0.0 : 0.6) + jitter[$0] }
        XCTAssertEqual(
            try ChangePointDetection.binarySegmentation(stepped, seed: 8),
            try ChangePointDetection.binarySegmentation(stepped, seed: 8))
    }

    func testSegmentsAreNeverShorterThanTheMinimum() throws {
        // A spike in the last value would be the best split at n − 1 without the minimum length.
        var series = noise(40, seed: 15).map { 10 + $0 }
        series[39] = 30
        for minimum in [5, 8] {
            let points = try ChangePointDetection.binarySegmentation(series, minimumSegmentLength: minimum, seed: 1)
            let bounds = [0] + points.map(\.index) + [series.count]
            for (start, end) in zip(bounds, bounds.dropFirst()) {
                XCTAssertGreaterThanOrEqual(end - start, minimum, "segment \(start)..<\(end)")
            }
        }
    }

    func testEdgeCases() throws {
        XCTAssertEqual(try ChangePointDetection.binarySegmentation([], seed: 1), [])
        XCTAssertEqual(try ChangePointDetection.binarySegmentation([1, 2, 3], seed: 1), [])
        XCTAssertEqual(try ChangePointDetection.binarySegmentation(Array(repeating: 4, count: 30), seed: 1), [])
        assertThrows(.nonFiniteValue) { try ChangePointDetection.binarySegmentation([1, .nan], seed: 1) }
        assertThrows(.invalidParameter) { try ChangePointDetection.binarySegmentation([1, 2], alpha: 0, seed: 1) }
        assertThrows(.invalidParameter) {
            try ChangePointDetection.binarySegmentation([1, 2], permutations: 0, seed: 1)
        }
    }
}
