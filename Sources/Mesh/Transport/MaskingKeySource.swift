import NIOWebSocket
import Nostr

/// Masking keys for the frames a node sends as a WebSocket client. RFC 6455 §5.3 wants a fresh key
/// per frame that cannot be predicted from earlier ones, so the keys are kernel random bytes; they
/// are fetched `SecureRandom.bytesPerCall` at a time (one system call per 64 frames) and handed out
/// four bytes at a time, where NIO's `WebSocketMaskingKey.random()` made one getrandom call per frame.
///
/// Thread safety: not `Sendable`; each node has one, confined to its event loop like its links.
final class MaskingKeySource {
    private let refill: (UnsafeMutableRawBufferPointer) -> Void
    private var bytes: [UInt8]
    private var nextIndex: Int

    /// `capacity`: bytes fetched per refill, a multiple of 4; `refill` fills a buffer with random bytes.
    init(
        capacity: Int = SecureRandom.bytesPerCall,
        refill: @escaping (UnsafeMutableRawBufferPointer) -> Void = SecureRandom.fill
    ) {
        precondition(capacity > 0 && capacity % 4 == 0, "a masking-key buffer holds whole 4-byte keys")
        self.refill = refill
        bytes = [UInt8](repeating: 0, count: capacity)
        nextIndex = capacity
    }

    func next() -> WebSocketMaskingKey {
        if nextIndex == bytes.count {
            bytes.withUnsafeMutableBytes(refill)
            nextIndex = 0
        }
        defer { nextIndex += 4 }
        guard let key = WebSocketMaskingKey(bytes[nextIndex..<nextIndex + 4]) else {
            preconditionFailure("four bytes always make a masking key")
        }
        return key
    }
}
