import Foundation
import XCTest
@testable import BenchFormats

/// The committed outputs of the real tools (Tests/Fixtures/foreign-formats, README there), and
/// helpers that read them the way `analyze` does.
enum ForeignFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/foreign-formats")

    static func path(_ relative: String) -> String { folder.appendingPathComponent(relative).path }

    /// Foundation's JSONSerialization on Linux misreads some numbers by a few ulp (LocatedJSONTests
    /// shows the adapters' parser is exact), so values read by it are compared within 8 ulp.
    static func assertSame(
        _ mine: [Double]?, _ foundation: [Double]?, _ message: String = "",
        file: StaticString = #filePath, line: UInt = #line
    ) {
        guard let mine, let foundation, mine.count == foundation.count else {
            return XCTFail(
                "\(String(describing: mine)) vs \(String(describing: foundation)) \(message)", file: file, line: line)
        }
        for (a, b) in zip(mine, foundation) where abs(a - b) > 8 * a.ulp {
            XCTFail("\(a) vs \(b) \(message)", file: file, line: line)
        }
    }

    /// The file parsed by Foundation, independently of the adapters' own parser.
    static func json(_ relative: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path(relative)))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func open(_ path: String, format: InputFormat = .auto, allowPartial: Bool = false) throws -> ImportedRun {
        let source = try BenchmarkInput.open(path: path, format: format, allowPartial: allowPartial)
        return try XCTUnwrap(source as? ImportedRun, "\(path) was not read as an imported run")
    }

    /// Every value of each metric across its blocks, keyed `scenario/metric`.
    static func samples(_ run: ImportedRun) -> [String: SamplesBlock] {
        var out: [String: SamplesBlock] = [:]
        for case .samples(let block) in run.allRecords {
            if var existing = out[block.key.description] {
                existing.values += block.values
                existing.rep = existing.rep.map { $0 + (block.rep ?? []) }
                out[block.key.description] = existing
            } else {
                out[block.key.description] = block
            }
        }
        return out
    }

    static func counters(_ run: ImportedRun) -> [String: CounterRecord] {
        var out: [String: CounterRecord] = [:]
        for case .counter(let c) in run.allRecords { out[c.key.description] = c }
        return out
    }

    static func outcomes(_ run: ImportedRun) -> [OutcomeRecord] {
        run.allRecords.compactMap { if case .outcome(let o) = $0 { o } else { nil } }
    }

    /// Writes `text` to a fresh temporary file and returns its path.
    static func temporary(_ text: String, name: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "adapters-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The error opening `path` gives, as the message analyze prints.
    static func importError(
        _ path: String, format: InputFormat = .auto, file: StaticString = #filePath,
        line: UInt = #line
    ) -> String {
        do {
            _ = try BenchmarkInput.open(path: path, format: format)
            XCTFail("\(path) was accepted", file: file, line: line)
            return ""
        } catch {
            return "\(error)"
        }
    }
}
