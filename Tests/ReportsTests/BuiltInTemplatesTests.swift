import Foundation
import XCTest
@testable import Reports

/// The templates built into the binary are the repository's `templates/*.mustache`, to the byte,
/// so a report rendered anywhere is the one the golden files describe.
final class BuiltInTemplatesTests: XCTestCase {
    func testBuiltInTemplatesAreTheRepositorysTemplatesByteForByte() throws {
        let folder = GoldenFiles.repositoryRoot.appendingPathComponent("templates")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0.hasSuffix(".mustache")
        }
        XCTAssertEqual(Set(BuiltInTemplates.texts.keys), Set(names.map { String($0.dropLast(".mustache".count)) }))
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            XCTAssertEqual(BuiltInTemplates.texts[String(name.dropLast(".mustache".count))], text, name)
        }
        XCTAssertEqual(
            Set(TemplateSet.Document.allCases.map(\.rawValue)).subtracting(BuiltInTemplates.texts.keys), [],
            "every document has a built-in template")
    }

    func testAnOverrideFolderReplacesOnlyTheTemplatesItHolds() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("custom {{verdict.word}}".utf8).write(to: folder.appendingPathComponent("pr-comment.mustache"))
        let templates = try TemplateSet(overrideDirectory: folder)
        XCTAssertEqual(templates.sources["pr-comment"], folder.appendingPathComponent("pr-comment.mustache").path)
        XCTAssertEqual(templates.sources["benchmark-report"], "templates/benchmark-report.mustache (built in)")
    }
}
