import Crypto
import DequeModule

/// The events a node has already accepted, bounded: beyond `capacity` the oldest is forgotten
/// (FIFO), so memory stays flat under any load. An event forgotten and seen again would be treated
/// as new; the capacity is sized well above the events in flight.
///
/// Recent events are also known by the SHA-256 of the raw `["EVENT", event]` message that carried
/// them. Relays forward that message byte for byte, so in a mesh every duplicate copy carries the
/// same bytes and is recognised from their digest alone, before any Nostr JSON is decoded. A
/// byte-identical message decodes to the same event, so answering it from the digest is exactly
/// what the full pipeline would do; a copy serialised differently, or arriving after its digest
/// was forgotten, is caught by its id after decoding.
struct DedupCache {
    private var ids: Set<String>
    private var order: Deque<String>
    let capacity: Int
    /// Kind of the event each recent message carried: a duplicate must still pay its price.
    private var kindByMessage: [SHA256Digest: Int] = [:]
    private var messageOrder: Deque<SHA256Digest> = []
    /// Digests kept: duplicate copies arrive within moments of the first, so a short window
    /// catches them all while the id set, sized for the whole run, keeps no digests.
    let messageCapacity: Int

    init(capacity: Int, messageCapacity: Int = 4_096) {
        self.capacity = max(1, capacity)
        self.messageCapacity = max(1, min(messageCapacity, self.capacity))
        ids = Set(minimumCapacity: min(self.capacity, 1 << 16))
        order = Deque(minimumCapacity: min(self.capacity, 1 << 16))
    }

    static func digest(ofMessage bytes: [UInt8]) -> SHA256Digest {
        bytes.withUnsafeBytes { SHA256.hash(data: $0) }
    }

    func contains(_ id: String) -> Bool { ids.contains(id) }

    /// The kind of the accepted event whose message had exactly this digest, if still known.
    func kind(ofMessage digest: SHA256Digest) -> Int? { kindByMessage[digest] }

    /// Adds an accepted event and the digest of the message that carried it; `false` if its id
    /// was already there.
    @discardableResult
    mutating func insert(_ id: String, kind: Int, message: SHA256Digest) -> Bool {
        guard ids.insert(id).inserted else { return false }
        order.append(id)
        if order.count > capacity, let oldest = order.popFirst() { ids.remove(oldest) }
        if kindByMessage.updateValue(kind, forKey: message) == nil { messageOrder.append(message) }
        if messageOrder.count > messageCapacity, let oldest = messageOrder.popFirst() { kindByMessage[oldest] = nil }
        return true
    }
}
