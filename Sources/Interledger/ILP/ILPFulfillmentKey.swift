import Crypto

/// A link's shared secret keyed for HMAC-SHA256 once (RFC 2104): the SHA-256 states after the
/// key's inner and outer pad blocks are kept, so each packet hashes only its own data and the inner
/// digest. A relay derives a fulfillment for every Prepare it sends or receives on the link, and
/// swift-crypto's `HMAC<SHA256>` spent four times the hashing itself on generic dispatch for each
/// (metadata look-ups, a `DataProtocol` walk: 5 % of a 10-node mesh's CPU).
public struct ILPFulfillmentKey {
    /// SHA-256 after (key ⊕ ipad) and after (key ⊕ opad); copying one is cheap (copy-on-write).
    private let inner: SHA256
    private let outer: SHA256

    public init(sharedSecret: [UInt8]) {
        let blockBytes = 64
        var key =
            sharedSecret.count > blockBytes
            ? sharedSecret.withUnsafeBytes { SHA256.digest($0) }.withUnsafeBytes { Array($0) } : sharedSecret
        key.append(contentsOf: repeatElement(0, count: blockBytes - key.count))
        inner = SHA256.absorbing(key.map { $0 ^ 0x36 })
        outer = SHA256.absorbing(key.map { $0 ^ 0x5C })
    }

    /// HMAC-SHA256(secret, data): the same 32 bytes as `ILPCondition.fulfillment(sharedSecret:data:)`.
    public func fulfillment(data: [UInt8]) -> [UInt8] {
        var innerHash = inner
        data.withUnsafeBytes { innerHash.update(bufferPointer: $0) }
        var outerHash = outer
        innerHash.finalize().withUnsafeBytes { outerHash.update(bufferPointer: $0) }
        return outerHash.finalize().withUnsafeBytes { Array($0) }
    }
}
