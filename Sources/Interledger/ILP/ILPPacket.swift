/// Any ILPv4 packet in its type-length envelope: `type u8` then the content as a
/// variable-length octet string (RFC 27 §Packet Format).
public enum ILPPacket: Hashable, Sendable {
    case prepare(ILPPrepare)
    case fulfill(ILPFulfill)
    case reject(ILPReject)

    /// The envelope type byte: 12, 13 or 14.
    public var typeID: UInt8 {
        switch self {
        case .prepare: return ILPPrepare.typeID
        case .fulfill: return ILPFulfill.typeID
        case .reject: return ILPReject.typeID
        }
    }

    /// Canonical OER bytes. Does not validate; call `validate()` for values you did not decode.
    public func serialize() -> [UInt8] {
        var writer = OERWriter(reservingCapacity: estimatedSize)
        write(to: &writer)
        return writer.bytes
    }

    /// Writes the packet's OER bytes, e.g. in place inside the BTP frame that carries it.
    func write(to writer: inout OERWriter) {
        writer.writeUInt8(typeID)
        writer.writeEnvelope { content in
            switch self {
            case let .prepare(prepare): prepare.writeContent(to: &content)
            case let .fulfill(fulfill): fulfill.writeContent(to: &content)
            case let .reject(reject): reject.writeContent(to: &content)
            }
        }
    }

    /// Enough capacity for the whole packet so serialization does not reallocate.
    var estimatedSize: Int {
        switch self {
        case let .prepare(p): return 80 + p.destination.utf8.count + p.data.count
        case let .fulfill(f): return 48 + f.data.count
        case let .reject(r): return 24 + r.triggeredBy.utf8.count + r.message.utf8.count + r.data.count
        }
    }

    /// Checks the packet against what decoding enforces (sizes, address syntax, 32-byte hashes).
    public func validate() throws(ILPEncodingError) {
        switch self {
        case let .prepare(p): try p.validate()
        case let .fulfill(f): try f.validate()
        case let .reject(r): try r.validate()
        }
    }

    /// Decodes one packet that must span `bytes` exactly (no trailing bytes).
    public init(bytes: [UInt8]) throws(ILPDecodingError) {
        var reader = OERReader(bytes)
        try self.init(spanning: &reader)
    }

    /// Decodes one packet that must span `reader` to its end, e.g. the `ilp` entry of a BTP frame
    /// read in place. Error offsets count from the start of the reader's bytes.
    init(spanning reader: inout OERReader) throws(ILPDecodingError) {
        let start = reader.offset
        let type = try ilpRead { () throws(OERDecodingError) in try reader.readUInt8("ILP packet type") }
        switch type {
        case ILPPrepare.typeID, ILPFulfill.typeID, ILPReject.typeID: break
        default: throw ILPDecodingError(field: "ILP packet type", offset: start, problem: .unknownPacketType(type))
        }
        var content = try ilpRead { () throws(OERDecodingError) in try reader.readEnvelope("ILP packet content") }
        switch type {
        case ILPPrepare.typeID: self = .prepare(try ILPPrepare.decodeContent(&content))
        case ILPFulfill.typeID: self = .fulfill(try ILPFulfill.decodeContent(&content))
        default: self = .reject(try ILPReject.decodeContent(&content))
        }
        try ilpRead { () throws(OERDecodingError) in
            try content.expectEnd("ILP packet content")
            try reader.expectEnd("ILP packet")
        }
    }
}

extension ILPPacket {
    /// Decodes bytes that must hold one type of packet (`pick` returns it); another type is an
    /// error naming both type ids.
    static func decode<T>(
        _ bytes: [UInt8], expecting typeID: UInt8, _ pick: (ILPPacket) -> T?
    ) throws(ILPDecodingError) -> T {
        let packet = try ILPPacket(bytes: bytes)
        guard let picked = pick(packet) else {
            throw ILPDecodingError(
                field: "ILP packet type", offset: 0,
                problem: .unexpectedPacketType(expected: typeID, found: packet.typeID))
        }
        return picked
    }
}

extension ILPPrepare {
    /// Decodes bytes that must hold a Prepare.
    public init(bytes: [UInt8]) throws(ILPDecodingError) {
        self = try ILPPacket.decode(bytes, expecting: Self.typeID) {
            if case let .prepare(prepare) = $0 { prepare } else { nil }
        }
    }

    public func serialize() -> [UInt8] { ILPPacket.prepare(self).serialize() }
}

extension ILPFulfill {
    /// Decodes bytes that must hold a Fulfill.
    public init(bytes: [UInt8]) throws(ILPDecodingError) {
        self = try ILPPacket.decode(bytes, expecting: Self.typeID) {
            if case let .fulfill(fulfill) = $0 { fulfill } else { nil }
        }
    }

    public func serialize() -> [UInt8] { ILPPacket.fulfill(self).serialize() }
}

extension ILPReject {
    /// Decodes bytes that must hold a Reject.
    public init(bytes: [UInt8]) throws(ILPDecodingError) {
        self = try ILPPacket.decode(bytes, expecting: Self.typeID) {
            if case let .reject(reject) = $0 { reject } else { nil }
        }
    }

    public func serialize() -> [UInt8] { ILPPacket.reject(self).serialize() }
}
