import Foundation
import XCTest
@testable import BenchFormats

final class AtomicFileTests: XCTestCase {
    private struct SimulatedCrash: Error {}

    func testReplacesContentAndLeavesNoTemporaryFiles() throws {
        let dir = try Fixtures.temporaryDirectory()
        let path = dir.appendingPathComponent("baseline.json").path
        try AtomicFile.write(Array("old\n".utf8), to: path)
        try AtomicFile.write(Array("new\n".utf8), to: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "new\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["baseline.json"])
    }

    func testFailureBeforeRenameLeavesTheOldFileIntact() throws {
        let dir = try Fixtures.temporaryDirectory()
        let path = dir.appendingPathComponent("baseline.json").path
        try AtomicFile.write(Array("old\n".utf8), to: path)
        XCTAssertThrowsError(try AtomicFile.write(Array("half-written".utf8), to: path, beforeRename: { throw SimulatedCrash() })) { error in
            XCTAssertTrue("\(error)".contains("unchanged"))
        }
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "old\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["baseline.json"])
    }

    func testMissingFolderFailsWithoutCreatingAnything() throws {
        let dir = try Fixtures.temporaryDirectory()
        let path = dir.appendingPathComponent("missing/baseline.json").path
        XCTAssertThrowsError(try AtomicFile.write([1], to: path)) { error in
            XCTAssertEqual((error as? AtomicFileError)?.path, path)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
    }

    func testRenameOntoADirectoryFailsAndLeavesItAlone() throws {
        // A real failure at the rename step (EISDIR): the target and the folder are unchanged.
        let dir = try Fixtures.temporaryDirectory()
        let target = dir.appendingPathComponent("thresholds.json")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
        try Data("keep".utf8).write(to: target.appendingPathComponent("inside"))
        XCTAssertThrowsError(try AtomicFile.write(Array("x".utf8), to: target.path)) { error in
            XCTAssertEqual((error as? AtomicFileError)?.operation, "rename the temporary file over it")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["thresholds.json"])
        XCTAssertEqual(try String(contentsOf: target.appendingPathComponent("inside"), encoding: .utf8), "keep")
    }

    func testDocumentWriteThatCannotEncodeLeavesTheFileIntact() throws {
        let dir = try Fixtures.temporaryDirectory()
        let path = dir.appendingPathComponent("results.json").path
        var doc = ResultsDocument(run: Fixtures.header, generatedAt: Date(timeIntervalSince1970: 0), verdict: .pass, verdictReason: "")
        try doc.write(to: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        doc.notes = ["changed"]
        doc.checks = [CheckResult(name: "leak", scenario: "s", status: .fail, measured: .nan, detail: "bad input")]
        XCTAssertThrowsError(try doc.write(to: path))
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before)
    }
}
