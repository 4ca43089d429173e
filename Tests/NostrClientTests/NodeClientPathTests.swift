import Foundation
import Mesh
import NIOPosix
import Nostr
import XCTest
@testable import NostrClient

/// Our nodes as NIP-01 servers: a client on `/nostr` publishes, the event is verified, stored,
/// forwarded over BTP-NIPs and delivered to matching subscriptions at every node; `REQ` returns
/// stored events then `EOSE`; bad events and bad messages get `OK false` and `NOTICE`.
final class NodeClientPathTests: EventLoopTestCase {
    private func url(_ network: MeshNetwork, node: Int) async throws -> RelayURL {
        let port = try await network.listenerPort(of: node)
        return try RelayURL("ws://127.0.0.1:\(try XCTUnwrap(port))/nostr")
    }

    private func withLine(_ body: (MeshNetwork) async throws -> Void) async throws {
        try await MeshNetwork.withRunning(MeshConfig(topology: try .line(nodes: 3), seed: 3), body)
    }

    func testPublishedEventIsStoredForwardedAndDeliveredAtEveryNode() async throws {
        try await withLine { network in
            let publisher = try await RelayConnection.open(try await url(network, node: 0), on: group, timeout: 5)
            let far = try await RelayConnection.open(try await url(network, node: 2), on: group, timeout: 5)
            let key = NostrKeyPair.deterministic(seed: 9, index: 0)
            far.send(.request(subscriptionID: "far", filters: [NostrFilter(authors: [key.publicKeyHex])]))
            _ = try await far.inbox.wait(for: "EOSE", timeout: 5) { $0.endOfStored["far"] }

            let event = key.sign(kind: 1, content: "through the mesh", createdAt: Int64(Date().timeIntervalSince1970))
            publisher.send(.event(event))
            let ok = try await publisher.inbox.wait(for: "OK", timeout: 5) { $0.oks[event.id] }
            XCTAssertEqual(ok.accepted, true)
            XCTAssertEqual(ok.message, "")
            _ = try await far.inbox.wait(for: "delivery", timeout: 5) { $0.deliveries["far"]?[event.id] }

            let arrivals = try await network.awaitPropagation(of: event.id)
            XCTAssertEqual(arrivals[2]?.hops, 2, "paid forward two hops over BTP-NIPs")
            for node in 0..<3 {
                let stored = try await network.query(node: node, filters: [NostrFilter(ids: [event.id])])
                XCTAssertEqual(stored, [event], "node \(node)")
            }

            // The same event again: accepted as a duplicate, not delivered twice.
            publisher.inbox.forgetOKs()
            publisher.send(.event(event))
            let again = try await publisher.inbox.wait(for: "OK", timeout: 5) { $0.oks[event.id] }
            XCTAssertEqual(again.accepted, true)
            XCTAssertTrue(again.message.hasPrefix("duplicate:"), again.message)

            // A late subscriber gets the stored event, then EOSE.
            let late = try await RelayConnection.open(try await url(network, node: 1), on: group, timeout: 5)
            late.send(.request(subscriptionID: "late", filters: [NostrFilter(ids: [event.id])]))
            let heard = try await late.inbox.wait(for: "EOSE", timeout: 5) { state in
                state.endOfStored["late"].map { _ in state }
            }
            XCTAssertEqual(heard.deliveries["late"].map { Array($0.keys) }, [event.id])
            XCTAssertEqual(far.inbox.snapshot.duplicates["far"], nil)
            for connection in [publisher, far, late] { await connection.close() }
        }
    }

    func testBadEventIsRefusedWithReasonAndBadMessageGetsNotice() async throws {
        try await withLine { network in
            let client = try await RelayConnection.open(try await url(network, node: 1), on: group, timeout: 5)
            var forged = NostrKeyPair.deterministic(seed: 9, index: 1).sign(
                kind: 1, content: "original", createdAt: 1_700_000_000)
            forged.content = "tampered"
            let forgedID = forged.id
            client.send(.event(forged))
            do {
                _ = try await client.inbox.wait(for: "OK", timeout: 5) { state -> OKReceipt? in
                    guard let ok = state.oks[forgedID] else { return nil }
                    guard ok.accepted else {
                        throw RelayFailure.refused(url: "node 1", eventID: forgedID, reason: ok.message)
                    }
                    return ok
                }
                XCTFail("a forged event was accepted")
            } catch let RelayFailure.refused(_, _, reason) {
                XCTAssertTrue(reason.hasPrefix("invalid:"), reason)
            }
            let stored = try await network.storedEventCount(node: 1)
            XCTAssertEqual(stored, 0)

            client.send(.close(subscriptionID: "never-opened"))
            client.send(.ok(eventID: forged.id, accepted: true, message: ""))  // a relay→client message
            do {
                _ = try await client.inbox.wait(for: "NOTICE", timeout: 5) { _ -> Int? in nil }
                XCTFail("no NOTICE for a message a client may not send")
            } catch let RelayFailure.notice(_, text) {
                XCTAssertTrue(text.hasPrefix("unsupported:"), text)
            }
            await client.close()
        }
    }

    func testNodeServesItsRelayInformationDocument() async throws {
        try await withLine { network in
            let (information, missing) = await RelayInformation.fetch(
                try await url(network, node: 0), on: group, timeout: 5)
            XCTAssertNil(missing)
            XCTAssertEqual(information?.software, "MeshBench BTP-NIPs relay node")
            XCTAssertEqual(information?.version, "1")
            XCTAssertEqual(information?.supportedNIPs, [1, 11])
            // The peer path still upgrades after a plain HTTP request was answered on the listener.
            let event = try await network.publish(from: 0)
            _ = try await network.awaitPropagation(of: event.id)
        }
    }
}
