@testable import CommandLineSupport
import Foundation
import Logging
import XCTest

/// The level `--verbose` and `MESHBENCH_LOG` choose, and the one-line format of a log message.
final class DiagnosticLoggingTests: XCTestCase {
    func testLevelComesFromTheEnvironmentAndVerboseLowersItToDebug() throws {
        XCTAssertEqual(try DiagnosticLogging.level(verbose: false, environment: [:]), .warning)
        XCTAssertEqual(try DiagnosticLogging.level(verbose: true, environment: [:]), .debug)
        XCTAssertEqual(try DiagnosticLogging.level(verbose: false, environment: ["MESHBENCH_LOG": "Info"]), .info)
        XCTAssertEqual(try DiagnosticLogging.level(verbose: true, environment: ["MESHBENCH_LOG": "error"]), .debug)
        XCTAssertEqual(try DiagnosticLogging.level(verbose: true, environment: ["MESHBENCH_LOG": "trace"]), .trace)
        XCTAssertEqual(try DiagnosticLogging.level(verbose: false, environment: ["MESHBENCH_LOG": ""]), .warning)
        XCTAssertThrowsError(try DiagnosticLogging.level(verbose: false, environment: ["MESHBENCH_LOG": "chatty"])) {
            XCTAssertEqual(
                "\($0)",
                "MESHBENCH_LOG=chatty is not a log level; use one of trace, debug, info, notice, warning, error, critical"
            )
        }
    }

    func testLineHasUTCTimeLevelLabelMessageAndSortedMetadata() {
        // 1970-01-02 01:02:03.456 UTC: the date is left out, the time of day kept to milliseconds.
        let time = Date(timeIntervalSince1970: 86_400 + 3_723.456)
        XCTAssertEqual(
            StandardErrorLogHandler.format(
                time: time, level: .debug, label: "meshbench.trace", message: "published",
                metadata: ["publisher": "0", "id": "ab"]),
            "01:02:03.456 debug meshbench.trace: published [id=ab publisher=0]")
        XCTAssertEqual(
            StandardErrorLogHandler.format(time: time, level: .warning, label: "x", message: "m", metadata: [:]),
            "01:02:03.456 warning x: m")
    }
}
