import Hashing
import Interledger

/// The events a node has already accepted, remembered for a time window and bounded in count.
///
/// An id is remembered for `window` ns of network time after it was accepted: long enough for
/// every copy of the event to arrive (`NodeConfig.dedupWindowNanoseconds`), so duplicate
/// detection is as strong as an unbounded set for the mesh's propagation; afterwards it is
/// forgotten, so the memory held is the events accepted within one window (rate × window), level
/// under a steady load instead of filling up to a count cap over the run. `capacity` bounds the
/// count under any rate: beyond it the oldest id is forgotten before its window ends and counted
/// in `forgottenEarly`, so a weakened detection is visible. Both evictions take the oldest entry
/// of a FIFO: O(1) per accepted event (amortised over the FIFO's and set's growth). No storage is
/// reserved up front, and the FIFO writes its storage whole when it grows (`ResidentFIFO`): a ring
/// with untouched room, reserved or left by a growth, is walked through page by page under a
/// level count and reads as resident-memory growth long after the count stopped growing. Ids are
/// kept as `EventKey`s (32 bytes inline, no heap object each).
///
/// Recent events are also known by the SHA-256 of the raw `["EVENT", event]` message that carried
/// them. Relays forward that message byte for byte, so in a mesh every duplicate copy carries the
/// same bytes and is recognised from their digest alone, before any Nostr JSON is decoded. A
/// byte-identical message decodes to the same event, so answering it from the digest is exactly
/// what the full pipeline would do; a copy serialised differently, or arriving after its digest
/// was forgotten, is caught by its id after decoding. A digest never outlives its id.
struct DedupCache {
    private var ids: Set<EventKey> = []
    /// Accepted ids, oldest first, with the network time (ns) each was accepted.
    private var order = ResidentFIFO<(key: EventKey, acceptedAt: UInt64)>()
    let capacity: Int
    /// Network time (ns) an id is remembered after it was accepted.
    let window: UInt64
    /// Ids forgotten before their window ended because `capacity` was reached.
    private(set) var forgottenEarly = 0
    /// Kind of the event each recent message carried: a duplicate must still pay its price.
    private var kindByMessage: [SHA256Digest: Int] = [:]
    private var messageOrder = ResidentFIFO<(digest: SHA256Digest, acceptedAt: UInt64)>()
    /// Digests kept: duplicate copies arrive within moments of the first, so a short window
    /// catches them all while the id set keeps no digests.
    let messageCapacity: Int

    init(capacity: Int, window: UInt64, messageCapacity: Int = 4_096) {
        self.capacity = max(1, capacity)
        self.window = window
        self.messageCapacity = max(1, min(messageCapacity, self.capacity))
    }

    static func digest(ofMessage bytes: [UInt8]) -> SHA256Digest {
        SHA256.hash(bytes)
    }

    /// Ids remembered now.
    var count: Int { ids.count }

    func contains(_ id: String) -> Bool { ids.contains(EventKey(id: id)) }

    /// The kind of the accepted event whose message had exactly this digest, if still known.
    func kind(ofMessage digest: SHA256Digest) -> Int? { kindByMessage[digest] }

    /// Adds an event accepted at network time `now` and the digest of the message that carried
    /// it, after forgetting what outlived the window; `false` if its id was already there.
    @discardableResult
    mutating func insert(_ id: String, kind: Int, message: SHA256Digest, now: UInt64) -> Bool {
        forgetExpired(now: now)
        let key = EventKey(id: id)
        guard ids.insert(key).inserted else { return false }
        order.append((key, now))
        if order.count > capacity, let oldest = order.popFirst() {
            ids.remove(oldest.key)
            forgottenEarly += 1
        }
        if kindByMessage.updateValue(kind, forKey: message) == nil { messageOrder.append((message, now)) }
        if messageOrder.count > messageCapacity, let oldest = messageOrder.popFirst() {
            kindByMessage[oldest.digest] = nil
        }
        return true
    }

    /// Drops the ids and digests accepted a whole window before `now`, oldest first.
    private mutating func forgetExpired(now: UInt64) {
        while let oldest = order.first, expired(oldest.acceptedAt, now: now) {
            order.popFirst()
            ids.remove(oldest.key)
        }
        while let oldest = messageOrder.first, expired(oldest.acceptedAt, now: now) {
            messageOrder.popFirst()
            kindByMessage[oldest.digest] = nil
        }
    }

    private func expired(_ acceptedAt: UInt64, now: UInt64) -> Bool {
        now >= acceptedAt && now - acceptedAt >= window
    }
}

/// An event id as four 64-bit words instead of its 64-character hex string: 32 bytes stored inline
/// in a set or a queue, where a `String` of that length is a heap object of its own (~100 bytes
/// with its header and malloc's rounding), and hashed without following a pointer. The id of a
/// verified event is always 64 lowercase hex digits; any other string (never verified, so never
/// accepted) is keyed by its SHA-256, which cannot meet a hex id's words except by a collision.
struct EventKey: Hashable {
    private let w0, w1, w2, w3: UInt64

    init(id: String) {
        var id = id
        if let key = id.withUTF8(Self.init(lowercaseHex:)) {
            self = key
        } else {
            self = SHA256.hash(Array(id.utf8)).withUnsafeBytes(Self.init(bytes:))
        }
    }

    private init?(lowercaseHex utf8: UnsafeBufferPointer<UInt8>) {
        guard utf8.count == 64, let w0 = Self.word(utf8, at: 0), let w1 = Self.word(utf8, at: 16),
            let w2 = Self.word(utf8, at: 32), let w3 = Self.word(utf8, at: 48)
        else { return nil }
        (self.w0, self.w1, self.w2, self.w3) = (w0, w1, w2, w3)
    }

    private init(bytes: UnsafeRawBufferPointer) {
        func word(_ index: Int) -> UInt64 {
            UInt64(bigEndian: bytes.loadUnaligned(fromByteOffset: 8 * index, as: UInt64.self))
        }
        (w0, w1, w2, w3) = (word(0), word(1), word(2), word(3))
    }

    /// The 16 hex digits from `start` as one word; nil for anything but 0-9 and a-f.
    private static func word(_ utf8: UnsafeBufferPointer<UInt8>, at start: Int) -> UInt64? {
        var value: UInt64 = 0
        for character in utf8[start..<start + 16] {
            let nibble: UInt8
            switch character {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = character &- UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = character &- UInt8(ascii: "a") &+ 10
            default: return nil
            }
            value = value << 4 | UInt64(nibble)
        }
        return value
    }
}
