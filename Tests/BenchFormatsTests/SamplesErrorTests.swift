import Foundation
import XCTest
@testable import BenchFormats

/// Every way a samples input can be wrong gives its own error kind, naming file and line.
final class SamplesErrorTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        dir = try Fixtures.temporaryDirectory()
    }

    private func file(_ text: String, name: String = "bad.jsonl") throws -> String {
        let path = dir.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func readError(_ path: String, allowPartial: Bool = false) -> SamplesError? {
        do {
            _ = try Fixtures.readAll(path, allowPartial: allowPartial)
            return nil
        } catch {
            return error as? SamplesError
        }
    }

    private func samplesLine(_ valuesJSON: String, unit: String = "ms", extra: String = "") -> String {
        #"{"type":"samples","scenario":"s","metric":"m","unit":"\#(unit)","better":"lower","values":\#(valuesJSON)\#(extra)}"#
    }

    private func end(_ records: Int) -> String {
        #"{"type":"end","finished_at":"2025-01-01T00:00:00Z","records":\#(records)}"#
    }

    /// Asserts the error and that its message names the file and line.
    private func expect(
        _ lines: [String], _ expected: (String) -> SamplesError, line: Int?,
        mentions: String, file: StaticString = #filePath, at sourceLine: UInt = #line
    ) throws {
        let path = try self.file(lines.joined(separator: "\n") + "\n")
        let error = readError(path)
        XCTAssertEqual(error, expected(path), file: file, line: sourceLine)
        let text = error?.description ?? ""
        XCTAssertTrue(text.hasPrefix(line.map { "\(path):\($0)" } ?? path), text, file: file, line: sourceLine)
        XCTAssertTrue(text.contains(mentions), text, file: file, line: sourceLine)
    }

    func testEmptyInput() throws {
        try expect([], { .emptyInput(file: $0) }, line: nil, mentions: "empty input")
    }

    func testMissingEndIsTruncatedUnlessPartialAllowed() throws {
        let run = try Fixtures.runLine()
        try expect(
            [run, samplesLine("[1,2]")], { .truncated(file: $0, line: 2, records: 2) }, line: 2,
            mentions: "re-run bench or pass --allow-partial")
        let path = try file([run, samplesLine("[1,2]")].joined(separator: "\n") + "\n", name: "partial.jsonl")
        let (reader, records) = try Fixtures.readAll(path, allowPartial: true)
        XCTAssertTrue(reader.isPartial)
        XCTAssertNil(reader.end)
        XCTAssertEqual(records.count, 1)
    }

    func testLineCutOffMidWriteIsTruncation() throws {
        let run = try Fixtures.runLine()
        let path = try file(run + "\n" + samplesLine("[1,2]") + "\n" + #"{"type":"samples","scen"#)
        XCTAssertEqual(readError(path), .truncated(file: path, line: 3, records: 2))
        let (reader, records) = try Fixtures.readAll(path, allowPartial: true)
        XCTAssertTrue(reader.isPartial)
        XCTAssertEqual(records.count, 1)
    }

    func testMalformedJSONNamesLineAndColumn() throws {
        let run = try Fixtures.runLine()
        try expect(
            [run, #"{"type":"samples","values":[1,,2]}"#, end(2)],
            { .malformedJSON(file: $0, line: 2, column: 31, detail: "expected a number, found `,` in `values`") },
            line: 2, mentions: "malformed JSON")
    }

    /// Columns are 1-based byte offsets of the token, computed with Python `line.index(token) + 1`.
    func testNaNAndInfinityLiteralsAreNamed() throws {
        let run = try Fixtures.runLine()
        try expect(
            [run, samplesLine("[1,NaN]"), end(2)],
            { .nonFiniteLiteral(file: $0, line: 2, column: 88, token: "NaN") }, line: 2,
            mentions: "`NaN` is not a JSON number")
        try expect(
            [run, samplesLine("[-Infinity]"), end(2)],
            { .nonFiniteLiteral(file: $0, line: 2, column: 86, token: "-Infinity") }, line: 2, mentions: "-Infinity")
        try expect(
            [run, #"{"type":"counter","scenario":"s","metric":"m","unit":"frames","value":Infinity}"#, end(2)],
            { .nonFiniteLiteral(file: $0, line: 2, column: 71, token: "Infinity") }, line: 2, mentions: "Infinity")
    }

    func testOverflowingNumberIsNonFinite() throws {
        let run = try Fixtures.runLine()
        try expect(
            [run, samplesLine("[1e999]"), end(2)],
            { .nonFiniteNumber(file: $0, line: 2, field: "values") }, line: 2, mentions: "`values`")
    }

    func testNegativeTimesAreRefused() throws {
        let run = try Fixtures.runLine()
        for unit in ["ns", "us", "ms", "s"] {
            try expect(
                [run, samplesLine("[3,-0.5]", unit: unit), end(2)],
                { .negativeTime(file: $0, line: 2, field: "values", index: 1, value: -0.5, unit: unit) },
                line: 2, mentions: "values[1] = -0.5 \(unit) is negative")
        }
        try expect(
            [
                run,
                #"{"type":"outcome","test":"t","tier":1,"attempt":1,"status":"pass","duration_ms":-1,"message":""}"#,
                end(2),
            ],
            { .negativeTime(file: $0, line: 2, field: "duration_ms", index: nil, value: -1, unit: "ms") },
            line: 2, mentions: "duration_ms")
        // A negative value in a non-time unit is legitimate (e.g. a balance).
        let path = try file([run, samplesLine("[-1]", unit: "msat"), end(2)].joined(separator: "\n"), name: "ok.jsonl")
        XCTAssertEqual(try Fixtures.readAll(path).1.count, 1)
    }

    func testParallelArraysMustMatchValues() throws {
        let run = try Fixtures.runLine()
        for field in ["hops", "node", "t", "rep"] {
            try expect(
                [run, samplesLine("[1,2,3]", extra: #","\#(field)":[0,1]"#), end(2)],
                { .parallelArrayLength(file: $0, line: 2, field: field, count: 2, expected: 3) },
                line: 2, mentions: "`\(field)` has 2 elements but `values` has 3")
        }
        try expect(
            [run, #"{"type":"series","scenario":"s","metric":"m","unit":"MB","t":[0],"values":[1,2]}"#, end(2)],
            { .parallelArrayLength(file: $0, line: 2, field: "t", count: 1, expected: 2) }, line: 2, mentions: "`t`")
    }

    func testUnknownSchemaIsNamed() throws {
        let run = try Fixtures.runLine().replacingOccurrences(of: "meshbench.samples/1", with: "meshbench.samples/9")
        try expect(
            [run, end(1)],
            { .unsupportedSchema(file: $0, line: 1, found: "meshbench.samples/9", supported: "meshbench.samples/1") },
            line: 1, mentions: "this version reads \"meshbench.samples/1\"")
    }

    func testFirstRecordMustBeRun() throws {
        try expect(
            [samplesLine("[1]"), end(1)], { .firstRecordNotRun(file: $0, line: 1, found: "samples") },
            line: 1, mentions: "starts with a `run` record")
    }

    func testResultsFileGivenToAnalyzeIsRecognised() throws {
        let results = ResultsDocument(
            run: Fixtures.header, generatedAt: Date(timeIntervalSince1970: 0), verdict: .pass,
            verdictReason: "ok",
            metrics: [
                MetricResult(
                    scenario: "s", metric: "m", unit: "ms", better: .lower, n: 1, runs: 1, mean: 1,
                    sd: nil, min: 1, p50: 1, p90: 1, p95: 1, p99: 1, p999: 1, max: 1)
            ])
        let pretty = dir.appendingPathComponent("results.json").path
        try results.write(to: pretty)
        XCTAssertEqual(
            readError(pretty),
            .wrongFileKind(
                file: pretty, schema: "meshbench.results/1",
                hint: "this is a results file; give it to render"))
        XCTAssertTrue(readError(pretty)!.description.contains("give it to render"))
        // The same document on one line.
        let compact = try file(
            String(decoding: try FormatsJSON.encoder(pretty: false).encode(results), as: UTF8.self),
            name: "compact.json")
        XCTAssertEqual(
            readError(compact),
            .wrongFileKind(
                file: compact, schema: "meshbench.results/1",
                hint: "this is a results file; give it to render"))
    }

    func testUnknownTypeMissingFieldAndBadEnum() throws {
        let run = try Fixtures.runLine()
        try expect(
            [run, #"{"type":"sample"}"#, end(2)],
            {
                .invalidRecord(
                    file: $0, line: 2,
                    detail:
                        "unknown record type \"sample\"; expected one of run, samples, series, counter, outcome, end")
            },
            line: 2, mentions: "unknown record type")
        try expect(
            [run, #"{"type":"samples","scenario":"s","metric":"m","unit":"ms","better":"lower"}"#, end(2)],
            { .invalidRecord(file: $0, line: 2, detail: "`samples` record without `values` (an array of numbers)") },
            line: 2, mentions: "without `values`")
        try expect(
            [run, #"{"type":"samples","scenario":"s","metric":"m","unit":"ms","better":"less","values":[]}"#, end(2)],
            { .invalidRecord(file: $0, line: 2, detail: "`better` is \"less\"; it must be \"lower\" or \"higher\"") },
            line: 2, mentions: "\"lower\" or \"higher\"")
        try expect(
            [run, #"{"type":"outcome","test":"t","tier":1,"attempt":1,"status":"pass","message":""}"#, end(2)],
            { .invalidRecord(file: $0, line: 2, detail: "missing `duration_ms` in the record") },
            line: 2, mentions: "duration_ms")
        try expect(
            [run, samplesLine("[1]", extra: #","hops":[1.5]"#), end(2)],
            { .invalidRecord(file: $0, line: 2, detail: "hops[0] = 1.5 is not an integer") }, line: 2,
            mentions: "hops[0]")
    }

    func testEndCountAndRecordsAfterEnd() throws {
        let run = try Fixtures.runLine()
        try expect(
            [run, samplesLine("[1]"), end(5)], { .recordCountMismatch(file: $0, line: 3, declared: 5, counted: 2) },
            line: 3, mentions: "declares 5 records but 2 were read")
        try expect(
            [run, end(1), samplesLine("[1]")], { .recordAfterEnd(file: $0, line: 3) }, line: 3,
            mentions: "follows the `end`")
    }

    func testLineLongerThanTheCapIsRefused() throws {
        let run = try Fixtures.runLine()
        let path = try file(
            [run, samplesLine("[" + Array(repeating: "1", count: 2000).joined(separator: ",") + "]"), end(2)]
                .joined(separator: "\n"))
        XCTAssertThrowsError(
            try {
                let reader = try SamplesReader(path: path, maxLineBytes: 2048)
                while try reader.next() != nil {}
            }()
        ) { error in
            XCTAssertEqual(error as? SamplesError, .lineTooLong(file: path, line: 2, limit: 2048))
        }
    }

    func testMissingFileIsAnIOError() {
        let path = dir.appendingPathComponent("nope.jsonl").path
        XCTAssertEqual(readError(path), .io(file: path, operation: "open", message: "No such file or directory"))
    }
}
