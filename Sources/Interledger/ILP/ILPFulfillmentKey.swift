import Crypto

/// A link's shared secret keyed for HMAC-SHA256 once. Keying HMAC hashes two padded key blocks and
/// allocates; a relay derives a fulfillment for every Prepare it sends or receives on the link, so
/// it keeps one of these per link and each packet pays only for hashing its own data.
public struct ILPFulfillmentKey {
    /// HMAC state after absorbing the key; copying it is cheap (the digest state is copy-on-write).
    private let keyed: HMAC<SHA256>

    public init(sharedSecret: [UInt8]) {
        keyed = HMAC<SHA256>(key: SymmetricKey(data: sharedSecret))
    }

    /// HMAC-SHA256(secret, data): the same 32 bytes as `ILPCondition.fulfillment(sharedSecret:data:)`.
    /// Hashes through raw buffers: `[UInt8]` would take swift-crypto's generic `DataProtocol`
    /// path and the result would be copied byte by byte, both visible in a relay's profile.
    public func fulfillment(data: [UInt8]) -> [UInt8] {
        var mac = keyed
        data.withUnsafeBytes { mac.update(data: $0) }
        return mac.finalize().withUnsafeBytes { Array($0) }
    }
}
