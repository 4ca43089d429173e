import Foundation
@testable import Profiling
import XCTest

/// The profile session's decisions without running perf or valgrind: which profiler it picks,
/// the child's command line, the summary it prints, and folding a callgrind file.
final class ProfileSessionTests: XCTestCase {
    func testChildArgumentsDropOnlyTheProfileFlags() {
        XCTAssertEqual(
            ProfileSession.childArguments([
                "--tier", "1", "--profile", "--profile-out", "dir", "--out", "run.jsonl", "--profile-out=x", "-q",
            ]),
            ["--tier", "1", "--out", "run.jsonl", "-q"])
        let session = ProfileSession(outputFolder: "prof", commandLine: ["/bin/bench", "--profile", "--tier", "2"])
        XCTAssertEqual(session.arguments, ["--tier", "2"], "the program name is not an argument")
    }

    func testProfilerCommandsWrapTheChildAndNameTheRawFile() {
        let session = ProfileSession(outputFolder: "/p", commandLine: ["bench", "--tier", "1", "--profile"])
        let cycles = session.profilerCommand(.perf(event: nil), executable: "/b/bench")
        XCTAssertEqual(
            cycles.command,
            ["perf", "record", "-g", "-F", "499", "-o", "/p/perf.data", "--", "/b/bench", "--tier", "1"])
        XCTAssertEqual(cycles.raw.path, "/p/perf.data")
        let clock = session.profilerCommand(.perf(event: "cpu-clock"), executable: "/b/bench")
        XCTAssertEqual(
            clock.command,
            [
                "perf", "record", "-g", "-F", "499", "-o", "/p/perf.data", "-e", "cpu-clock", "--", "/b/bench",
                "--tier", "1",
            ])
        let callgrind = session.profilerCommand(.callgrind, executable: "/b/bench")
        XCTAssertEqual(
            callgrind.command,
            ["valgrind", "--tool=callgrind", "--callgrind-out-file=/p/callgrind.out", "--", "/b/bench", "--tier", "1"])
    }

    func testChoiceFollowsWhatWorksAndWhatIsForced() throws {
        func probe(_ events: Set<String>, valgrind: Bool) -> ProfilerProbe {
            ProfilerProbe(counts: { events.contains($0) }, valgrindWorks: { valgrind })
        }
        let everything = probe(["instructions", "cpu-clock"], valgrind: true)
        let softwareOnly = probe(["cpu-clock"], valgrind: false)
        let valgrindOnly = probe([], valgrind: true)
        let nothing = probe([], valgrind: false)
        XCTAssertEqual(try Profiler.choose(environment: [:], probe: everything), .perf(event: nil))
        XCTAssertEqual(try Profiler.choose(environment: [:], probe: softwareOnly), .perf(event: "cpu-clock"))
        XCTAssertEqual(try Profiler.choose(environment: [:], probe: valgrindOnly), .callgrind)
        XCTAssertEqual(
            try Profiler.choose(environment: ["MESHBENCH_PROFILER": "CallGrind"], probe: everything), .callgrind)
        XCTAssertEqual(
            try Profiler.choose(environment: ["MESHBENCH_PROFILER": "perf"], probe: everything), .perf(event: nil))
        XCTAssertThrowsError(try Profiler.choose(environment: [:], probe: nothing)) {
            XCTAssertEqual($0 as? ProfileSessionError, .noProfiler)
        }
        XCTAssertThrowsError(try Profiler.choose(environment: ["MESHBENCH_PROFILER": "perf"], probe: valgrindOnly)) {
            XCTAssertEqual($0 as? ProfileSessionError, .perfNotCounting)
        }
        XCTAssertThrowsError(try Profiler.choose(environment: ["MESHBENCH_PROFILER": "callgrind"], probe: softwareOnly))
        {
            XCTAssertEqual($0 as? ProfileSessionError, .valgrindMissing)
        }
        XCTAssertThrowsError(try Profiler.choose(environment: ["MESHBENCH_PROFILER": "dtrace"], probe: everything)) {
            XCTAssertEqual(
                "\($0)", "MESHBENCH_PROFILER=dtrace is not a profiler; use perf, callgrind or auto")
        }
    }

    func testPerfStatOutputCountsOnlyAPositiveSupportedEvent() {
        XCTAssertTrue(ProfilerProbe.counted("cpu-clock", inPerfStat: "0.42,msec,cpu-clock,420000,100.00,0.5,CPUs\n"))
        XCTAssertFalse(ProfilerProbe.counted("instructions", inPerfStat: "<not supported>,,instructions,0,100.00,,\n"))
        XCTAssertFalse(ProfilerProbe.counted("instructions", inPerfStat: "0,,instructions,0,100.00,,\n"))
        XCTAssertFalse(ProfilerProbe.counted("instructions", inPerfStat: "0.42,msec,cpu-clock,420000,100.00,,\n"))
    }

    func testSummaryNamesTotalsTopFramesAndTheFlameGraphCommand() {
        var profile = FoldedProfile()
        profile.add(rootFirst: ["main", "run", "verify"], count: 6)
        profile.add(rootFirst: ["main", "run", "store"], count: 3)
        profile.add(rootFirst: ["main"], count: 1)
        let session = ProfileSession(outputFolder: "/p", commandLine: ["bench"])
        XCTAssertEqual(
            session.summary(of: profile, foldedPath: "/p/bench.folded", seconds: 1.25),
            [
                "profile: 10 samples in 3 distinct stacks → /p/bench.folded (folded in 1.2 s)",
                "top frames (self samples):",
                "   60.0 %  verify",
                "   30.0 %  store",
                "   10.0 %  main",
                "draw it: render flamegraph /p/bench.folded --out /p/flamegraph.png",
            ])
    }

    func testCallgrindFileIsFoldedAndAMissingOneNamesThePath() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("profile-session-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let session = ProfileSession(outputFolder: folder.path, commandLine: ["bench"])
        let raw = folder.appendingPathComponent("callgrind.out")
        try Data(CallgrindCollapserTests.captured.utf8).write(to: raw)
        XCTAssertEqual(
            try session.fold(.callgrind, raw: raw), try CallgrindCollapser().collapse(CallgrindCollapserTests.captured))
        let missing = folder.appendingPathComponent("none.out")
        XCTAssertThrowsError(try session.fold(.callgrind, raw: missing)) { error in
            guard case .noCallgrindProfile(let path, _) = error as? ProfileSessionError else {
                return XCTFail("\(error)")
            }
            XCTAssertEqual(path, missing.path)
        }
    }

    func testStreamedLinesArriveWholeAndAFailureNamesTheLog() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("profile-stream-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = folder.appendingPathComponent("err.log")
        var lines: [String] = []
        try ChildProcess.streamLines(["printf", "a\\nbb\\n\\nlast"], errorLog: log) { lines.append(String($0)) }
        XCTAssertEqual(lines, ["a", "bb", "", "last"])
        XCTAssertThrowsError(
            try ChildProcess.streamLines(["sh", "-c", "echo oops >&2; exit 3"], errorLog: log) { _ in }
        ) { error in
            XCTAssertEqual(
                error as? ProfileSessionError,
                .commandFailed(command: "sh -c echo oops >&2; exit 3", status: 3, log: log.path))
        }
        XCTAssertEqual(try String(contentsOf: log, encoding: .utf8), "oops\n")
    }
}
