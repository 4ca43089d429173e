import Foundation
import XCTest
@testable import Nostr

final class FilterTests: XCTestCase {
    private let alice = NostrKeyPair.deterministic(seed: 3, index: 0)
    private let bob = NostrKeyPair.deterministic(seed: 3, index: 1)
    private let referenced = String(repeating: "e1", count: 32)
    private lazy var note = alice.sign(
        kind: 1, content: "note",
        tags: [["e", referenced, "wss://r"], ["t", "swift"], ["t", "nostr"], ["alt", "x"]], createdAt: 1000)

    func testEmptyFilterMatchesEverything() {
        XCTAssertTrue(NostrFilter().matches(note))
    }

    func testIDsAndAuthorsAreExactFullValues() {
        XCTAssertTrue(NostrFilter(ids: [String(repeating: "0", count: 64), note.id]).matches(note))
        XCTAssertFalse(NostrFilter(ids: [String(note.id.prefix(8))]).matches(note), "prefixes are not matches")
        XCTAssertTrue(NostrFilter(authors: [alice.publicKeyHex]).matches(note))
        XCTAssertFalse(NostrFilter(authors: [bob.publicKeyHex]).matches(note))
        XCTAssertFalse(NostrFilter(authors: []).matches(note), "an empty list has no value that matches")
    }

    func testKinds() {
        XCTAssertTrue(NostrFilter(kinds: [0, 1]).matches(note))
        XCTAssertFalse(NostrFilter(kinds: [0, 7]).matches(note))
    }

    func testTagFiltersUseTheFirstValueOfSingleLetterTags() {
        XCTAssertTrue(NostrFilter(tags: ["e": [referenced]]).matches(note))
        XCTAssertTrue(NostrFilter(tags: ["t": ["nostr"]]).matches(note), "any tag with that name counts")
        XCTAssertFalse(NostrFilter(tags: ["e": ["wss://r"]]).matches(note), "only the first value is indexed")
        XCTAssertFalse(NostrFilter(tags: ["p": [referenced]]).matches(note), "the name must match too")
        XCTAssertFalse(NostrFilter(tags: ["T": ["swift"]]).matches(note), "tag names are case-sensitive")
    }

    func testValuesCompareAsBytesNotByUnicodeEquivalence() {
        // "café" precomposed (U+00E9) and decomposed (e + U+0301) are == in Swift but different bytes.
        let precomposed = "caf\u{E9}", decomposed = "cafe\u{301}"
        XCTAssertEqual(precomposed, decomposed)
        var event = note
        event.tags = [["t", decomposed]]
        XCTAssertFalse(NostrFilter(tags: ["t": [precomposed]]).matches(event))
        XCTAssertTrue(NostrFilter(tags: ["t": [decomposed]]).matches(event))
        var matcher = SubscriptionMatcher<String>()
        matcher.add("nfc", filters: [NostrFilter(tags: ["t": [precomposed]])])
        matcher.add("nfd", filters: [NostrFilter(tags: ["t": [decomposed]])])
        XCTAssertEqual(matcher.matches(event), ["nfd"])
    }

    func testSinceAndUntilAreInclusive() {
        XCTAssertTrue(NostrFilter(since: 1000).matches(note))
        XCTAssertFalse(NostrFilter(since: 1001).matches(note))
        XCTAssertTrue(NostrFilter(until: 1000).matches(note))
        XCTAssertFalse(NostrFilter(until: 999).matches(note))
        XCTAssertTrue(NostrFilter(since: 1000, until: 1000).matches(note))
    }

    func testLimitDoesNotAffectMatching() {
        XCTAssertTrue(NostrFilter(limit: 0).matches(note))
    }

    func testConditionsAreANDedWithinAFilter() {
        XCTAssertTrue(
            NostrFilter(authors: [alice.publicKeyHex], kinds: [1], tags: ["t": ["swift"]], since: 1, until: 2000)
                .matches(note))
        XCTAssertFalse(NostrFilter(authors: [alice.publicKeyHex], kinds: [2]).matches(note))
        XCTAssertFalse(NostrFilter(kinds: [1], tags: ["t": ["swift"], "e": ["ff"]]).matches(note))
    }

    func testFiltersAreORedAcrossAList() {
        var matcher = SubscriptionMatcher<String>()
        matcher.add("sub", filters: [NostrFilter(kinds: [7]), NostrFilter(authors: [alice.publicKeyHex])])
        XCTAssertEqual(matcher.matches(note), ["sub"])
        matcher.add("sub", filters: [NostrFilter(kinds: [7]), NostrFilter(authors: [bob.publicKeyHex])])
        XCTAssertEqual(matcher.matches(note), [])
    }

    // MARK: JSON

    func testJSONRoundTripAndMemberNames() throws {
        let filter = NostrFilter(
            ids: [note.id], authors: [alice.publicKeyHex], kinds: [1, 30023],
            tags: ["e": [referenced], "t": ["a\"b"], "Z": ["x"]], since: -1, until: 2000, limit: 10)
        let json = String(decoding: filter.jsonBytes(), as: UTF8.self)
        XCTAssertEqual(
            json,
            ##"{"ids":["\##(note.id)"],"authors":["\##(alice.publicKeyHex)"],"kinds":[1,30023],"#Z":["x"],"#e":["\##(referenced)"],"#t":["a\"b"],"since":-1,"until":2000,"limit":10}"##
        )
        XCTAssertEqual(try NostrFilter(json: filter.jsonBytes()), filter)
        XCTAssertEqual(try JSONDecoder().decode(NostrFilter.self, from: Data(filter.jsonBytes())), filter)
        XCTAssertEqual(try NostrFilter(json: Array(try JSONEncoder().encode(filter))), filter)
        XCTAssertEqual(String(decoding: NostrFilter().jsonBytes(), as: UTF8.self), "{}")
    }

    func testJSONRefusesWhatNIP01Forbids() {
        func error(_ json: String) -> NostrDecodingError? {
            do { _ = try NostrFilter(json: Array(json.utf8)); return nil } catch { return error }
        }
        if case .invalidValue(field: "filter.ids[0]", _) = error(#"{"ids":["abcd"]}"#) {} else { XCTFail("id prefix") }
        if case .invalidValue(field: "filter.authors[0]", _) = error(
            "{\"authors\":[\"\(alice.publicKeyHex.uppercased())\"]}")
        {
        } else {
            XCTFail("uppercase")
        }
        if case .invalidValue(field: "filter.#p[1]", _) = error("{\"#p\":[\"\(alice.publicKeyHex)\",\"xyz\"]}") {
        } else {
            XCTFail("#p value")
        }
        if case .unknownField(field: "search", object: "filter", _) = error(#"{"search":"x"}"#) {
        } else {
            XCTFail("unknown member")
        }
        if case .unknownField(field: "#ab", object: "filter", _) = error(##"{"#ab":["x"]}"##) {
        } else {
            XCTFail("two-letter tag")
        }
        if case .unknownField(field: "#1", object: "filter", _) = error(##"{"#1":["x"]}"##) {
        } else {
            XCTFail("digit tag")
        }
        if case .duplicateField(field: "kinds", object: "filter", _) = error(#"{"kinds":[1],"kinds":[2]}"#) {
        } else {
            XCTFail("duplicate")
        }
        if case .invalidValue(field: "filter.kinds[1]", _) = error(#"{"kinds":[1,70000]}"#) {
        } else {
            XCTFail("kind range")
        }
        if case .wrongType(field: "filter.since", _, _) = error(#"{"since":"1"}"#) {} else { XCTFail("since type") }
        if case .invalidValue(field: "filter.limit", _) = error(#"{"limit":-1}"#) {} else { XCTFail("negative limit") }
        XCTAssertThrowsError(try JSONDecoder().decode(NostrFilter.self, from: Data(#"{"ids":["abcd"]}"#.utf8)))
        XCTAssertThrowsError(try JSONDecoder().decode(NostrFilter.self, from: Data(#"{"search":"x"}"#.utf8)))
    }

    func testNonHexTagFiltersAcceptAnyString() throws {
        let filter = try NostrFilter(json: Array(##"{"#t":["swift",""],"#d":["page/1"]}"##.utf8))
        XCTAssertEqual(filter.tags, ["t": ["swift", ""], "d": ["page/1"]])
    }
}
