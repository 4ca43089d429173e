import Foundation
import XCTest
@testable import NostrClient

final class RelayTargetsTests: XCTestCase {
    func testCommandLineTargetsAreLabelledInOrder() throws {
        let targets = try RelayTargets(urls: ["ws://127.0.0.1:7001", "ws://127.0.0.1:7002"])
        XCTAssertEqual(targets.relays.map(\.label), ["relay-0", "relay-1"])
        XCTAssertNil(targets.links)
        XCTAssertEqual(targets.hops(from: 0), [nil, nil])
    }

    func testFileWithLinksGivesHopCountsByBreadthFirstSearch() throws {
        let json = """
            {"relays": [{"label": "a", "url": "ws://127.0.0.1:7001"}, {"label": "b", "url": "ws://127.0.0.1:7002"},
                        {"label": "c", "url": "ws://127.0.0.1:7003"}, {"label": "d", "url": "ws://127.0.0.1:7004"}],
             "links": [["a", "b"], ["c", "b"]]}
            """
        let targets = try RelayTargets.parse(Data(json.utf8), path: "t.json")
        XCTAssertEqual(targets.links, [[0, 1], [1, 2]])
        // d has no link: no path, so no hop count.
        XCTAssertEqual(targets.hops(from: 0), [0, 1, 2, nil])
        XCTAssertEqual(targets.hops(from: 2), [2, 1, 0, nil])
    }

    func testFileErrorsNameTheFieldAndTheFix() {
        let cases: [(String, String)] = [
            ("[]", "t.json: not a JSON object"),
            (#"{"relays": []}"#, "t.json: relays: missing or empty"),
            (#"{"relays": [{"label": "a"}]}"#, "t.json: relays[0].url: missing or not a string"),
            (
                #"{"relays": [{"label": "a", "url": "wss://x:1"}]}"#,
                "t.json: relays[0].url: relay address \"wss://x:1\": TLS"
            ),
            (
                #"{"relays": [{"label": "a", "url": "ws://x:1"}, {"label": "a", "url": "ws://x:2"}]}"#,
                "t.json: relays[1].label: \"a\" is empty or used twice"
            ),
            (
                #"{"relays": [{"label": "a", "url": "ws://x:1"}, {"label": "b", "url": "ws://x:1"}]}"#,
                "t.json relays[1]: ws://x:1 is listed twice"
            ),
            (
                #"{"relays": [{"label": "a", "url": "ws://x:1"}], "links": [["a", "z"]]}"#,
                "t.json: links[0]: no relay is labelled \"z\"; labels: a"
            ),
            (
                #"{"relays": [{"label": "a", "url": "ws://x:1"}], "links": [["a", "a"]]}"#,
                "t.json: links[0]: links \"a\" to itself"
            ),
            (
                #"{"relays": [{"label": "a", "url": "ws://x:1"}], "links": [["a"]]}"#,
                "t.json: links[0]: a link is two relay labels"
            ),
        ]
        for (json, expected) in cases {
            XCTAssertThrowsError(try RelayTargets.parse(Data(json.utf8), path: "t.json"), json) { error in
                XCTAssertTrue("\(error)".hasPrefix(expected), "\(error)")
            }
        }
    }

    func testOversizeFileIsRefusedBeforeParsing() {
        let big = Data(repeating: 0x20, count: RelayTargets.maximumFileBytes + 1)
        XCTAssertThrowsError(try RelayTargets.parse(big, path: "big.json")) { error in
            XCTAssertTrue("\(error)".contains("larger than \(RelayTargets.maximumFileBytes) bytes"), "\(error)")
        }
    }
}
