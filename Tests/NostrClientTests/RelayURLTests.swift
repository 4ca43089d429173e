import XCTest
@testable import NostrClient

final class RelayURLTests: XCTestCase {
    func testParsesHostPortAndPath() throws {
        let url = try RelayURL("ws://127.0.0.1:7777/nostr")
        XCTAssertEqual(url.host, "127.0.0.1")
        XCTAssertEqual(url.port, 7777)
        XCTAssertEqual(url.path, "/nostr")
        XCTAssertEqual(url.hostHeader, "127.0.0.1:7777")
        XCTAssertEqual(url.description, "ws://127.0.0.1:7777/nostr")
    }

    func testDefaultsToPort80AndRootPath() throws {
        let url = try RelayURL("ws://localhost")
        XCTAssertEqual(url.port, 80)
        XCTAssertEqual(url.path, "/")
    }

    func testIPv6HostInBrackets() throws {
        let url = try RelayURL("ws://[::1]:9000")
        XCTAssertEqual(url.host, "::1")
        XCTAssertEqual(url.port, 9000)
        XCTAssertEqual(url.hostHeader, "[::1]:9000")
    }

    func testRefusalsNameTheAddressAndTheFix() {
        let cases: [(String, String)] = [
            ("wss://relay.example:443", "TLS (wss://) is not supported"),
            ("http://127.0.0.1:80", "starts with ws://"),
            ("ws://127.0.0.1:0", "port must be a number from 1 to 65535"),
            ("ws://127.0.0.1:http", "port must be a number"),
            ("ws://:7777", "no host"),
        ]
        for (text, expected) in cases {
            XCTAssertThrowsError(try RelayURL(text), text) { error in
                let message = "\(error)"
                XCTAssertTrue(message.contains("\"\(text)\""), message)
                XCTAssertTrue(message.contains(expected), message)
            }
        }
    }
}
