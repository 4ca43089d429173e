import ProcFS
import XCTest

final class ProcFSTests: XCTestCase {
    func testStatusFieldsAreReadInKilobytes() {
        let status = ProcStatus(text: "Name:\tbench\nVmHWM:\t  123456 kB\nVmRSS:\t   65432 kB\nThreads:\t7\n")
        XCTAssertEqual(status.kilobytes("VmHWM"), 123_456)
        XCTAssertEqual(status.kilobytes("VmRSS"), 65_432)
        XCTAssertNil(status.kilobytes("VmSwap"), "absent")
        XCTAssertNil(status.kilobytes("Threads"), "not in kB")
        XCTAssertNil(status.kilobytes("VmR"), "a prefix of a field is not the field")
    }

    func testCPUTimeIsCountedAfterTheLastParenthesisOfTheCommand() throws {
        // comm "(a) b)" holds a space and a ')': utime 250 and stime 50 ticks follow the state.
        let line = "42 ((a) b)) S 1 42 42 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 3 0 1000 0 0"
        let time = try XCTUnwrap(ProcCPUTime(statLine: line))
        XCTAssertEqual(time.userSeconds, 250 / ProcCPUTime.ticksPerSecond)
        XCTAssertEqual(time.systemSeconds, 50 / ProcCPUTime.ticksPerSecond)
        XCTAssertNil(ProcCPUTime(statLine: "42 (short) S 1 2"))
    }

    func testThisProcessIsReadableOnLinux() throws {
        #if os(Linux)
        let status = try XCTUnwrap(ProcFS.status())
        XCTAssertGreaterThan(try XCTUnwrap(status.kilobytes("VmRSS")), 0)
        XCTAssertNotNil(ProcFS.cpuTime())
        XCTAssertNil(ProcFS.status(pid: -1), "no such process")
        #endif
    }
}
