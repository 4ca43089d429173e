import Foundation
import XCTest

/// Compares what users read (Markdown, help, verdict lines, error messages) with a golden file,
/// exactly. `MESHBENCH_UPDATE_GOLDEN=1` re-records every golden file instead of comparing; read
/// the diff (`git diff -- Tests`) before committing it.
public enum GoldenFile {
    public static var isRecording: Bool { ProcessInfo.processInfo.environment["MESHBENCH_UPDATE_GOLDEN"] == "1" }

    public static func assertMatches(_ text: String, _ url: URL, file: StaticString = #filePath, line: UInt = #line) {
        if isRecording {
            do {
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            } catch {
                XCTFail("cannot record golden file \(url.path): \(error)", file: file, line: line)
            }
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path),
            let expected = String(data: data, encoding: .utf8)
        else {
            XCTFail(
                "golden file \(url.path) is missing; create it with MESHBENCH_UPDATE_GOLDEN=1", file: file, line: line)
            return
        }
        guard text != expected else { return }
        let actualLines = text.components(separatedBy: "\n")
        let expectedLines = expected.components(separatedBy: "\n")
        let firstDifference =
            zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(actualLines.count, expectedLines.count)
        let got = firstDifference < actualLines.count ? actualLines[firstDifference] : "<end of file>"
        let want = firstDifference < expectedLines.count ? expectedLines[firstDifference] : "<end of file>"
        XCTFail(
            "\(url.lastPathComponent) differs from its golden file at line \(firstDifference + 1):\n  got:  \(got)\n  want: \(want)\n"
                + "If the change is intended, regenerate with MESHBENCH_UPDATE_GOLDEN=1.", file: file, line: line)
    }
}
