import ExecutableTesting
import Foundation
import XCTest

/// Numbers from the command line and from `bench node`'s command channel become nanoseconds
/// (UInt64) or counts (Int): out of range they are usage errors, never a trap (issue 12, class 1).
final class NumericRangeTests: XCTestCase {
    private func assertUsageError(
        _ arguments: [String], mentions text: String, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let run = try BuiltExecutable("bench").run(arguments)
        XCTAssertEqual(run.status, 2, "\(arguments): \(run.stderr)", file: file, line: line)
        XCTAssertTrue(run.stderr.contains(text), "\(arguments): \(run.stderr)", file: file, line: line)
        XCTAssertTrue(run.stdout.isEmpty, "\(arguments) wrote to standard output", file: file, line: line)
    }

    func testRunOptionsBeyondTheirRangeAreUsageErrors() throws {
        try assertUsageError(
            ["--tier", "1", "--duration", "1e300s"], mentions: "--duration must be positive and at most 604800 s")
        try assertUsageError(
            ["--tier", "1", "--rate", "inf"],
            mentions: "--rate must be a positive number of events per second, at most 1000000")
        try assertUsageError(["--tier", "1", "--rate", "1e300"], mentions: "at most 1000000")
        try assertUsageError(
            ["--tier", "1", "--events", "9223372036854775807"], mentions: "--events must be 1 to 10000000")
        try assertUsageError(
            ["--tier", "1", "--sample-interval", "1e300"], mentions: "--sample-interval must be 0.05 s to 604800 s")
        try assertUsageError(
            ["--tier", "1", "--inject-delay-us", "9223372036854775807"],
            mentions: "--inject-delay-us must be 0 to 60,000,000")
    }

    func testTraceTimeoutBeyondAnHourIsAUsageError() throws {
        try assertUsageError(
            ["trace", "--nodes", "3", "--topology", "line", "--timeout", "1e300"], mentions: "at most 3600 (got 1e+300)"
        )
    }

    func testNodeCommandFieldsOutOfRangeAreRefusedAndTheNodeLivesOn() throws {
        let folder = try ScratchFolder("node-ranges")
        defer { folder.remove() }
        let commands = [
            #"{"seq":1,"op":"start","id":0,"peers":[],"seed":1,"store":"\#(folder.path("node.sqlite"))"}"#,
            #"{"seq":2,"op":"subscribe","count":-1}"#,
            #"{"seq":3,"op":"await_links","timeout_ms":9223372036854775807}"#,
            #"{"seq":4,"op":"timings","limit":-5}"#,
            #"{"seq":5,"op":"idle"}"#,
            #"{"seq":6,"op":"shutdown"}"#,
        ]
        let run = try BuiltExecutable("bench").run(
            ["node"], stdin: Data((commands.joined(separator: "\n") + "\n").utf8))
        XCTAssertEqual(run.status, 0, run.stderr)
        let replies = run.stdout.split(separator: UInt8(ascii: "\n")).compactMap {
            try? JSONSerialization.jsonObject(with: Data($0)) as? [String: Any]
        }
        func reply(_ seq: Int) -> [String: Any] { replies.first { $0["seq"] as? Int == seq } ?? [:] }
        func message(_ seq: Int) -> String {
            reply(seq)["message"] as? String ?? "no message for \(seq): \(run.stdoutText)"
        }
        XCTAssertTrue(message(2).contains("'subscribe' count -1 is out of range; allowed: 0…100000"), message(2))
        XCTAssertTrue(
            message(3).contains("'await_links' timeout_ms 9223372036854775807 is out of range; allowed: 0…3600000"),
            message(3))
        XCTAssertTrue(message(4).contains("'timings' limit -5 is out of range"), message(4))
        XCTAssertEqual(reply(5)["idle"] as? Bool, true, run.stdoutText)
    }
}
