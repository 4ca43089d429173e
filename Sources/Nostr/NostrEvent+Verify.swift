/// Why an event failed verification.
public enum NostrVerificationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A field that must be lowercase hex of a fixed length is not.
    case malformedHex(field: String, expectedCharacters: Int, value: String)
    /// `id` is not the SHA-256 of the event's canonical serialization (some field was changed).
    case idMismatch(claimed: String, computed: String)
    /// `pubkey` is not the x coordinate of a secp256k1 point.
    case invalidPublicKey(String)
    /// The signature does not verify for this id and public key.
    case badSignature(id: String)

    public var description: String {
        switch self {
        case let .malformedHex(field, expected, value):
            return
                "event \(field) must be \(expected) lowercase hex characters, got \(value.utf8.count): \"\(value.prefix(140))\""
        case let .idMismatch(claimed, computed):
            return
                "event id \(claimed) does not match the SHA-256 of its content (\(computed)); a field was changed after signing — re-sign the event"
        case let .invalidPublicKey(pubkey):
            return "event pubkey \(pubkey) is not a secp256k1 x-only public key"
        case let .badSignature(id):
            return "event \(id): signature does not verify for its pubkey; re-sign with the author's key"
        }
    }
}

extension NostrEvent {
    /// Checks the hex shape of id/pubkey/sig, that id is the hash of the other fields, and the
    /// BIP-340 signature of id under pubkey — in that order, so the first problem found is reported.
    public func verify() throws(NostrVerificationError) {
        guard let claimedID = Hex.decodeLowercase(id, byteCount: 32) else {
            throw .malformedHex(field: "id", expectedCharacters: 64, value: id)
        }
        guard let publicKeyBytes = Hex.decodeLowercase(pubkey, byteCount: 32) else {
            throw .malformedHex(field: "pubkey", expectedCharacters: 64, value: pubkey)
        }
        guard let signature = Hex.decodeLowercase(sig, byteCount: 64) else {
            throw .malformedHex(field: "sig", expectedCharacters: 128, value: sig)
        }
        let computed = computeIDBytes()
        guard computed == claimedID else { throw .idMismatch(claimed: id, computed: Hex.encode(computed)) }
        guard let publicKey = BIP340.parsePublicKey(publicKeyBytes) else { throw .invalidPublicKey(pubkey) }
        guard BIP340.verify(signature: signature, message: computed, publicKey: publicKey) else {
            throw .badSignature(id: id)
        }
    }
}
