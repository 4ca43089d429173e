import Crypto

extension SHA256 {
    /// SHA-256 of raw bytes through the concrete `update(bufferPointer:)`. `SHA256.hash(data:)`
    /// takes swift-crypto's generic `DataProtocol` path even for a raw buffer (generic metadata
    /// look-ups and a walk over its regions for every call), which a relay pays several times per
    /// frame: the conditions, the dedup digest of every message.
    public static func digest(_ bytes: UnsafeRawBufferPointer) -> SHA256Digest {
        var hasher = SHA256()
        hasher.update(bufferPointer: bytes)
        return hasher.finalize()
    }

    /// This hash function after absorbing `bytes` (a starting state to copy).
    static func absorbing(_ bytes: [UInt8]) -> SHA256 {
        var hasher = SHA256()
        bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        return hasher
    }
}
