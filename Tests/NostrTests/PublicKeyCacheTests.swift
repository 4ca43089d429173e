import XCTest
@testable import Nostr

/// A node verifies through a cache of parsed public keys: the verdicts must be exactly those of
/// `verify()`, whatever the cache holds or has forgotten.
final class PublicKeyCacheTests: XCTestCase {
    func testCachedVerificationGivesTheVerdictsOfPlainVerification() {
        // Capacity 2 with 3 authors: the cache starts over again and again.
        var keys = PublicKeyCache(capacity: 2)
        for round in 0..<4 {
            for author in 0..<3 {
                let signer = NostrKeyPair.deterministic(seed: 21, index: author)
                let event = signer.sign(kind: 1, content: "round \(round)", createdAt: Int64(round))
                XCTAssertNoThrow(try event.verify(publicKeys: &keys), "author \(author), round \(round)")

                var forged = event
                forged.sig = String(repeating: "0", count: 128)
                XCTAssertThrowsError(try forged.verify(publicKeys: &keys)) { error in
                    XCTAssertEqual(error as? NostrVerificationError, .badSignature(id: event.id))
                }
                // Another author's (cached) key under this event's signature does not verify.
                var swapped = event
                swapped.pubkey = NostrKeyPair.deterministic(seed: 21, index: (author + 1) % 3).publicKeyHex
                swapped.id = swapped.computeID()
                XCTAssertThrowsError(try swapped.verify(publicKeys: &keys)) { error in
                    XCTAssertEqual(error as? NostrVerificationError, .badSignature(id: swapped.id))
                }
            }
        }
    }

    func testAKeyOffTheCurveIsRefusedEveryTimeAndNeverCached() {
        var keys = PublicKeyCache()
        var event = NostrKeyPair.deterministic(seed: 21, index: 0).sign(kind: 1, content: "x", createdAt: 1)
        // x = 5 has no y on secp256k1 (5³ + 7 = 132 is not a square mod p).
        event.pubkey = String(repeating: "0", count: 63) + "5"
        event.id = event.computeID()
        for _ in 0..<2 {
            XCTAssertThrowsError(try event.verify(publicKeys: &keys)) { error in
                XCTAssertEqual(error as? NostrVerificationError, .invalidPublicKey(event.pubkey))
            }
        }
    }
}
