import Foundation
import XCTest

/// Compares generated Markdown with the files under `Tests/ReportsTests/Golden/`, exactly.
///
/// To regenerate after an intended change of a template or view model:
///     MESHBENCH_UPDATE_GOLDEN=1 swift test --filter ReportsTests.GoldenTests
/// then read the diff (`git diff Tests/ReportsTests/Golden`) before committing it.
enum GoldenFiles {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func assertMatches(_ text: String, golden name: String, file: StaticString = #filePath, line: UInt = #line) {
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["MESHBENCH_UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try! Data(text.utf8).write(to: url)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path), let expected = String(data: data, encoding: .utf8) else {
            XCTFail("golden file \(url.path) is missing; create it with MESHBENCH_UPDATE_GOLDEN=1", file: file, line: line)
            return
        }
        if text != expected {
            let actualLines = text.components(separatedBy: "\n")
            let expectedLines = expected.components(separatedBy: "\n")
            let firstDifference = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(actualLines.count, expectedLines.count)
            let got = firstDifference < actualLines.count ? actualLines[firstDifference] : "<end of file>"
            let want = firstDifference < expectedLines.count ? expectedLines[firstDifference] : "<end of file>"
            XCTFail("\(name) differs from its golden file at line \(firstDifference + 1):\n  got:  \(got)\n  want: \(want)\n"
                    + "If the change is intended, regenerate with MESHBENCH_UPDATE_GOLDEN=1.", file: file, line: line)
        }
    }
}
