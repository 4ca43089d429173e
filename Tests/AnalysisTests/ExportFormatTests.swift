import Analysis
import BenchFormats
import Foundation
import XCTest

/// The exports other tools read: Bencher's BMF, github-action-benchmark's custom format, JUnit XML.
final class ExportFormatTests: XCTestCase {
    func document() throws -> (ResultsDocument, [OutcomeRecord]) {
        let attempts = [
            OutcomeRecord(
                test: "tier1.<dedup>", tier: 1, attempt: 1, status: .fail, durationMS: 1500,
                message: "timeout & \"late\""),
            OutcomeRecord(test: "tier1.<dedup>", tier: 1, attempt: 2, status: .pass, durationMS: 500),
            OutcomeRecord(test: "tier1.payment", tier: 1, attempt: 1, status: .fail, durationMS: 100, message: "F08"),
            OutcomeRecord(
                test: "tier1.payment", tier: 1, attempt: 2, status: .fail, durationMS: 100, message: "F08 again"),
        ]
        let doc = try Fixture.analyze(
            [
                Fixture.latency([10, 12, 14]), Fixture.throughput([100, 110]),
                .counter(
                    CounterRecord(scenario: "tier1.propagation-3", metric: "frames_per_event", unit: "frames", value: 6)
                ),
            ]
                + attempts.map { .outcome($0) }, baseline: nil)
        return (doc, attempts)
    }

    func parse(_ bytes: [UInt8]) throws -> Any { try JSONSerialization.jsonObject(with: Data(bytes)) }

    func testBencherMetricFormat() throws {
        let (doc, attempts) = try document()
        let bmf = try XCTUnwrap(
            try parse(try OutputFormat.bencher.render(doc, outcomes: attempts)) as? [String: [String: [String: Double]]]
        )
        let latency = try XCTUnwrap(bmf["tier1.propagation-3/latency"]?["latency-ms"])
        XCTAssertEqual(latency["value"], 12)
        // JSON carries the shortest decimal form; Foundation may read it back one ulp away.
        XCTAssertEqual(
            try XCTUnwrap(latency["lower_value"]), try XCTUnwrap(doc.metrics[0].ci.mean?.low), accuracy: 1e-12)
        XCTAssertEqual(bmf["tier1.propagation-3/frames_per_event"]?["frames-per-event-frames"]?["value"], 6)
        XCTAssertNotNil(bmf["tier1.propagation-3/throughput"]?["throughput-events-per-s"])
    }

    func testGitHubActionBenchmarkSplitsByDirection() throws {
        let (doc, attempts) = try document()
        let smaller = try XCTUnwrap(
            try parse(try OutputFormat.githubActionBenchmark.render(doc, outcomes: attempts)) as? [[String: Any]])
        XCTAssertEqual(
            smaller.map { $0["name"] as? String },
            ["tier1.propagation-3/latency", "tier1.propagation-3/frames_per_event"])
        XCTAssertEqual(smaller[0]["value"] as? Double, 12)
        XCTAssertEqual(smaller[0]["unit"] as? String, "ms")
        let bigger = try XCTUnwrap(
            try parse(try OutputFormat.githubActionBenchmarkBigger.render(doc, outcomes: attempts)) as? [[String: Any]])
        XCTAssertEqual(bigger.map { $0["name"] as? String }, ["tier1.propagation-3/throughput"])
    }

    func testJUnitHasFailuresFlakesAndEscapedText() throws {
        let (doc, attempts) = try document()
        let xml = String(decoding: try OutputFormat.junit.render(doc, outcomes: attempts), as: UTF8.self)
        XCTAssertTrue(xml.contains(#"<testsuites name="meshbench" tests="2" failures="1" time="2.200">"#), xml)
        XCTAssertTrue(xml.contains(#"name="tier1.&lt;dedup&gt;" time="2.000""#), xml)
        XCTAssertTrue(
            xml.contains("flaky: failed 1 of 2 attempts, then passed; first failure: timeout &amp; &quot;late&quot;"),
            xml)
        XCTAssertTrue(xml.contains(#"<failure message="F08 again">failed all 2 attempt(s)</failure>"#), xml)
        XCTAssertEqual(xml.components(separatedBy: "<testcase").count - 1, 2)
        XCTAssertTrue(xml.hasSuffix("  </testsuite>\n</testsuites>\n"), xml)
    }
}
