import BenchFormats
import XCTest
@testable import Analysis

/// External relays' timings are compared only with a baseline of the same software and version.
final class RelaySoftwareComparabilityTests: XCTestCase {
    private func header(_ relays: [(software: String?, version: String?)]) -> RunHeader {
        var config: [String: JSONValue] = [:]
        if !relays.isEmpty {
            config["targets"] = .array(
                relays.enumerated().map { index, relay in
                    var nip11: [String: JSONValue] = [:]
                    if let software = relay.software { nip11["software"] = .string(software) }
                    if let version = relay.version { nip11["version"] = .string(version) }
                    return .object([
                        "label": .string("relay-\(index)"), "url": .string("ws://127.0.0.1:\(7000 + index)"),
                        "nip11": .object(nip11),
                    ])
                })
        }
        return RunHeader(
            runID: "r", startedAt: Date(timeIntervalSince1970: 0), tier: 1, seed: 1,
            git: GitInfo(commit: "c", branch: "b", dirty: false),
            host: HostInfo(fingerprint: "fp", cpuModel: "cpu", cpus: 2, memoryMB: 1, os: "os", swift: "6"),
            mode: .real, config: config)
    }

    func testSameSoftwareAndVersionCompare() {
        XCTAssertNil(
            RelaySoftwareComparability.mismatch(
                run: header([("nostr-relay", "1.14")]), baseline: header([("nostr-relay", "1.14")])))
        XCTAssertNil(
            RelaySoftwareComparability.mismatch(run: header([]), baseline: header([])),
            "our own mesh against our own mesh")
    }

    func testEveryOtherPairIsRefusedWithTheReason() {
        let cases: [(RunHeader, RunHeader, String)] = [
            (
                header([("nostr-relay", "1.15")]), header([("nostr-relay", "1.14")]),
                "the baseline measured nostr-relay version 1.14, this run nostr-relay version 1.15"
            ),
            (
                header([("strfry", "1.0")]), header([("nostr-relay", "1.14")]),
                "the baseline measured nostr-relay version 1.14, this run strfry version 1.0"
            ),
            (
                header([("nostr-relay", "1.14")]), header([]),
                "this run measured external relays (nostr-relay version 1.14), the baseline our own mesh"
            ),
            (
                header([]), header([("nostr-relay", "1.14")]),
                "this run measured our own mesh, the baseline external relays (nostr-relay version 1.14)"
            ),
            (
                header([("nostr-relay", nil)]), header([("nostr-relay", nil)]),
                "ws://127.0.0.1:7000 served no software and version in NIP-11, so it cannot be told whether the same relay was measured"
            ),
        ]
        for (run, baseline, expected) in cases {
            XCTAssertEqual(RelaySoftwareComparability.mismatch(run: run, baseline: baseline), expected)
        }
    }
}
