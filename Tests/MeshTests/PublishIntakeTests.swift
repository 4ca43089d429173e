import XCTest
@testable import Mesh

/// The publishers' back-pressure: closed while any node's queues are full or too many hand-overs
/// wait, open again at the low mark, every waiting publisher released when it opens.
final class PublishIntakeTests: XCTestCase {
    private let limits = PublishIntake.Limits(closeAt: 4, reopenAt: 1, maximumWaitingEvents: 3)

    func testAGaugeClosesTheIntakeAtItsLimitAndReopensAtTheLowMark() {
        let intake = PublishIntake(limits: limits)
        let gauge = QueueGauge(intake: intake)
        gauge.add(3)
        XCTAssertTrue(intake.isOpen, "3 queued frames are below the limit of 4")
        gauge.add(1)
        XCTAssertFalse(intake.isOpen, "4 queued frames close it")
        gauge.add(-2)
        XCTAssertFalse(intake.isOpen, "2 frames are above the reopen mark of 1")
        gauge.add(-1)
        XCTAssertTrue(intake.isOpen, "1 frame reopens it")
        XCTAssertEqual(gauge.maximum, 4)
    }

    func testTheIntakeStaysClosedWhileAnyNodeIsFull() {
        let intake = PublishIntake(limits: limits)
        let a = QueueGauge(intake: intake), b = QueueGauge(intake: intake)
        a.add(5)
        b.add(4)
        a.add(6)
        a.add(-11)
        XCTAssertFalse(intake.isOpen, "b is still full; a crossing twice counted once")
        b.add(-4)
        XCTAssertTrue(intake.isOpen)
    }

    func testHandedOverEventsNotYetRunCloseTheIntake() async {
        let intake = PublishIntake(limits: limits)
        await intake.admit(2)
        XCTAssertTrue(intake.isOpen, "2 waiting events are below the limit of 3")
        await intake.admit(1)
        XCTAssertFalse(intake.isOpen, "3 waiting events close it")
        intake.ran(3)
        XCTAssertTrue(intake.isOpen)
    }

    func testAWaitingPublisherIsReleasedWhenTheQueuesDrain() async {
        let intake = PublishIntake(limits: limits)
        intake.nodeQueues(full: true)
        XCTAssertFalse(intake.isOpen)
        let publisher = Task { await intake.admit(1) }
        intake.nodeQueues(full: false)
        await publisher.value
        XCTAssertTrue(intake.isOpen, "the released publisher's one event waits for its loop, below the limit")
        intake.ran(1)
    }

    func testStoppingReleasesEveryWaiter() async {
        let intake = PublishIntake(limits: limits)
        intake.nodeQueues(full: true)
        let publishers = (0..<3).map { _ in Task { await intake.admit(1) } }
        intake.stop()
        for publisher in publishers { await publisher.value }
        XCTAssertTrue(intake.isOpen)
    }
}
