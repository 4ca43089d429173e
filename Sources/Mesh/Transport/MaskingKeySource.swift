import NIOWebSocket
import Nostr

/// Masking keys for the frames a node sends as a WebSocket client. RFC 6455 §5.3 wants a fresh key
/// per frame that cannot be predicted from earlier ones, so the keys are kernel random bytes,
/// fetched `SecureRandom.bytesPerCall` at a time: one system call per 32 frames, where NIO's
/// `WebSocketMaskingKey.random()` made one getrandom call per frame.
///
/// The bytes go out as a generator, eight at a time, to NIO's `WebSocketMaskingKey.random(using:)`,
/// which keeps 32 of the 64 bits: its public alternative, the key from a collection of four bytes,
/// is generic code NIO does not inline, and cost more than the syscalls it saved.
///
/// Thread safety: not `Sendable`; each node has one, confined to its event loop like its links.
final class MaskingKeySource: RandomNumberGenerator {
    private let refill: (UnsafeMutableRawBufferPointer) -> Void
    private var bytes: [UInt8]
    private var nextIndex: Int

    /// `capacity`: bytes fetched per refill, a multiple of 8; `refill` fills a buffer with random bytes.
    init(
        capacity: Int = SecureRandom.bytesPerCall,
        refill: @escaping (UnsafeMutableRawBufferPointer) -> Void = SecureRandom.fill
    ) {
        precondition(capacity > 0 && capacity % 8 == 0, "a masking-key buffer holds whole 8-byte words")
        self.refill = refill
        bytes = [UInt8](repeating: 0, count: capacity)
        nextIndex = capacity
    }

    func nextKey() -> WebSocketMaskingKey {
        var generator = self
        return .random(using: &generator)
    }

    /// The next eight fetched bytes, read little-endian on every platform.
    func next() -> UInt64 {
        if nextIndex == bytes.count {
            bytes.withUnsafeMutableBytes(refill)
            nextIndex = 0
        }
        defer { nextIndex += 8 }
        return bytes.withUnsafeBytes {
            UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: nextIndex, as: UInt64.self))
        }
    }
}
