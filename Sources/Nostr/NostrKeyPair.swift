import Hashing

/// Why a secret key was refused.
public enum NostrKeyError: Error, Equatable, Sendable, CustomStringConvertible {
    case wrongLength(Int)
    case outOfRange

    public var description: String {
        switch self {
        case let .wrongLength(count):
            return "secret key has \(count) bytes; a secp256k1 secret key is exactly 32 bytes"
        case .outOfRange:
            return "secret key is zero or not below the secp256k1 group order; pick another 32 random bytes"
        }
    }
}

/// A Nostr identity: a secp256k1 secret key and its BIP-340 x-only public key.
public struct NostrKeyPair: Sendable {
    public let secretKey: [UInt8]
    /// 32-byte x-only public key.
    public let publicKey: [UInt8]
    /// Lowercase hex of `publicKey`, the event `pubkey`.
    public let publicKeyHex: String
    private let keypair: BIP340.Keypair

    public init(secretKey: [UInt8]) throws(NostrKeyError) {
        guard secretKey.count == 32 else { throw .wrongLength(secretKey.count) }
        guard let keypair = BIP340.keypair(secretKey: secretKey) else { throw .outOfRange }
        self.secretKey = secretKey
        self.keypair = keypair
        self.publicKey = BIP340.xOnlyPublicKey(of: keypair)
        self.publicKeyHex = Hex.encode(publicKey)
    }

    /// A reproducible key for run `seed`, participant `index`: the secret key is
    /// SHA-256(seed as 8 bytes big-endian ‖ index as 8 bytes big-endian ‖ attempt as 4 bytes big-endian)
    /// for the first attempt = 0, 1, … that lies in 1..<n (all but ~2⁻¹²⁸ of digests do on attempt 0).
    public static func deterministic(seed: UInt64, index: Int) -> NostrKeyPair {
        var attempt: UInt32 = 0
        while true {
            var material: [UInt8] = []
            withUnsafeBytes(of: seed.bigEndian) { material.append(contentsOf: $0) }
            withUnsafeBytes(of: Int64(index).bigEndian) { material.append(contentsOf: $0) }
            withUnsafeBytes(of: attempt.bigEndian) { material.append(contentsOf: $0) }
            // A hash outside the curve's order (p ≈ 2⁻¹²⁸) is skipped: the next attempt is used.
            if let pair = try? NostrKeyPair(secretKey: SHA256.hash(material).bytes) { return pair }
            attempt += 1
        }
    }

    /// Builds and signs an event. The BIP-340 auxiliary randomness is fresh operating-system
    /// randomness for every signature, as BIP-340 recommends (it hardens the nonce against side
    /// channels and faults); the id is still deterministic, only `sig` bytes vary between runs.
    public func sign(kind: Int, content: String, tags: [[String]] = [], createdAt: Int64) -> NostrEvent {
        sign(kind: kind, content: content, tags: tags, createdAt: createdAt, auxRandom: SecureRandom.bytes(count: 32))
    }

    /// `sign` with explicit aux_rand, so tests can reproduce signatures computed elsewhere.
    func sign(kind: Int, content: String, tags: [[String]], createdAt: Int64, auxRandom: [UInt8]) -> NostrEvent {
        var event = NostrEvent(
            id: "", pubkey: publicKeyHex, createdAt: createdAt, kind: kind, tags: tags, content: content, sig: "")
        let digest = event.computeIDBytes()
        event.id = Hex.encode(digest)
        event.sig = Hex.encode(signature(message: digest, auxRandom: auxRandom))
        return event
    }

    /// BIP-340 signature of a 32-byte message with explicit aux_rand (used by the BIP-340 vectors).
    func signature(message: [UInt8], auxRandom: [UInt8]) -> [UInt8] {
        BIP340.sign(message: message, keypair: keypair, auxRandom: auxRandom)
    }
}
