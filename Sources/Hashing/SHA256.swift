import COpenSSLCrypto

/// SHA-256 (FIPS 180-4) through libcrypto's block function, which uses the CPU's SHA extensions
/// where it has them. The state is a value of 112 bytes: a copy is a `memcpy`, and no hash
/// allocates. A relay hashes several times per frame (conditions, fulfillments, the dedup digest
/// of every message, every event's id), and swift-crypto's class-backed contexts cost more in
/// allocation and copy-on-write than the hashing itself (docs/bottlenecks.md, session 12).
public struct SHA256: Sendable {
    private var context = SHA256_CTX()

    public init() {
        SHA256_Init(&context)
    }

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress else { return }
        SHA256_Update(&context, base, bytes.count)
    }

    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// The digest of everything absorbed. Taken from a copy, so this state can go on absorbing.
    public func finalize() -> SHA256Digest {
        var context = context
        var digest = SHA256Digest()
        digest.withUnsafeMutableBytes { bytes in
            _ = SHA256_Final(bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), &context)
        }
        return digest
    }

    public static func hash(_ bytes: UnsafeRawBufferPointer) -> SHA256Digest {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    public static func hash(_ bytes: [UInt8]) -> SHA256Digest {
        bytes.withUnsafeBytes { hash($0) }
    }
}
