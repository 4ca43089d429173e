import CSecp256k1

/// Parsed x-only public keys by their hex form, so a relay verifying many events of the same
/// authors parses (a field square root) each key once. Bounded: when full it starts over, which
/// costs one parse per author again and keeps memory flat whatever the number of authors.
///
/// A value type owned by one node (one thread), like the rest of its state.
public struct PublicKeyCache {
    private var keys: [String: secp256k1_xonly_pubkey] = [:]
    public let capacity: Int

    public init(capacity: Int = 4_096) { self.capacity = max(1, capacity) }

    /// The parsed key for `hex`, parsed now if not cached; `nil` when it is not a curve point.
    mutating func key(for hex: String, bytes: [UInt8]) -> secp256k1_xonly_pubkey? {
        if let key = keys[hex] { return key }
        guard let key = BIP340.parsePublicKey(bytes) else { return nil }
        if keys.count >= capacity { keys.removeAll(keepingCapacity: true) }
        keys[hex] = key
        return key
    }
}
