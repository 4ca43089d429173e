import CommandLineSupport
import Foundation
import XCTest

/// `StopSignal` with SIGUSR1 (which nothing else in the test process sends): signals raised from
/// several threads at once resume the waiting task once (a second resume would trap), and once
/// stopped, a later wait returns at once.
final class StopSignalTests: XCTestCase {
    func testSignalsFromManyThreadsResumeTheWaiterOnceAndStayStopped() async {
        let stop = StopSignal(signals: [SIGUSR1])
        let woke = expectation(description: "the waiting task resumes")
        let waiter = Task {
            await stop.wait()
            woke.fulfill()
        }
        // Dispatch registers the source asynchronously and a signal before that is ignored, so
        // keep raising it from several threads until the waiter is woken.
        let raising = Task.detached {
            while !Task.isCancelled {
                DispatchQueue.concurrentPerform(iterations: 4) { _ in _ = kill(getpid(), SIGUSR1) }
                try? await Task.sleep(nanoseconds: 10_000_000)
            }
        }
        await fulfillment(of: [woke], timeout: 60)
        raising.cancel()
        await waiter.value
        let again = expectation(description: "a wait after the stop returns")
        Task {
            await stop.wait()
            again.fulfill()
        }
        await fulfillment(of: [again], timeout: 60)
    }
}
