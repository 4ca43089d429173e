import BenchFormats
import Foundation
import XCTest

/// `comparison.noise_pct` and `comparison.regression` are optional: files without them still
/// read, and files with them round-trip with `regression` keyed by class name as in thresholds.json.
final class ComparisonLimitsFieldTests: XCTestCase {
    func testOlderComparisonWithoutLimitsStillReads() throws {
        let json = #"{"baseline_run_id":"run-1","baseline_host":"fp-1","comparable":true,"fdr":"benjamini-hochberg"}"#
        let info = try FormatsJSON.decoder().decode(ComparisonInfo.self, from: Data(json.utf8))
        XCTAssertNil(info.noisePct)
        XCTAssertNil(info.regression)
        let encoded = String(decoding: try FormatsJSON.encoder(pretty: false).encode(info), as: UTF8.self)
        XCTAssertFalse(encoded.contains("noise_pct"), "absent fields stay absent: \(encoded)")
    }

    func testLimitsRoundTripKeyedByClassName() throws {
        let info = ComparisonInfo(
            baselineRunID: "run-1", baselineHost: "fp-1", comparable: true, noisePct: 5,
            regression: [
                .latency: RegressionLimits(warnPct: 20, failPct: 50),
                .memory: RegressionLimits(warnPct: 30, failPct: nil),
            ])
        let data = try FormatsJSON.encoder(pretty: false).encode(info)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(object["noise_pct"] as? Double, 5)
        let regression = try XCTUnwrap(object["regression"] as? [String: [String: Double]])
        XCTAssertEqual(regression["latency"], ["warn_pct": 20, "fail_pct": 50])
        XCTAssertEqual(try FormatsJSON.decoder().decode(ComparisonInfo.self, from: data), info)
    }

    func testUnknownClassIsRefusedWithItsName() {
        let json =
            #"{"baseline_run_id":"r","baseline_host":"h","comparable":true,"fdr":"bh","regression":{"latncy":{"warn_pct":20}}}"#
        XCTAssertThrowsError(try FormatsJSON.decoder().decode(ComparisonInfo.self, from: Data(json.utf8))) { error in
            XCTAssertTrue("\(error)".contains("unknown metric class \"latncy\""), "\(error)")
        }
    }
}
