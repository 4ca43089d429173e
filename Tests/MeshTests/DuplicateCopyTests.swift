import Foundation
import Interledger
import NIOPosix
import Nostr
import XCTest
@testable import Mesh

/// Duplicate EVENT copies are answered from the digest of their raw Nostr message without decoding
/// it, and exactly as the full pipeline would answer them: fulfilled when paid, rejected F04 when
/// underpaid; a copy serialised differently is still caught by its id.
final class DuplicateCopyTests: XCTestCase {
    private let seed: UInt64 = 1

    func testDuplicateCopiesAreFulfilledOnceVerifiedPricedAndCaughtWhateverTheirSerialisation() async throws {
        // Star: hub 0 with leaves 1 and 2; the test client takes node 1's place.
        let config = MeshConfig(topology: try .star(nodes: 3), seed: seed)
        try await withNodeOneImpersonated(config, seed: seed) { network, client, link, _ in
            let secret = link.sharedSecret

            let event = network.keyPair(of: 1).sign(kind: 1, content: "copied", createdAt: 1_700_000_000)
            let first = try eventPrepare(event, requestId: 2, secret: secret)
            try await client.sendBinary(first)
            let answer2 = try await answer(to: 2, from: client, secret: secret)
            XCTAssertTrue(try isFulfilled(answer2, for: first, secret: secret))

            // The same message bytes again: fulfilled, counted as a duplicate, not verified again.
            let again = try eventPrepare(event, requestId: 3, secret: secret)
            try await client.sendBinary(again)
            let answer3 = try await answer(to: 3, from: client, secret: secret)
            XCTAssertTrue(try isFulfilled(answer3, for: again, secret: secret))

            // The same bytes paying 50 msat, below the default price of 100: the price check still
            // comes before the duplicate answer.
            let underpaid = try eventPrepare(event, requestId: 4, secret: secret, amount: 50)
            try await client.sendBinary(underpaid)
            let code = try rejectCode(try await answer(to: 4, from: client, secret: secret))
            XCTAssertEqual(code, "F04")

            // The same event in a message with a space after the comma: other bytes, same id.
            var spaced = Array(#"["EVENT", "#.utf8)
            spaced += event.jsonBytes() + Array("]".utf8)
            XCTAssertNotEqual(spaced, NostrMessage.event(event).jsonBytes())
            let reserialised = try eventPrepare(event, requestId: 5, secret: secret, nostr: spaced)
            try await client.sendBinary(reserialised)
            let answer5 = try await answer(to: 5, from: client, secret: secret)
            XCTAssertTrue(try isFulfilled(answer5, for: reserialised, secret: secret))

            try await network.awaitIdle()
            let hub = try await network.counters(of: 0)
            XCTAssertEqual(hub.eventPreparesIn, 4)
            XCTAssertEqual(hub.verifications, 1)
            XCTAssertEqual(hub.storeWrites, 1)
            XCTAssertEqual(hub.duplicatesDropped, 2)
            XCTAssertEqual(hub.rejectsSent, ["F04": 1])
            XCTAssertEqual(hub.eventPreparesOut, 1, "forwarded once, to node 2")
            let leaf = try await network.counters(of: 2)
            XCTAssertEqual(leaf.storeWrites, 1)
            XCTAssertEqual(leaf.duplicatesDropped, 0)
        }
    }
}
