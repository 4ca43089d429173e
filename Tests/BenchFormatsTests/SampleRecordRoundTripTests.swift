import Foundation
import XCTest
@testable import BenchFormats

final class SampleRecordRoundTripTests: XCTestCase {
    func testEveryRecordRoundTripsThroughPlainAndGzipFiles() throws {
        let dir = try Fixtures.temporaryDirectory()
        for gzip in [false, true] {
            let path = try Fixtures.writeSamples(gzip: gzip, in: dir, name: "rt-\(gzip).jsonl")
            let (reader, records) = try Fixtures.readAll(path)
            XCTAssertEqual(reader.isGzip, gzip)
            XCTAssertEqual(reader.run, RunRecord(header: Fixtures.header))
            XCTAssertEqual(records, Fixtures.body)
            XCTAssertEqual(
                reader.end,
                EndRecord(
                    finishedAt: Date(timeIntervalSince1970: 1_735_732_900),
                    records: Fixtures.body.count + 1))
            XCTAssertFalse(reader.isPartial)
        }
    }

    func testHandWrittenLinesMatchWhatJSONDecoderReads() throws {
        // The fast encoder must produce JSON any decoder reads back to the same record.
        var line: [UInt8] = []
        for record in Fixtures.body {
            line.removeAll()
            try RecordEncoder().append(record, to: &line)
            XCTAssertEqual(line.last, 0x0A)
            let decoded = try FormatsJSON.decoder().decode(SampleRecord.self, from: Data(line.dropLast()))
            XCTAssertEqual(decoded, record)
        }
    }

    func testRecordsAreTaggedSnakeCaseAndFlat() throws {
        let text = String(
            decoding: try Data(
                contentsOf: URL(
                    fileURLWithPath:
                        try Fixtures.writeSamples(gzip: false, in: try Fixtures.temporaryDirectory()))), as: UTF8.self)
        let lines = text.split(separator: "\n")
        XCTAssertEqual(lines.count, Fixtures.body.count + 2)
        XCTAssertTrue(lines[0].contains("\"type\":\"run\""))
        XCTAssertTrue(lines[0].contains("\"schema\":\"meshbench.samples/1\""))
        XCTAssertTrue(lines[0].contains("\"run_id\":\"run-42\""))
        XCTAssertTrue(lines[0].contains("\"started_at\":\"2025-01-01T12:00:00.250Z\""))
        XCTAssertTrue(lines[0].contains("\"cpu_model\":\"Test CPU\""))
        XCTAssertTrue(lines[1].hasPrefix("{\"better\":\"lower\",\"hops\":[1,1,2,3,5],\"mesh_size\":10,"))
        XCTAssertTrue(lines[1].contains("\"values\":[1.5,2,0.1,1e-05,123456.789]"))
        XCTAssertTrue(lines[6].contains("\"duration_ms\":812.5"))
        XCTAssertEqual(
            lines.last.map(String.init), "{\"finished_at\":\"2025-01-01T12:01:40Z\",\"records\":8,\"type\":\"end\"}")
    }

    func testNumbersParseExactly() throws {
        // Decimal strings chosen to hit the fast path, the strtod fallback (> 19 digits, large
        // exponents, subnormals) and signed zero; expected values are Swift's own Double(String).
        let texts = [
            "0", "-0", "1", "0.1", "123.456e-7", "1e22", "1e23", "9007199254740993", "2.2250738585072014e-308",
            "4.9e-324", "0.30000000000000004", "12345678901234567890123", "1.7976931348623157e308", "-5E+2",
        ]
        let line = "{\"values\":[\(texts.joined(separator: ","))]}"
        let fields = try line.utf8CString.withUnsafeBytes { raw in
            try RecordLineScanner.scan(UnsafeRawBufferPointer(rebasing: raw.dropLast()))
        }
        guard case .numbers(let values)? = fields["values"] else { return XCTFail("no numbers") }
        XCTAssertEqual(values.map(\.bitPattern), texts.map { Double($0)!.bitPattern })
    }

    func testStringsWithEscapesDecode() throws {
        let line = #"{"type":"x","scenario":"a\"b\\c\/d\n\u00e9\ud83d\ude00 tab\t"}"#
        let fields = try line.utf8CString.withUnsafeBytes { raw in
            try RecordLineScanner.scan(UnsafeRawBufferPointer(rebasing: raw.dropLast()))
        }
        guard case .string(let s)? = fields["scenario"] else { return XCTFail("no string") }
        XCTAssertEqual(s, "a\"b\\c/d\né😀 tab\t")
    }

    func testWriterRefusesRunAndEndAndInvalidRecords() throws {
        let dir = try Fixtures.temporaryDirectory()
        let writer = try SamplesWriter(path: dir.appendingPathComponent("w.jsonl").path, run: Fixtures.header)
        XCTAssertThrowsError(try writer.write(.run(RunRecord(header: Fixtures.header))))
        XCTAssertThrowsError(try writer.write(.end(EndRecord(finishedAt: Date(), records: 1))))
        XCTAssertThrowsError(
            try writer.write(
                .samples(
                    SamplesBlock(
                        scenario: "s", metric: "m", unit: "ms", better: .lower,
                        values: [.nan])))
        ) { error in
            XCTAssertEqual(error as? SamplesError, .nonFiniteNumber(file: writer.fileName, line: 2, field: "values[0]"))
        }
        XCTAssertThrowsError(
            try writer.write(
                .samples(
                    SamplesBlock(
                        scenario: "s", metric: "m", unit: "us", better: .lower,
                        values: [1, -2]))))
        XCTAssertEqual(writer.recordCount, 1)
        try writer.finish()
        XCTAssertEqual(try Fixtures.readAll(writer.fileName).1, [])
    }

    func testStandardInputIsReadWithDash() throws {
        // `-` means standard input: give the reader a pipe as fd 0 substitute via init(fileDescriptor:).
        let path = try Fixtures.writeSamples(gzip: true, in: try Fixtures.temporaryDirectory())
        let fd = open(path, O_RDONLY)
        let reader = try SamplesReader(fileDescriptor: fd, name: "<stdin>", ownsDescriptor: true)
        var count = 0
        while try reader.next() != nil { count += 1 }
        XCTAssertEqual(count, Fixtures.body.count)
        XCTAssertTrue(reader.isGzip)
    }
}
