import Crypto
import DequeModule

/// The events a node has already accepted, bounded: beyond `capacity` the oldest is forgotten
/// (FIFO), so memory stays flat under any load. An event forgotten and seen again would be treated
/// as new; the capacity is sized well above the events in flight.
///
/// Each event is known two ways: by its id, and by the SHA-256 of the raw `["EVENT", event]`
/// message that carried it. Relays forward that message byte for byte, so in a mesh every
/// duplicate copy carries the same bytes and is recognised from their digest alone, before any
/// Nostr JSON is decoded. A byte-identical message decodes to the same event, so answering it from
/// the digest is exactly what the full pipeline would do; a copy serialised differently misses
/// the digest and is caught by its id after decoding.
struct DedupCache {
    private var ids: Set<String>
    /// Kind of the event each accepted message carried: a duplicate must still pay its price.
    private var kindByMessage: [SHA256Digest: Int]
    private var order: Deque<(id: String, message: SHA256Digest)>
    let capacity: Int

    init(capacity: Int) {
        self.capacity = max(1, capacity)
        ids = Set(minimumCapacity: min(self.capacity, 1 << 16))
        // Grown on demand: reserving 2^16 digests up front cost 170 KB of resident memory per
        // node (mesh-bench's 100-node memory section), more than the rehashes it would save.
        kindByMessage = [:]
        order = Deque(minimumCapacity: min(self.capacity, 1 << 16))
    }

    static func digest(ofMessage bytes: [UInt8]) -> SHA256Digest {
        bytes.withUnsafeBytes { SHA256.hash(data: $0) }
    }

    func contains(_ id: String) -> Bool { ids.contains(id) }

    /// The kind of the accepted event whose message had exactly this digest, if any.
    func kind(ofMessage digest: SHA256Digest) -> Int? { kindByMessage[digest] }

    /// Adds an accepted event (and the digest of the message that carried it); `false` if its id
    /// was already there.
    @discardableResult
    mutating func insert(_ id: String, kind: Int, message: SHA256Digest) -> Bool {
        guard ids.insert(id).inserted else { return false }
        kindByMessage[message] = kind
        order.append((id, message))
        if order.count > capacity, let oldest = order.popFirst() {
            ids.remove(oldest.id)
            kindByMessage[oldest.message] = nil
        }
        return true
    }
}
