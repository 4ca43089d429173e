import Foundation
import XCTest
@testable import BenchFormats

/// Formats are told apart by content (never the file name), gzip included.
final class FormatDetectionTests: XCTestCase {
    func testEachFixtureIsDetectedAsItsFormat() throws {
        let expected: [(String, InputFormat)] = [
            ("hyperfine/hyperfine-two-commands.json", .hyperfine),
            ("google-benchmark/google-benchmark-single.json", .googleBenchmark),
            ("pytest-benchmark/pytest-benchmark-data.json", .pytestBenchmark),
            ("go/go-test-output.txt", .go),
            ("go/go-spec-edge-cases.txt", .go),
        ]
        for (file, format) in expected {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: ForeignFixtures.path(file))))
            XCTAssertEqual(FormatDetector.detect(Array(bytes.prefix(FormatDetector.probeBytes))), format, file)
            XCTAssertEqual(try ForeignFixtures.open(ForeignFixtures.path(file)).format, format, file)
        }
    }

    func testNativeSamplesStillGoToTheSamplesReader() throws {
        let dir = try Fixtures.temporaryDirectory()
        for gzip in [false, true] {
            let path = try Fixtures.writeSamples(gzip: gzip, in: dir, name: "s\(gzip).jsonl")
            let source = try BenchmarkInput.open(path: path)
            XCTAssertTrue(source is SamplesReader)
            var count = 0
            while try source.next() != nil { count += 1 }
            XCTAssertEqual(count, Fixtures.body.count)
        }
    }

    func testAGzippedExportIsReadLikeThePlainOne() throws {
        let plain = [UInt8](
            try Data(contentsOf: URL(fileURLWithPath: ForeignFixtures.path("hyperfine/hyperfine-two-commands.json"))))
        let path = try ForeignFixtures.temporary("", name: "h.json.gz")
        try Data(try Gzip.compress(plain)).write(to: URL(fileURLWithPath: path))
        let run = try ForeignFixtures.open(path)
        XCTAssertEqual(ForeignFixtures.samples(run).count, 6)
    }

    func testAnEscapedKeyInsideAStringDoesNotDecide() {
        let text = #"{"results": [{"command": "echo \"machine_info\": 1", "times": [1]}]}"#
        XCTAssertEqual(FormatDetector.detect(Array(text.utf8)), .hyperfine)
    }

    func testUnknownJSONAsksForTheFormatAndTheOptionOverridesDetection() throws {
        let path = try ForeignFixtures.temporary(#"{"runs": [1, 2]}"#, name: "x.json")
        XCTAssertEqual(
            ForeignFixtures.importError(path),
            "\(path):1: auto-detected: a JSON document of none of the known kinds (no `results`, `context`, `machine_info` or `schema` key near the start). "
                + "Name its format with --input-format hyperfine, google-benchmark, pytest-benchmark, go or meshbench.")
        let text = try ForeignFixtures.temporary("BenchmarkA 1 2 ns/op\n", name: "a.txt")
        XCTAssertTrue(
            ForeignFixtures.importError(text, format: .hyperfine).hasPrefix(
                "\(text):1:1: hyperfine JSON: malformed JSON"))
    }
}
