import NIOConcurrencyHelpers
import XCTest
@testable import Nostr

final class SignVerifyTests: XCTestCase {
    private let pair = NostrKeyPair.deterministic(seed: 1, index: 0)

    private func signedEvent() -> NostrEvent {
        pair.sign(
            kind: 1, content: "hello", tags: [["p", pair.publicKeyHex], ["t", "bench"]], createdAt: 1_700_000_123)
    }

    private func assertVerification(
        _ event: NostrEvent, fails expected: (NostrVerificationError) -> Bool,
        _ message: String, line: UInt = #line
    ) {
        do {
            try event.verify()
            XCTFail("\(message): verification passed", line: line)
        } catch {
            XCTAssertTrue(expected(error), "\(message): got \(error)", line: line)
        }
    }

    private func isIDMismatch(_ error: NostrVerificationError) -> Bool {
        if case .idMismatch = error { return true }
        return false
    }

    func testRoundTripsVerify() throws {
        for index in 0..<20 {
            let signer = NostrKeyPair.deterministic(seed: 99, index: index)
            let event = signer.sign(
                kind: index * 1000, content: String(repeating: "x", count: index * 37),
                tags: [["e", String(repeating: "ab", count: 32)]], createdAt: Int64(index))
            XCTAssertEqual(event.pubkey, signer.publicKeyHex)
            XCTAssertEqual(event.id, event.computeID())
            XCTAssertNoThrow(try event.verify(), "event \(index)")
        }
    }

    func testDeterministicKeysAreReproducibleAndDistinct() {
        XCTAssertEqual(
            NostrKeyPair.deterministic(seed: 5, index: 3).secretKey,
            NostrKeyPair.deterministic(seed: 5, index: 3).secretKey)
        let keys = Set((0..<50).map { NostrKeyPair.deterministic(seed: 5, index: $0).publicKeyHex })
        XCTAssertEqual(keys.count, 50)
        XCTAssertNotEqual(
            NostrKeyPair.deterministic(seed: 5, index: 0).publicKeyHex,
            NostrKeyPair.deterministic(seed: 6, index: 0).publicKeyHex)
    }

    func testTamperingWithASignedFieldChangesTheID() {
        let original = signedEvent()
        var event = original
        event.content = "hellO"
        assertVerification(event, fails: isIDMismatch, "content")
        event = original
        event.tags[1][1] = "bench2"
        assertVerification(event, fails: isIDMismatch, "tag value")
        event = original
        event.tags.append(["t", "extra"])
        assertVerification(event, fails: isIDMismatch, "added tag")
        event = original
        event.kind = 2
        assertVerification(event, fails: isIDMismatch, "kind")
        event = original
        event.createdAt += 1
        assertVerification(event, fails: isIDMismatch, "created_at")
        event = original
        event.pubkey = NostrKeyPair.deterministic(seed: 1, index: 1).publicKeyHex
        assertVerification(event, fails: isIDMismatch, "pubkey")
        event = original
        event.id = String(event.id.reversed())
        assertVerification(event, fails: isIDMismatch, "id")
    }

    func testTamperingThenRecomputingTheIDBreaksTheSignature() {
        var event = signedEvent()
        event.content = "forged"
        event.id = event.computeID()
        assertVerification(event, fails: { $0 == .badSignature(id: event.id) }, "content with recomputed id")

        event = signedEvent()
        event.pubkey = NostrKeyPair.deterministic(seed: 1, index: 1).publicKeyHex
        event.id = event.computeID()
        assertVerification(event, fails: { $0 == .badSignature(id: event.id) }, "other author with recomputed id")
    }

    func testTamperedSignatureFails() {
        var event = signedEvent()
        var signature = Array(event.sig)
        signature[10] = signature[10] == "0" ? "1" : "0"
        event.sig = String(signature)
        assertVerification(event, fails: { $0 == .badSignature(id: event.id) }, "sig")
    }

    func testPubkeyOffTheCurveIsReported() {
        var event = signedEvent()
        // x = 5 has no y on secp256k1 (5³ + 7 = 132 is not a square mod p).
        event.pubkey = String(repeating: "0", count: 63) + "5"
        event.id = event.computeID()
        assertVerification(event, fails: { $0 == .invalidPublicKey(event.pubkey) }, "off-curve pubkey")
    }

    func testMalformedHexIsReportedPerField() {
        let original = signedEvent()
        var event = original
        event.id = original.id.uppercased()
        assertVerification(
            event, fails: { $0 == .malformedHex(field: "id", expectedCharacters: 64, value: event.id) }, "uppercase id")
        event = original
        event.pubkey = String(original.pubkey.dropLast())
        assertVerification(
            event, fails: { $0 == .malformedHex(field: "pubkey", expectedCharacters: 64, value: event.pubkey) },
            "short pubkey")
        event = original
        event.sig = original.sig + "00"
        assertVerification(
            event, fails: { $0 == .malformedHex(field: "sig", expectedCharacters: 128, value: event.sig) }, "long sig")
        event = original
        event.sig = "zz" + original.sig.dropFirst(2)
        assertVerification(
            event, fails: { $0 == .malformedHex(field: "sig", expectedCharacters: 128, value: event.sig) },
            "non-hex sig")
    }

    func testErrorMessagesSayWhatToDo() {
        let message = NostrVerificationError.idMismatch(claimed: "aa", computed: "bb").description
        XCTAssertTrue(message.contains("aa") && message.contains("bb") && message.contains("re-sign"), message)
        XCTAssertTrue(
            NostrVerificationError.malformedHex(field: "sig", expectedCharacters: 128, value: "x").description.contains(
                "sig"))
    }

    func testConcurrentSigningAndVerificationShareTheContext() {
        let failures = ManagedAtomicCounter()
        DispatchQueue.concurrentPerform(iterations: 64) { index in
            let signer = NostrKeyPair.deterministic(seed: 7, index: index)
            let event = signer.sign(kind: 1, content: "concurrent \(index)", createdAt: Int64(index))
            if (try? event.verify()) == nil { failures.increment() }
        }
        XCTAssertEqual(failures.value, 0)
    }
}

/// A lock-protected counter for the concurrency test.
final class ManagedAtomicCounter: Sendable {
    private let count = NIOLockedValueBox(0)
    func increment() { count.withLockedValue { $0 += 1 } }
    var value: Int { count.withLockedValue { $0 } }
}
