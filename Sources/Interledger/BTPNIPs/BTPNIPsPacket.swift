import JSON

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
    public var nostr: [UInt8] {
        didSet { nostrIsValidated = false }
    }
    public var metadata: BTPNIPsMetadata
    /// True while `nostr` holds the bytes `init(bytes:)` validated, so `serialize()` need not check
    /// them again: a forward changes only the payment and metadata, and re-validating the event
    /// there was a third pass over it per hop. Not part of the packet's value (equality, hash).
    private var nostrIsValidated = false

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
            throw BTPNIPsError(
                field: "metadata.timestamp", offset: nil, problem: .invalidInteger("must be ≥ 0 (ms since 1970)"))
        }
        guard metadata.ttl >= 0 else {
            throw BTPNIPsError(field: "metadata.ttl", offset: nil, problem: .invalidInteger("must be ≥ 0"))
        }
        if !nostrIsValidated { try Self.checkNostr(nostr) }
        var writer = JSONWriter(
            reservingCapacity: Self.headerLength + 128 + nostr.count + payment.purpose.utf8.count
                + metadata.sender.utf8.count)
        writer.append(raw: [Self.version, type.rawValue, 0, 0])
        writer.append(ascii: #"{"payment":{"amount":"#)
        writer.append(string: payment.amount)
        writer.append(ascii: #","currency":"#)
        writer.append(string: payment.currency)
        writer.append(ascii: #","purpose":"#)
        writer.append(string: payment.purpose)
        writer.append(ascii: #"},"nostr":"#)
        writer.append(raw: nostr)
        writer.append(ascii: #","metadata":{"timestamp":"#)
        writer.append(integer: metadata.timestamp)
        writer.append(ascii: #","sender":"#)
        writer.append(string: metadata.sender)
        writer.append(ascii: #","ttl":"#)
        writer.append(integer: metadata.ttl)
        writer.append(ascii: "}}")
        var out = writer.finish()
        guard out.count <= Self.maximumPacketLength else {
            throw BTPNIPsError(
                field: "packet", offset: nil,
                problem: .packetTooLarge(size: out.count, limit: Self.maximumPacketLength))
        }
        let payloadLength = out.count - Self.headerLength
        out[2] = UInt8(payloadLength >> 8)
        out[3] = UInt8(payloadLength & 0xFF)
        return out
    }

    /// The raw Nostr bytes must be exactly one JSON array, or the serialized JSON would be broken.
    private static func checkNostr(_ nostr: [UInt8]) throws(BTPNIPsError) {
        do throws(JSONError) {
            try JSONScanner.scan(nostr) { (scanner) throws(JSONError) in
                guard scanner.input.first == UInt8(ascii: "[") else {
                    throw JSONError(
                        field: "nostr", offset: 0, problem: .wrongType(expected: "a JSON array (a NIP-01 message)"))
                }
                try scanner.skipValue("nostr")
                guard scanner.atEnd else {
                    throw JSONError(
                        field: "nostr", offset: scanner.position, problem: .trailingData(found: scanner.found))
                }
            }
        } catch {
            // Offsets inside the caller's bytes are not packet offsets; report them in the reason.
            throw BTPNIPsError(
                field: "nostr", offset: nil,
                problem: .invalidJSON("not one JSON array: \(error.description) (offset within nostr bytes)"))
        }
    }

    public static func == (lhs: BTPNIPsPacket, rhs: BTPNIPsPacket) -> Bool {
        lhs.type == rhs.type && lhs.payment == rhs.payment && lhs.nostr == rhs.nostr && lhs.metadata == rhs.metadata
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(type)
        hasher.combine(payment)
        hasher.combine(nostr)
        hasher.combine(metadata)
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
            throw BTPNIPsError(
                field: "header.length", offset: 2,
                problem: .lengthMismatch(declared: declared, actual: bytes.count - Self.headerLength))
        }
        guard bytes.count <= Self.maximumPacketLength else {
            throw BTPNIPsError(
                field: "packet", offset: 0,
                problem: .packetTooLarge(size: bytes.count, limit: Self.maximumPacketLength))
        }
        let payload = try JSONScanner.scan(bytes, from: Self.headerLength) { (json) throws(BTPNIPsError) in
            try BTPNIPsPayload.parse(&json)
        }
        self.init(type: type, payment: payload.payment, nostr: Array(bytes[payload.nostr]), metadata: payload.metadata)
        nostrIsValidated = true
    }
}

/// True for `0` or a run of digits without a leading zero, at most 20 digits.
func isCanonicalDecimal<Bytes: Collection>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8 {
    guard let first = bytes.first, bytes.count <= 20 else { return false }
    guard bytes.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return false }
    return first != UInt8(ascii: "0") || bytes.count == 1
}
