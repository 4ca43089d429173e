import Foundation
import XCTest

/// A scratch working directory per test holding a copy of the repository's thresholds, so
/// analyze runs there as it would at a repository root and never touches the real `.benchmarks/`.
class AnalyzeWorkspaceTestCase: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("analyze-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent(".benchmarks"), withIntermediateDirectories: true)
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        try FileManager.default.copyItem(
            at: repository.appendingPathComponent(".benchmarks/thresholds.json"),
            to: dir.appendingPathComponent(".benchmarks/thresholds.json"))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }
}
