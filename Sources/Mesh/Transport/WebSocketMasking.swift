import NIOWebSocket

/// RFC 6455 §5.3 masking done while copying, eight bytes at a time: NIO masks a buffer in place,
/// byte by byte, after a copy of its own.
enum WebSocketMasking {
    /// `target[i] = source[i] ^ key[i % 4]`; `target` holds at least `source.count` bytes.
    static func copy(
        _ source: UnsafeRawBufferPointer, into target: UnsafeMutableRawBufferPointer, key: WebSocketMaskingKey
    ) {
        precondition(target.count >= source.count, "the masked copy's target is too small")
        var pattern: UInt64 = 0
        withUnsafeMutableBytes(of: &pattern) { for index in 0..<8 { $0[index] = key[index & 3] } }
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
