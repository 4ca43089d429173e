import XCTest
@testable import Scenarios

/// The open-loop ramp and its knee rule, against a fake system whose behaviour per rate is known.
final class RateRampTests: XCTestCase {
    func testP95IsNumpysType7AndTheRuleNamesEveryFailure() {
        // 1…20 ms: h = 19 × 0.95 = 18.05, so p95 = 19 + 0.05 × (20 − 19) = 19.05 (numpy.quantile).
        let latencies = (1...20).map(Double.init)
        let rule = KneeRule(slaP95MS: 19.1)
        let kept = rule.judge(
            rate: 100, outcome: RampStepOutcome(offered: 20, accepted: 20, completed: 20, latenciesMS: latencies),
            generatorLagMS: 3)
        XCTAssertEqual(kept.p95MS ?? .nan, 19.05, accuracy: 1e-12)
        XCTAssertTrue(kept.passed, kept.reason)

        let over = KneeRule(slaP95MS: 19.05).judge(
            rate: 100,
            outcome: RampStepOutcome(
                offered: 20, accepted: 20, completed: 20, latenciesMS: latencies), generatorLagMS: 3)
        XCTAssertFalse(over.passed, "p95 equal to the SLA is not under it")
        XCTAssertEqual(over.reason, "p95 19.1 ms ≥ SLA 19.1 ms")

        let lost = rule.judge(
            rate: 400,
            outcome: RampStepOutcome(
                offered: 20, accepted: 18, completed: 17, latenciesMS: Array(latencies.prefix(17)),
                firstFailure: "OK false \"rate-limited\""),
            generatorLagMS: 250)
        XCTAssertFalse(lost.passed)
        XCTAssertEqual(
            lost.reason,
            "2 of 20 not accepted; 3 of 20 not delivered; first failure: OK false \"rate-limited\"; "
                + "the generator fell 250 ms behind its schedule (the driver could not offer this rate)")
    }

    func testKneeIsTheTopOfTheUnbrokenRunOfPassingSteps() {
        func step(_ rate: Double, _ passed: Bool) -> RampStep {
            RampStep(
                rate: rate, outcome: RampStepOutcome(offered: 1, accepted: 1, completed: 1, latenciesMS: [1]),
                p95MS: 1, generatorLagMS: 0, passed: passed, reason: "")
        }
        XCTAssertEqual(KneeRule.knee(of: [step(100, true), step(200, true), step(400, false)]), 200)
        XCTAssertEqual(
            KneeRule.knee(of: [step(100, true), step(200, false), step(400, true)]), 100, "a later pass does not count")
        XCTAssertNil(KneeRule.knee(of: [step(100, false)]))
        XCTAssertNil(KneeRule.knee(of: []))
        XCTAssertEqual(RateRamp.doubling(from: 100, to: 3_200), [100, 200, 400, 800, 1_600, 3_200])
        XCTAssertEqual(RateRamp.doubling(from: 100, to: 799), [100, 200, 400])
    }

    func testRampOffersEachStepOnScheduleAndStopsAtTheFirstFailingStep() async throws {
        // A system that keeps up to 200 events/s: above it, a tenth of the events never complete.
        let load = FakeLoad(capacity: 200)
        let ramp = RateRamp(
            rates: [100, 200, 400, 800], stepSeconds: 0.2, drainSeconds: 1, rule: KneeRule(slaP95MS: 50))
        var seen: [Double] = []
        let result = try await ramp.run(load) { seen.append($0.rate) }
        XCTAssertEqual(seen, [100, 200, 400], "800 is never offered once 400 failed")
        XCTAssertEqual(load.offeredPerStep, [20, 40, 80], "rate × step duration events per step")
        XCTAssertEqual(load.preparedPerStep, [20, 40, 80])
        XCTAssertEqual(load.indicesInOrder, true, "every index offered once, in order")
        XCTAssertEqual(result.knee, 200)
        XCTAssertFalse(result.reachedTop)
        XCTAssertEqual(result.steps.last?.reason, "8 of 80 not delivered")
    }
}

/// Completes every offered event at once (latency 1 ms) up to `capacity` events/s; above it,
/// every tenth event is lost.
private final class FakeLoad: RampLoad {
    let capacity: Double
    var rate = 0.0
    var offeredPerStep: [Int] = []
    var preparedPerStep: [Int] = []
    var indicesInOrder = true
    private var next = 0

    init(capacity: Double) { self.capacity = capacity }

    func prepareStep(rate: Double, count: Int) async throws {
        self.rate = rate
        preparedPerStep.append(count)
        offeredPerStep.append(0)
        next = 0
    }

    func offer(_ indices: Range<Int>) {
        if indices.lowerBound != next { indicesInOrder = false }
        next = indices.upperBound
        offeredPerStep[offeredPerStep.count - 1] += indices.count
    }

    func finishStep(drainSeconds: Double) async throws -> RampStepOutcome {
        let offered = offeredPerStep.last ?? 0
        let completed = rate > capacity ? offered - offered / 10 : offered
        return RampStepOutcome(
            offered: offered, accepted: offered, completed: completed,
            latenciesMS: Array(repeating: 1, count: completed))
    }
}
