/// What a BTP-NIPs packet pays for its hop.
public struct BTPNIPsPayment: Hashable, Sendable {
    /// Millisatoshi as a decimal string (JSON numbers lose precision above 2^53 in many readers).
    public var amount: String
    /// Unit of `amount`; `"msat"` in MeshBench.
    public var currency: String
    /// Free text, e.g. `"relay"`.
    public var purpose: String

    public init(amount: String, currency: String, purpose: String) {
        self.amount = amount
        self.currency = currency
        self.purpose = purpose
    }

    /// A payment of `msat` millisatoshi.
    public init(msat: UInt64, purpose: String) {
        self.init(amount: String(msat), currency: "msat", purpose: purpose)
    }

    /// `amount` as a number, nil unless it is a canonical decimal UInt64.
    public var msat: UInt64? {
        guard isCanonicalDecimal(amount.utf8) else { return nil }
        return UInt64(amount)
    }
}

/// Delivery metadata of a BTP-NIPs packet.
public struct BTPNIPsMetadata: Hashable, Sendable {
    /// When the sender created the packet, milliseconds since 1970.
    public var timestamp: Int64
    /// ILP address or node id of the node that sent this hop.
    public var sender: String
    /// Remaining hops; each relay forwards with ttl − 1 and drops at 0.
    public var ttl: Int

    public init(timestamp: Int64, sender: String, ttl: Int) {
        self.timestamp = timestamp
        self.sender = sender
        self.ttl = ttl
    }
}

/// The BTP-NIPs packet (docs/protocol.md §1): a 4-byte header `[version=1][message type][payload length u16 BE]`
/// followed by the UTF-8 JSON payload
/// `{"payment":{"amount","currency","purpose"},"nostr":<message>,"metadata":{"timestamp","sender","ttl"}}`.
/// It travels as the `data` of an ILP Prepare, so the whole packet is at most 32,767 bytes.
///
/// `nostr` stays raw JSON bytes: this module does not depend on `Nostr`, and a relay forwards the
/// message byte-for-byte without re-encoding it.
public struct BTPNIPsPacket: Hashable, Sendable {
    public static let version: UInt8 = 1
    public static let headerLength = 4
    /// Largest packet: it must fit ILP Prepare `data`.
    public static let maximumPacketLength = ILPLimits.maximumDataLength

    public var type: BTPNIPsMessageType
    public var payment: BTPNIPsPayment
    /// Raw JSON of the Nostr message (a JSON array, e.g. `["EVENT",{...}]`).
    public var nostr: [UInt8]
    public var metadata: BTPNIPsMetadata

    public init(type: BTPNIPsMessageType, payment: BTPNIPsPayment, nostr: [UInt8], metadata: BTPNIPsMetadata) {
        self.type = type
        self.payment = payment
        self.nostr = nostr
        self.metadata = metadata
    }

    /// Header plus JSON. Throws if a field is invalid or the packet exceeds 32,767 bytes.
    public func serialize() throws(BTPNIPsError) -> [UInt8] {
        guard isCanonicalDecimal(payment.amount.utf8), UInt64(payment.amount) != nil else {
            throw BTPNIPsError(field: "payment.amount", offset: nil, problem: .invalidAmount(payment.amount))
        }
        guard metadata.timestamp >= 0 else {
            throw BTPNIPsError(field: "metadata.timestamp", offset: nil, problem: .invalidInteger("must be ≥ 0 (ms since 1970)"))
        }
        guard metadata.ttl >= 0 else {
            throw BTPNIPsError(field: "metadata.ttl", offset: nil, problem: .invalidInteger("must be ≥ 0"))
        }
        try Self.checkNostr(nostr)
        var out = [UInt8]()
        out.reserveCapacity(Self.headerLength + 128 + nostr.count + payment.purpose.utf8.count + metadata.sender.utf8.count)
        out.append(contentsOf: [Self.version, type.rawValue, 0, 0])
        out.appendASCII(#"{"payment":{"amount":"#)
        out.appendJSONString(payment.amount)
        out.appendASCII(#","currency":"#)
        out.appendJSONString(payment.currency)
        out.appendASCII(#","purpose":"#)
        out.appendJSONString(payment.purpose)
        out.appendASCII(#"},"nostr":"#)
        out.append(contentsOf: nostr)
        out.appendASCII(#","metadata":{"timestamp":"#)
        out.appendJSONInteger(metadata.timestamp)
        out.appendASCII(#","sender":"#)
        out.appendJSONString(metadata.sender)
        out.appendASCII(#","ttl":"#)
        out.appendJSONInteger(metadata.ttl)
        out.appendASCII("}}")
        guard out.count <= Self.maximumPacketLength else {
            throw BTPNIPsError(field: "packet", offset: nil,
                               problem: .packetTooLarge(size: out.count, limit: Self.maximumPacketLength))
        }
        let payloadLength = out.count - Self.headerLength
        out[2] = UInt8(payloadLength >> 8)
        out[3] = UInt8(payloadLength & 0xFF)
        return out
    }

    /// The raw Nostr bytes must be exactly one JSON array, or the serialized JSON would be broken.
    private static func checkNostr(_ nostr: [UInt8]) throws(BTPNIPsError) {
        var scanner = JSONScanner(bytes: nostr, start: 0, end: nostr.count)
        do throws(BTPNIPsError) {
            guard scanner.current == UInt8(ascii: "[") else {
                throw BTPNIPsError(field: "nostr", offset: 0, problem: .wrongType(expected: "a JSON array (a NIP-01 message)"))
            }
            let span = try scanner.skipValue("nostr")
            guard span == 0..<nostr.count else {
                throw BTPNIPsError(field: "nostr", offset: span.upperBound,
                                   problem: .invalidJSON("unexpected bytes after the message"))
            }
        } catch {
            // Offsets inside the caller's bytes are not packet offsets; report them in the reason.
            throw BTPNIPsError(field: "nostr", offset: nil,
                               problem: .invalidJSON("not one JSON array: \(error.description) (offset within nostr bytes)"))
        }
    }

    /// Decodes and validates a packet: header (version 1, known type, exact length, size limit) and
    /// the JSON payload. Unknown JSON members are skipped; each known member must appear once.
    public init(bytes: [UInt8]) throws(BTPNIPsError) {
        guard bytes.count >= Self.headerLength else {
            throw BTPNIPsError(field: "header", offset: 0, problem: .headerTooShort(count: bytes.count))
        }
        guard bytes[0] == Self.version else {
            throw BTPNIPsError(field: "header.version", offset: 0, problem: .unsupportedVersion(bytes[0]))
        }
        guard let type = BTPNIPsMessageType(rawValue: bytes[1]) else {
            throw BTPNIPsError(field: "header.type", offset: 1, problem: .unknownMessageType(bytes[1]))
        }
        let declared = Int(bytes[2]) << 8 | Int(bytes[3])
        guard declared == bytes.count - Self.headerLength else {
            throw BTPNIPsError(field: "header.length", offset: 2,
                               problem: .lengthMismatch(declared: declared, actual: bytes.count - Self.headerLength))
        }
        guard bytes.count <= Self.maximumPacketLength else {
            throw BTPNIPsError(field: "packet", offset: 0,
                               problem: .packetTooLarge(size: bytes.count, limit: Self.maximumPacketLength))
        }
        var json = JSONScanner(bytes: bytes, start: Self.headerLength, end: bytes.count)
        let payload = try BTPNIPsPayload.parse(&json)
        self.init(type: type, payment: payload.payment, nostr: Array(bytes[payload.nostr]), metadata: payload.metadata)
    }
}

/// True for `0` or a run of digits without a leading zero, at most 20 digits.
func isCanonicalDecimal<Bytes: Collection>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8 {
    guard let first = bytes.first, bytes.count <= 20 else { return false }
    guard bytes.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return false }
    return first != UInt8(ascii: "0") || bytes.count == 1
}
