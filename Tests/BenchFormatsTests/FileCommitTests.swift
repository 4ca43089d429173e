import Foundation
import XCTest
@testable import BenchFormats

/// Class 3 of issue 12: outputs never clobber what is not theirs and are never half-written.
final class FileCommitTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws { dir = try Fixtures.temporaryDirectory() }
    override func tearDown() { try? FileManager.default.removeItem(at: dir) }

    private func path(_ name: String) -> String { dir.appendingPathComponent(name).path }
    private func listing(_ folder: String? = nil) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder ?? dir.path).sorted()
    }
    private func write(_ text: String, to path: String) throws {
        let commit = FileCommit()
        try commit.add(Array(text.utf8), to: path)
        try commit.commit()
    }

    func testReplacesContentAndLeavesNoTemporaryFiles() throws {
        try write("old\n", to: path("baseline.json"))
        try write("new\n", to: path("baseline.json"))
        XCTAssertEqual(try String(contentsOfFile: path("baseline.json"), encoding: .utf8), "new\n")
        XCTAssertEqual(try listing(), ["baseline.json"])
    }

    func testFilesOfOneCommandAreCommittedTogether() throws {
        try write("a0", to: path("a"))
        try FileManager.default.createDirectory(atPath: path("gone"), withIntermediateDirectories: false)
        let commit = FileCommit()
        try commit.add(Array("a1".utf8), to: path("a"))
        try commit.add(Array("b1".utf8), to: path("gone/b"))
        // The second target's folder becomes a file between the check and the commit.
        try FileManager.default.removeItem(atPath: path("gone"))
        try Data().write(to: URL(fileURLWithPath: path("gone")))
        XCTAssertThrowsError(try commit.commit())
        XCTAssertEqual(
            try String(contentsOfFile: path("a"), encoding: .utf8), "a0", "the first file changed without the second")
        XCTAssertEqual(try listing(), ["a", "gone"])
    }

    func testMultiFileCommitLeavesNoJournal() throws {
        let commit = FileCommit()
        try commit.add(Array("1".utf8), to: path("one"))
        try commit.add(Array("2".utf8), to: path("sub/two"), createFolder: true)
        try commit.commit()
        XCTAssertEqual(try listing(), ["one", "sub"])
        XCTAssertEqual(try listing(path("sub")), ["two"])
    }

    func testFailedCheckCreatesNothing() throws {
        let long = String(repeating: "x", count: 300)
        let commit = FileCommit()
        try commit.add(Array("r".utf8), to: path("results.json"))
        XCTAssertThrowsError(try commit.add(Array("h".utf8), to: path("history/\(long).json.gz"), createFolder: true)) {
            error in
            XCTAssertTrue("\(error)".contains("NAME_MAX"), "\(error)")
        }
        XCTAssertEqual(try listing(), [], "a refused output must leave nothing, not even the folder")
    }

    func testMissingFolderIsRefusedUnlessAsked() throws {
        XCTAssertThrowsError(try write("x", to: path("missing/baseline.json"))) { error in
            XCTAssertTrue("\(error)".contains("does not exist"), "\(error)")
        }
        XCTAssertEqual(try listing(), [])
    }

    func testAFolderAsTargetIsRefusedAndLeftAlone() throws {
        try FileManager.default.createDirectory(atPath: path("thresholds.json"), withIntermediateDirectories: false)
        XCTAssertThrowsError(try write("x", to: path("thresholds.json"))) { error in
            XCTAssertTrue("\(error)".contains("it is a folder"), "\(error)")
        }
        XCTAssertEqual(try listing(), ["thresholds.json"])
    }

    func testAFIFOIsWrittenAsAStreamNotReplaced() throws {
        let fifo = path("pipe")
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        // The reader opens the FIFO without blocking, so the write's open finds it waiting.
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        XCTAssertGreaterThanOrEqual(reader, 0)
        defer { close(reader) }
        try write("streamed\n", to: fifo)
        var buffer = [UInt8](repeating: 0, count: 64)
        let n = read(reader, &buffer, buffer.count)
        XCTAssertEqual(String(decoding: buffer.prefix(max(n, 0)), as: UTF8.self), "streamed\n")
        var info = stat()
        XCTAssertEqual(lstat(fifo, &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFIFO, "the FIFO was replaced by a regular file")
    }

    func testDevNullIsWrittenNotReplaced() throws {
        var before = stat()
        XCTAssertEqual(stat("/dev/null", &before), 0)
        try write("discarded\n", to: "/dev/null")
        var after = stat()
        XCTAssertEqual(stat("/dev/null", &after), 0)
        XCTAssertEqual(after.st_mode & S_IFMT, S_IFCHR)
        XCTAssertEqual(after.st_ino, before.st_ino)
    }

    func testASymbolicLinkSurvivesAndItsTargetIsReplaced() throws {
        try write("old", to: path("real.json"))
        XCTAssertEqual(symlink("real.json", path("link.json")), 0)
        try write("new", to: path("link.json"))
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: path("link.json")), "real.json")
        XCTAssertEqual(try String(contentsOfFile: path("real.json"), encoding: .utf8), "new")
    }

    func testAnInputIsRefusedAsOutputHoweverSpelled() throws {
        try write("samples", to: path("in.jsonl"))
        XCTAssertEqual(link(path("in.jsonl"), path("hard.jsonl")), 0)
        for spelling in [path("in.jsonl"), dir.path + "/./in.jsonl", path("hard.jsonl")] {
            let commit = FileCommit(inputs: [path("in.jsonl")])
            XCTAssertThrowsError(try commit.add(Array("x".utf8), to: spelling), spelling) { error in
                XCTAssertTrue("\(error)".contains("is the input"), "\(error)")
            }
        }
        XCTAssertEqual(try String(contentsOfFile: path("in.jsonl"), encoding: .utf8), "samples")
    }

    func testAKilledCommitIsFinishedOrDiscardedByTheNextOne() throws {
        let dead = try Self.deadPID()
        // Killed after its commit point: the journal's renames are completed.
        try write("old", to: path("a"))
        try write("s", to: path("stale"))
        try Data("new".utf8).write(to: URL(fileURLWithPath: path(".meshbench-\(dead)-AAAAAA.tmp")))
        let journal = "R\t\(path(".meshbench-\(dead)-AAAAAA.tmp"))\t\(path("a"))\n" + (try removal(path("stale")))
        try Data(journal.utf8).write(to: URL(fileURLWithPath: path(".meshbench-\(dead)-BBBBBB.journal")))
        // Killed before its commit point: only a temporary file, which is deleted.
        try Data("half".utf8).write(to: URL(fileURLWithPath: path(".meshbench-\(dead)-CCCCCC.tmp")))
        try write("c", to: path("c"))
        XCTAssertEqual(try String(contentsOfFile: path("a"), encoding: .utf8), "new")
        XCTAssertEqual(try listing(), ["a", "c"])
    }

    func testALiveWritersTemporaryFileIsLeftAlone() throws {
        let live = path(".meshbench-1-AAAAAA.tmp")  // pid 1 is always alive
        try Data("busy".utf8).write(to: URL(fileURLWithPath: live))
        try write("x", to: path("x"))
        XCTAssertEqual(try listing(), [".meshbench-1-AAAAAA.tmp", "x"])
    }

    /// A journal line removing `path` as it is now (device, inode, status-change time).
    private func removal(_ path: String) throws -> String {
        let version = try XCTUnwrap(CommitJournal.Removal.version(of: path))
        return "D\t\(path)\t\(version.map(String.init).joined(separator: " "))\n"
    }

    /// Issue 12: a reader between a kill and the next write never sees a half-applied journal.
    /// The journal has copies in both folders it touches; reading either folder's file finishes
    /// the whole commit and removes every copy.
    func testAReaderFinishesAKilledCommitBeforeReading() throws {
        let dead = try Self.deadPID()
        let other = path("sub")
        try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: false)
        try write("old-a", to: path("a.json"))
        try write("old-b", to: other + "/b.json")
        try Data("new-a".utf8).write(to: URL(fileURLWithPath: path(".meshbench-\(dead)-AAAAAA.tmp")))
        try Data("new-b".utf8).write(to: URL(fileURLWithPath: other + "/.meshbench-\(dead)-BBBBBB.tmp"))
        let copies = [path(".meshbench-\(dead)-JJJJJJ.journal"), other + "/.meshbench-\(dead)-KKKKKK.journal"]
        let journal =
            "R\t\(path(".meshbench-\(dead)-AAAAAA.tmp"))\t\(path("a.json"))\n"
            + "R\t\(other)/.meshbench-\(dead)-BBBBBB.tmp\t\(other)/b.json\n" + copies.map { "J\t\($0)\n" }.joined()
        for copy in copies { try Data(journal.utf8).write(to: URL(fileURLWithPath: copy)) }
        // Half applied, as a kill between the two renames leaves it.
        XCTAssertEqual(rename(path(".meshbench-\(dead)-AAAAAA.tmp"), path("a.json")), 0)
        XCTAssertEqual(try DocumentFile.readBytes(other + "/b.json"), Array("new-b".utf8))
        XCTAssertEqual(try String(contentsOfFile: path("a.json"), encoding: .utf8), "new-a")
        XCTAssertEqual(try listing(), ["a.json", "sub"])
        XCTAssertEqual(try listing(other), ["b.json"])
    }

    /// A late recovery never deletes a file a newer commit made at a removed path.
    func testARemovalAppliesOnlyToTheFileItNamed() throws {
        let dead = try Self.deadPID()
        try write("old", to: path("chart.png"))
        let line = try removal(path("chart.png"))
        try FileManager.default.removeItem(atPath: path("chart.png"))
        try write("newer run", to: path("chart.png"))
        try Data(line.utf8).write(to: URL(fileURLWithPath: path(".meshbench-\(dead)-JJJJJJ.journal")))
        try write("x", to: path("x"))
        XCTAssertEqual(try String(contentsOfFile: path("chart.png"), encoding: .utf8), "newer run")
        XCTAssertEqual(try listing(), ["chart.png", "x"])
    }

    /// Stale temporary files are removed only when they are ours by name, regular files, not
    /// locked by a live writer, and either of a dead process or older than a minute.
    func testOnlyAbandonedTemporaryFilesOfOursAreRemoved() throws {
        let dead = try Self.deadPID()
        // Held under flock (a live writer, whatever its pid says): kept.
        let held = path(".meshbench-\(dead)-HELDXX.tmp")
        try Data("busy".utf8).write(to: URL(fileURLWithPath: held))
        let fd = open(held, O_RDONLY)
        defer { close(fd) }
        XCTAssertEqual(flock(fd, LOCK_EX), 0)
        // A live pid (1) but an hour old: its pid was reused, or it came from another namespace.
        let old = path(".meshbench-1-OLDXXX.tmp")
        try Data("old".utf8).write(to: URL(fileURLWithPath: old))
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSinceNow: -3_600)], ofItemAtPath: old)
        // Our pattern but a folder, a FIFO and a symbolic link: never ours to delete.
        try FileManager.default.createDirectory(
            atPath: path(".meshbench-\(dead)-DIRXXX.tmp"), withIntermediateDirectories: false)
        XCTAssertEqual(mkfifo(path(".meshbench-\(dead)-FIFOXX.tmp"), 0o644), 0)
        try write("precious", to: path("elsewhere"))
        try FileManager.default.createSymbolicLink(
            atPath: path(".meshbench-\(dead)-LINKXX.tmp"), withDestinationPath: path("elsewhere"))
        // Another program's temporary file that merely looks similar.
        try Data("theirs".utf8).write(to: URL(fileURLWithPath: path(".meshbench-notours.tmp")))
        try write("x", to: path("x"))
        XCTAssertEqual(
            try listing(),
            [
                ".meshbench-\(dead)-DIRXXX.tmp", ".meshbench-\(dead)-FIFOXX.tmp", ".meshbench-\(dead)-HELDXX.tmp",
                ".meshbench-\(dead)-LINKXX.tmp", ".meshbench-notours.tmp", "elsewhere", "x",
            ])
        XCTAssertEqual(try String(contentsOfFile: path("elsewhere"), encoding: .utf8), "precious")
    }

    func testDocumentWriteThatCannotEncodeLeavesTheFileIntact() throws {
        let path = path("results.json")
        var doc = ResultsDocument(
            run: Fixtures.header, generatedAt: Date(timeIntervalSince1970: 0), verdict: .pass, verdictReason: "")
        try doc.write(to: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        doc.notes = ["changed"]
        doc.checks = [CheckResult(name: "leak", scenario: "s", status: .fail, measured: .nan, detail: "bad input")]
        XCTAssertThrowsError(try doc.write(to: path))
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before)
    }

    /// The id of a process that has exited (and was reaped).
    private static func deadPID() throws -> pid_t {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }
}
