@testable import Mesh
import SeededRandom
import XCTest

final class SimulationCoreTests: XCTestCase {
    func testSchedulerRunsInTimeOrderAndTiesInSchedulingOrder() {
        let scheduler = DiscreteEventScheduler()
        var log: [String] = []
        scheduler.schedule(after: 30) { log.append("c@\(scheduler.now)") }
        scheduler.schedule(after: 10) { log.append("a@\(scheduler.now)") }
        scheduler.schedule(after: 10) {
            log.append("b@\(scheduler.now)")
            scheduler.schedule(after: 5) { log.append("d@\(scheduler.now)") }
        }
        XCTAssertTrue(scheduler.run(until: 100) { scheduler.isIdle })
        XCTAssertEqual(log, ["a@10", "b@10", "d@15", "c@30"])
    }

    func testRunStopsAtDeadlineWithoutRunningLaterActions() {
        let scheduler = DiscreteEventScheduler()
        var ran = false
        scheduler.schedule(after: 1_000) { ran = true }
        XCTAssertFalse(scheduler.run(until: 999) { ran })
        XCTAssertFalse(ran)
        XCTAssertEqual(scheduler.now, 999)
    }

    func testLatencyDrawsAreReproducibleAndHaveTheConfiguredCentre() {
        var a = SplitMix64(seed: 5), b = SplitMix64(seed: 5)
        let normal = LatencyDistribution.normal(meanNanoseconds: 100_000, sdNanoseconds: 10_000)
        let drawsA = (0..<20_000).map { _ in normal.sample(&a) }
        XCTAssertEqual(drawsA, (0..<20_000).map { _ in normal.sample(&b) })
        let mean = Double(drawsA.reduce(0, +)) / Double(drawsA.count)
        // Standard error of the mean: 10,000 / √20,000 ≈ 71 ns; 5 SE = 355 ns.
        XCTAssertEqual(mean, 100_000, accuracy: 355)

        let logNormal = LatencyDistribution.logNormal(medianNanoseconds: 50_000, sigma: 0.5)
        let sorted = (0..<20_001).map { _ in logNormal.sample(&a) }.sorted()
        // The median of a log-normal is e^μ; its sample median has SE ≈ 1.2533·σ·median/√n ≈ 221 ns.
        XCTAssertEqual(Double(sorted[10_000]), 50_000, accuracy: 1_200)
    }
}
