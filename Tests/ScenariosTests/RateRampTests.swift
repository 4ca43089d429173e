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
        XCTAssertEqual(over.failed, [.p95OverSLA])
        XCTAssertEqual(kept.failed, [])

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
        XCTAssertEqual(lost.failed, [.notAccepted, .notDelivered, .failure, .generatorLag])
    }

    func testCPUPerEventDividesTheStepsCPUByItsCompletedEvents() {
        // 1.5 s of CPU over 600 completed events: 2,500 µs each.
        let step = RampStepOutcome(offered: 700, accepted: 700, completed: 600, latenciesMS: [], cpuSeconds: 1.5)
        XCTAssertEqual(step.cpuMicrosecondsPerEvent ?? .nan, 2_500, accuracy: 1e-9)
        let nothingCompleted = RampStepOutcome(offered: 5, accepted: 5, completed: 0, latenciesMS: [], cpuSeconds: 1)
        XCTAssertNil(nothingCompleted.cpuMicrosecondsPerEvent, "no event to divide by")
        XCTAssertNil(RampStepOutcome(offered: 5, accepted: 5, completed: 5, latenciesMS: []).cpuMicrosecondsPerEvent)
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
        // 500 × 2^(k/4): 594.6, 707.1, 840.9, 1189.2, 1414.2, 1681.8 rounded to whole events/s.
        XCTAssertEqual(
            RateRamp.geometric(from: 500, to: 2_000, stepsPerDoubling: 4),
            [500, 595, 707, 841, 1_000, 1_189, 1_414, 1_682, 2_000])
        XCTAssertEqual(RateRamp.geometric(from: 500, to: 499, stepsPerDoubling: 4), [])
        XCTAssertEqual(
            RateRamp.geometric(from: 500, to: .infinity, stepsPerDoubling: 4), [], "an endless ramp is refused")
    }

    func testBacklogBeyondTheSLAWindowOrATenthOfTheStepFailsTheStep() {
        // 100 events/s for 3 s under a 500 ms SLA: Little's law allows 100 × 0.5 = 50 in flight
        // (more than a tenth of the step's 300), so 50 passes and 51 fails.
        let rule = KneeRule(slaP95MS: 500)
        func outcome(backlog: Int) -> RampStepOutcome {
            RampStepOutcome(
                offered: 300, accepted: 300, completed: 300, latenciesMS: Array(repeating: 10, count: 300),
                backlogAtEnd: backlog)
        }
        XCTAssertTrue(rule.judge(rate: 100, outcome: outcome(backlog: 50), generatorLagMS: 0).passed)
        let grew = rule.judge(rate: 100, outcome: outcome(backlog: 51), generatorLagMS: 0)
        XCTAssertFalse(grew.passed)
        XCTAssertEqual(
            grew.reason, "51 of 300 still in flight when the step's schedule ended (more than 50.0: the backlog grew)")
        // A send queue at the story's limit fails the step; one frame below passes.
        var queued = outcome(backlog: 0)
        queued.deepestQueue = 999
        XCTAssertTrue(rule.judge(rate: 100, outcome: queued, generatorLagMS: 0).passed)
        queued.deepestQueue = 1_000
        XCTAssertEqual(
            rule.judge(rate: 100, outcome: queued, generatorLagMS: 0).reason,
            "a send queue reached 1000 frames (limit < 1000)")
        // A 10 ms SLA: the tenth of the step (30) is the larger bound.
        XCTAssertEqual(
            KneeRule(slaP95MS: 10).judge(rate: 100, outcome: outcome(backlog: 31), generatorLagMS: 0).reason,
            "p95 10.0 ms ≥ SLA 10.0 ms; 31 of 300 still in flight when the step's schedule ended (more than 30.0: the backlog grew)"
        )
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
