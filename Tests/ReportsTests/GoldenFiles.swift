import ExecutableTesting
import Foundation

/// The Markdown golden files under `Tests/ReportsTests/Golden/` (compared by `GoldenFile`).
///
/// To regenerate after an intended change of a template or view model:
///     MESHBENCH_UPDATE_GOLDEN=1 swift test --filter ReportsTests.GoldenTests
/// then read the diff (`git diff Tests/ReportsTests/Golden`) before committing it.
enum GoldenFiles {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func assertMatches(_ text: String, golden name: String, file: StaticString = #filePath, line: UInt = #line) {
        GoldenFile.assertMatches(text, folder.appendingPathComponent(name), file: file, line: line)
    }
}
