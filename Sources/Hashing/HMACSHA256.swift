/// HMAC-SHA256 (RFC 2104) with its key absorbed once: the SHA-256 states after the key's inner and
/// outer pad blocks are kept, so each message costs its own blocks and one block for the inner
/// digest. A relay keys one per link and derives a fulfillment for every Prepare it sends or
/// receives on it.
public struct HMACSHA256: Sendable {
    private static let blockBytes = 64
    /// SHA-256 after (key ⊕ ipad) and after (key ⊕ opad).
    private let inner: SHA256
    private let outer: SHA256

    public init(key: [UInt8]) {
        var block = key.count > Self.blockBytes ? SHA256.hash(key).bytes : key
        block.append(contentsOf: repeatElement(0, count: Self.blockBytes - block.count))
        var inner = SHA256()
        inner.update(block.map { $0 ^ 0x36 })
        var outer = SHA256()
        outer.update(block.map { $0 ^ 0x5C })
        self.inner = inner
        self.outer = outer
    }

    public func authenticationCode(for message: UnsafeRawBufferPointer) -> SHA256Digest {
        var innerHash = inner
        innerHash.update(message)
        var outerHash = outer
        innerHash.finalize().withUnsafeBytes { outerHash.update($0) }
        return outerHash.finalize()
    }

    public func authenticationCode(for message: [UInt8]) -> SHA256Digest {
        message.withUnsafeBytes { authenticationCode(for: $0) }
    }
}
