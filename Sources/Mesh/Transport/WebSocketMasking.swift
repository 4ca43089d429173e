import NIOWebSocket

/// RFC 6455 §5.3 masking done while copying, eight bytes at a time: NIO masks a buffer in place,
/// byte by byte, after a copy of its own.
enum WebSocketMasking {
    /// `target[i] = source[i] ^ key[i % 4]`; `target` holds at least `source.count` bytes.
    static func copy(
        _ source: UnsafeRawBufferPointer, into target: UnsafeMutableRawBufferPointer, key: WebSocketMaskingKey
    ) {
        var pattern: UInt64 = 0
        withUnsafeMutableBytes(of: &pattern) { for index in 0..<8 { $0[index] = key[index & 3] } }
        copy(source, into: target, pattern: pattern)
    }

    /// The key's four bytes, read from the wire as a little-endian `UInt32`, repeated twice in
    /// the eight-byte pattern `copy(_:into:pattern:)` XORs with: what a decoder takes straight
    /// from a frame header, without a `WebSocketMaskingKey`.
    static func pattern(wireKey: UInt32) -> UInt64 {
        UInt64(littleEndian: UInt64(wireKey) | UInt64(wireKey) << 32)
    }

    /// `copy(_:into:key:)` with the key as its eight-byte pattern (the key twice, in memory order).
    static func copy(_ source: UnsafeRawBufferPointer, into target: UnsafeMutableRawBufferPointer, pattern: UInt64) {
        precondition(target.count >= source.count, "the masked copy's target is too small")
        var index = 0
        while index + 8 <= source.count {
            let word = source.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ pattern
            target.storeBytes(of: word, toByteOffset: index, as: UInt64.self)
            index += 8
        }
        // The pattern repeats the key twice and `index` is a multiple of 8 here.
        withUnsafeBytes(of: pattern) { pattern in
            while index < source.count {
                target[index] = source[index] ^ pattern[index & 7]
                index += 1
            }
        }
    }
}
