@testable import Nostr
import SeededRandom
import XCTest

final class NostrMessageTests: XCTestCase {
    private let event = KnownEventVectorTests.event

    private func decodeError(_ json: String, line: UInt = #line) -> NostrDecodingError? {
        do {
            let message = try NostrMessage(json: Array(json.utf8))
            XCTFail("decoded \(message) from \(json)", line: line)
            return nil
        } catch {
            return error
        }
    }

    func testRoundTripOfEveryCase() throws {
        let messages: [NostrMessage] = [
            .event(event),
            .subscriptionEvent(subscriptionID: "sub-1", event: event),
            .request(
                subscriptionID: "feed",
                filters: [NostrFilter(kinds: [1], limit: 20), NostrFilter(tags: ["p": [event.pubkey]], since: 5)]),
            .close(subscriptionID: "feed"),
            .closed(subscriptionID: "feed", message: "error: shutting down idle subscription"),
            .notice("hello \"client\"\n"),
            .endOfStoredEvents(subscriptionID: "feed"),
            .ok(eventID: event.id, accepted: true, message: ""),
            .ok(eventID: event.id, accepted: false, message: "invalid: bad signature"),
            .authChallenge("challenge-123"),
            .authResponse(event),
        ]
        for message in messages {
            XCTAssertEqual(try NostrMessage(json: message.jsonBytes()), message, message.name)
        }
    }

    func testWireShapes() {
        XCTAssertEqual(
            String(
                decoding: NostrMessage.ok(eventID: event.id, accepted: true, message: "").jsonBytes(), as: UTF8.self),
            #"["OK","\#(event.id)",true,""]"#)
        XCTAssertEqual(
            String(
                decoding: NostrMessage.request(subscriptionID: "s", filters: [NostrFilter(kinds: [1])]).jsonBytes(),
                as: UTF8.self),
            #"["REQ","s",{"kinds":[1]}]"#)
        XCTAssertEqual(
            String(decoding: NostrMessage.endOfStoredEvents(subscriptionID: "s").jsonBytes(), as: UTF8.self),
            #"["EOSE","s"]"#)
        XCTAssertEqual(
            String(decoding: NostrMessage.event(event).jsonBytes(), as: UTF8.self),
            "[\"EVENT\"," + String(decoding: event.jsonBytes(), as: UTF8.self) + "]")
    }

    func testDecodesMessagesFromOtherImplementations() throws {
        let json = " [ \"REQ\" , \"abc\" , { \"#e\" : [\"\(event.id)\"] , \"kinds\":[1,6] } , {} ] "
        XCTAssertEqual(
            try NostrMessage(json: Array(json.utf8)),
            .request(
                subscriptionID: "abc", filters: [NostrFilter(kinds: [1, 6], tags: ["e": [event.id]]), NostrFilter()]))
    }

    func testWrongArity() {
        XCTAssertEqual(decodeError(#"["CLOSE"]"#), .wrongArity(message: "CLOSE", expected: "2", found: 1))
        XCTAssertEqual(decodeError(#"["CLOSE","a","b"]"#), .wrongArity(message: "CLOSE", expected: "2", found: 3))
        XCTAssertEqual(
            decodeError(#"["REQ","a"]"#),
            .wrongArity(message: "REQ", expected: "at least 3 (a REQ needs a filter)", found: 2))
        XCTAssertEqual(decodeError(#"["OK","\#(event.id)",true]"#), .wrongArity(message: "OK", expected: "4", found: 3))
        XCTAssertEqual(decodeError(#"["NOTICE"]"#), .wrongArity(message: "NOTICE", expected: "2", found: 1))
        XCTAssertEqual(
            decodeError(#"["EVENT"]"#), .wrongArity(message: "EVENT", expected: "2 (client) or 3 (relay)", found: 1))
        XCTAssertEqual(decodeError(#"["EVENT","sub"]"#), .wrongArity(message: "EVENT", expected: "3", found: 2))
        let withExtra = "[\"EVENT\"," + String(decoding: event.jsonBytes(), as: UTF8.self) + ",{\"x\":[1]}]"
        XCTAssertEqual(decodeError(withExtra), .wrongArity(message: "EVENT", expected: "2", found: 3))
    }

    func testWrongTypesAndValues() {
        if case .wrongType(field: "message", _, _) = decodeError(#"{"EVENT":1}"#) {
        } else {
            XCTFail("object instead of array")
        }
        if case .wrongType(field: "message[0]", _, _) = decodeError("[1]") {} else { XCTFail("number name") }
        XCTAssertEqual(decodeError("[]"), .unknownMessageType("(empty array)"))
        XCTAssertEqual(decodeError(#"["PING"]"#), .unknownMessageType("\"PING\""))
        if case .wrongType(field: "OK[2]", _, _) = decodeError(#"["OK","\#(event.id)","true",""]"#) {
        } else {
            XCTFail("OK bool")
        }
        if case .invalidValue(field: "OK[1]", _) = decodeError(#"["OK","abc",true,""]"#) {} else { XCTFail("OK id") }
        if case .wrongType(field: "REQ[2]", _, _) = decodeError(#"["REQ","s",[1]]"#) {} else { XCTFail("filter array") }
        if case .invalidValue(field: "REQ[3].ids[0]", _) = decodeError(#"["REQ","s",{},{"ids":["ab"]}]"#) {
        } else {
            XCTFail("bad filter")
        }
        if case .invalidValue(field: "CLOSE[1]", _) = decodeError(#"["CLOSE",""]"#) {} else { XCTFail("empty sub id") }
        let longID = String(repeating: "x", count: 65)
        if case .invalidValue(field: "EOSE[1]", _) = decodeError("[\"EOSE\",\"\(longID)\"]") {
        } else {
            XCTFail("long sub id")
        }
        if case .missingField(field: "sig", object: "EVENT[1]") = decodeError(
            #"["EVENT",{"id":"","pubkey":"","created_at":1,"kind":1,"tags":[],"content":""}]"#)
        {
        } else {
            XCTFail("event without sig")
        }
        if case .wrongType(field: "EVENT[2]", _, _) = decodeError(#"["EVENT","s","notanevent"]"#) {
        } else {
            XCTFail("relay event")
        }
        if case .wrongType(field: "AUTH[1] (challenge string or event object)", _, _) = decodeError(#"["AUTH",5]"#) {
        } else {
            XCTFail("auth")
        }
        if case .trailingData = decodeError(#"["EOSE","s"]]"#) {} else { XCTFail("trailing") }
    }

    func testGarbageAndTruncationNeverCrash() {
        let valid = NostrMessage.subscriptionEvent(subscriptionID: "s", event: event).jsonBytes()
        for length in 0..<valid.count {
            XCTAssertThrowsError(try NostrMessage(json: Array(valid.prefix(length))), "prefix \(length)")
        }
        var generator = SplitMix64(seed: 77)
        for _ in 0..<2000 {
            let garbage = (0..<Int.random(in: 0...64, using: &generator)).map { _ in
                Array("[]{},:\"\\ 0123456789.-eEtrufalsn REQEVENTOK#".utf8).randomElement(using: &generator)!
            }
            _ = try? NostrMessage(json: garbage)
        }
    }
}
