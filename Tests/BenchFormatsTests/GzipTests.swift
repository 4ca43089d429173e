import ExecutableTesting
import Foundation
import XCTest
@testable import BenchFormats

final class GzipTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        dir = try Fixtures.temporaryDirectory()
    }

    func testFileGzippedByTheCLIIsRead() throws {
        let plain = try Fixtures.writeSamples(gzip: false, in: dir, name: "cli.jsonl")
        XCTAssertEqual(try BuiltExecutable(program: "/usr/bin/gzip").run(["-k", plain]).status, 0)
        // Named without .gz on purpose: detection is by magic bytes, not by name.
        let misnamed = dir.appendingPathComponent("cli-compressed.jsonl").path
        try FileManager.default.moveItem(atPath: plain + ".gz", toPath: misnamed)
        let (reader, records) = try Fixtures.readAll(misnamed)
        XCTAssertTrue(reader.isGzip)
        XCTAssertEqual(records, Fixtures.body)
    }

    func testOurGzipPassesGzipTestAndZcat() throws {
        let ours = try Fixtures.writeSamples(gzip: true, in: dir, name: "ours.jsonl.gz")
        XCTAssertEqual(try BuiltExecutable(program: "/usr/bin/gzip").run(["-t", ours]).status, 0)
        let zcat = try BuiltExecutable(program: "/usr/bin/zcat").run([ours])
        XCTAssertEqual(zcat.status, 0)
        let plain = try Fixtures.writeSamples(gzip: false, in: dir, name: "plain.jsonl")
        XCTAssertEqual(zcat.stdout, try Data(contentsOf: URL(fileURLWithPath: plain)))
    }

    func testConcatenatedGzipMembersReadAsOneStream() throws {
        let plain = try Fixtures.writeSamples(gzip: false, in: dir, name: "multi.jsonl")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: plain))
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        let half = lines.count / 2
        let first = Data(lines[..<half].joined(separator: [0x0A])) + Data([0x0A])
        let second = Data(lines[half...].joined(separator: [0x0A]))
        let joined = try Gzip.compress(Array(first)) + Gzip.compress(Array(second))
        let path = dir.appendingPathComponent("multi.jsonl.gz").path
        try Data(joined).write(to: URL(fileURLWithPath: path))
        XCTAssertEqual(try Fixtures.readAll(path).1, Fixtures.body)
    }

    func testTruncatedGzipStreamIsNamed() throws {
        let ours = try Fixtures.writeSamples(gzip: true, in: dir, name: "cut.jsonl.gz")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: ours))
        let cut = dir.appendingPathComponent("cut-short.jsonl.gz").path
        try bytes.prefix(bytes.count - 12).write(to: URL(fileURLWithPath: cut))
        XCTAssertThrowsError(try Fixtures.readAll(cut)) { error in
            guard case .truncatedGzip(let file, _)? = error as? SamplesError else { return XCTFail("\(error)") }
            XCTAssertEqual(file, cut)
            XCTAssertTrue("\(error)".contains("truncated gzip stream"))
        }
        // --allow-partial keeps the complete lines before the cut.
        let (reader, records) = try Fixtures.readAll(cut, allowPartial: true)
        XCTAssertTrue(reader.isPartial)
        XCTAssertEqual(Array(Fixtures.body.prefix(records.count)), records)
    }

    func testCorruptGzipDataIsNamed() throws {
        let ours = try Fixtures.writeSamples(gzip: true, in: dir, name: "bad.jsonl.gz")
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: ours)))
        bytes[bytes.count - 6] ^= 0xFF  // inside the CRC-32 trailer
        let path = dir.appendingPathComponent("bad-crc.jsonl.gz").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try Fixtures.readAll(path)) { error in
            guard case .corruptGzip(let file, _, let detail)? = error as? SamplesError else {
                return XCTFail("\(error)")
            }
            XCTAssertEqual(file, path)
            XCTAssertEqual(detail, "incorrect data check")  // zlib's message for a CRC mismatch
        }
    }

    /// One million values through gzip, read back a record at a time: the line buffer never grows
    /// past its initial size and resident memory stays far below the size of the decoded data.
    func testStreamingMillionValuesKeepsMemoryBounded() throws {
        let path = dir.appendingPathComponent("big.jsonl.gz").path
        let writer = try SamplesWriter(path: path, run: Fixtures.header, gzip: true)
        var block = SamplesBlock(scenario: "big", metric: "lat", unit: "ms", better: .lower, values: [], rep: [])
        var expectedSum = 0.0
        for r in 0..<100 {
            block.values = (0..<10_000).map { Double(($0 * 7919 + r * 104_729) % 100_000) / 1000 }
            block.rep = Array(repeating: r, count: 10_000)
            expectedSum += block.values.reduce(0, +)
            try writer.write(.samples(block))
        }
        try writer.finish()

        let before = Fixtures.maxRSSKiB()
        let reader = try SamplesReader(path: path)
        var count = 0
        var sum = 0.0
        while let record = try reader.next() {
            guard case .samples(let s) = record else { continue }
            count += s.values.count
            sum += s.values.reduce(0, +)
        }
        XCTAssertEqual(count, 1_000_000)
        XCTAssertEqual(sum, expectedSum, accuracy: 1e-6 * expectedSum)
        XCTAssertEqual(reader.end?.records, 101)
        // The whole file decoded is ~10 MB of text; a streaming reader adds far less than that.
        XCTAssertLessThan(Fixtures.maxRSSKiB() - before, 8 * 1024)
    }
}
