import Foundation
import Interledger
import NIOPosix
import Nostr
import XCTest
@testable import Mesh

/// Events and filters whose strings are SQL (quotes, comments, statements, an embedded NUL) are
/// stored byte for byte and queried exactly as the NIP-01 matcher says: values are bound, never
/// spliced into SQL, and never cut short.
final class HostileSQLStringTests: XCTestCase {
    private let seed: UInt64 = 1
    private let hostile = [
        "'); DROP TABLE events; --",
        "' OR '1'='1",
        "\" OR \"\"=\"",
        "x' UNION SELECT json FROM events --",
        "a\u{0}b",
        "a",
        "%_\\'; DELETE FROM tags; --",
        "ʼ OR 1=1 /*",
    ]

    func testHostileContentTagsAndFiltersAreStoredAndQueriedExactly() async throws {
        try await withNetwork(MeshConfig(topology: try .line(nodes: 2), seed: seed)) { network in
            var published: [NostrEvent] = []
            for (index, text) in hostile.enumerated() {
                let event = try await network.publish(
                    from: 1, content: text,
                    tags: [["t", text], ["e", hostile[(index + 1) % hostile.count]], ["subject", text]])
                published.append(event)
            }
            for event in published { _ = try await network.awaitPropagation(of: event.id, to: [0]) }
            try await network.awaitIdle()

            let everything = try await network.query(node: 0, filters: [NostrFilter()])
            XCTAssertEqual(Set(everything), Set(published), "every event comes back byte for byte")
            XCTAssertEqual(everything.count, hostile.count)

            var filters = hostile.flatMap { text in
                [
                    NostrFilter(tags: ["t": [text]]), NostrFilter(tags: ["e": [text]]), NostrFilter(ids: [text]),
                    NostrFilter(authors: [text]),
                ]
            }
            filters.append(NostrFilter(tags: ["t": hostile]))
            for filter in filters {
                let found = try await network.query(node: 0, filters: [filter])
                XCTAssertEqual(Set(found), Set(published.filter { filter.matches($0) }), "\(filter)")
                XCTAssertEqual(found.count, Set(found).count)
            }
            let afterQueries = try await network.storedEventCount(node: 0)
            XCTAssertEqual(afterQueries, hostile.count, "no query changed the tables")
        }
    }

    func testEventIdThatIsSQLIsRejectedAndLeavesTheStoreIntact() async throws {
        try await withNodeOneImpersonated(MeshConfig(topology: try .star(nodes: 3), seed: seed), seed: seed) {
            network, client, link, _ in
            let honest = try await network.publish(from: 2)
            _ = try await network.awaitPropagation(of: honest.id, to: [0])

            var forged = network.keyPair(of: 1).sign(kind: 1, content: "id is SQL", createdAt: 1_700_000_000)
            forged.id = "'); DROP TABLE events; --"
            try await client.sendBinary(try eventPrepare(forged, requestId: 2, secret: link.sharedSecret))
            let code = try rejectCode(try await answer(to: 2, from: client, secret: link.sharedSecret))
            XCTAssertEqual(code, "F99", "the id is not the hash of the event")

            let stored = try await network.query(node: 0, filters: [NostrFilter()])
            XCTAssertEqual(stored, [honest])
        }
    }
}
