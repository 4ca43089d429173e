import ExecutableTesting
import Foundation
import XCTest

/// Issue 12, classes 1 and 9: run with standard output or standard error closed (`>&-`, `2>&-`),
/// each tool ends with an exit code and never a trap. Data that cannot reach a closed standard
/// output is an error (exit 2); messages that cannot reach a closed standard error are dropped;
/// and no file or socket the tool opens takes over descriptor 1 or 2.
final class ClosedStandardStreamsTests: XCTestCase {
    private func tool(_ name: String) throws -> String { "'\(try BuiltExecutable(name).url.path)'" }
    private let thresholds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".benchmarks/thresholds.json").path

    func testAClosedStandardOutputIsAnErrorForEveryTool() throws {
        let scratch = try ScratchFolder("closed-stdout")
        defer { scratch.remove() }
        for command in [
            "\(try tool("bench")) --list", "\(try tool("bench")) topology --nodes 4 --topology line",
            "\(try tool("analyze")) --help", "\(try tool("render")) --help",
        ] {
            let run = try runShell("exec >&-; \(command)", in: scratch.url)
            XCTAssertEqual(run.status, 2, "\(command): \(run.stderr)")
            XCTAssertTrue(
                run.stderr.contains("standard output: cannot write it: Bad file descriptor"),
                "\(command): \(run.stderr)")
        }
    }

    /// The whole pipe with standard error closed, progress and debug logs on: the samples file
    /// (opened while descriptor 2 was free) must hold only samples, and every tool exits as usual.
    func testAClosedStandardErrorDropsMessagesAndCorruptsNothing() throws {
        let scratch = try ScratchFolder("closed-stderr")
        defer { scratch.remove() }
        let bench = try tool("bench"), analyze = try tool("analyze"), render = try tool("render")
        let run = try runShell(
            """
            exec 2>&-
            \(bench) --scenario tier1.propagation-3 --verbose --out run.jsonl || exit 11
            \(analyze) run.jsonl --no-baseline --thresholds '\(thresholds)' --out results.json; [ $? -le 1 ] || exit 12
            \(render) results.json --out report || exit 13
            \(bench) --list > list.txt || exit 14
            """, in: scratch.url)
        XCTAssertEqual(run.status, 0, "exit 11–14 name the tool that failed")
        let samples = try String(contentsOfFile: scratch.path("run.jsonl"), encoding: .utf8)
        XCTAssertTrue(
            samples.split(separator: "\n").allSatisfy { $0.hasPrefix("{") }, "only JSON lines: \(samples.prefix(300))")
        XCTAssertTrue(FileManager.default.fileExists(atPath: scratch.path("report/benchmark-report.md")))
        XCTAssertTrue(
            try String(contentsOfFile: scratch.path("list.txt"), encoding: .utf8).contains("tier1.propagation-3"))
    }
}
