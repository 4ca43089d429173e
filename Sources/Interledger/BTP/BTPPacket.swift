/// BTP frame type IDs (RFC 23 §BTP Type IDs; 3–5 from BTP/1.0).
public enum BTPPacketType: UInt8, Sendable, CaseIterable {
    case response = 1, error = 2, prepare = 3, fulfill = 4, reject = 5, message = 6, transfer = 7
}

/// What a BTP frame carries, by type.
public enum BTPPacketBody: Hashable, Sendable {
    case response([BTPProtocolData])
    case error(BTPErrorInfo)
    case prepare(BTPPrepareInfo)
    case fulfill(BTPFulfillInfo)
    case reject(BTPRejectInfo)
    case message([BTPProtocolData])
    /// Settlement notice: `amount` in a unit agreed out of band.
    case transfer(amount: UInt64, protocolData: [BTPProtocolData])
}

/// A BTP 2.0 frame: `type u8, requestId u32, content var-octet-string` (RFC 23), the unit sent in
/// one binary WebSocket message. MeshBench uses MESSAGE (requests), RESPONSE and ERROR.
public struct BTPPacket: Hashable, Sendable {
    /// Correlates a response with its request; never two in flight with the same id.
    public var requestId: UInt32
    public var body: BTPPacketBody

    public init(requestId: UInt32, body: BTPPacketBody) {
        self.requestId = requestId
        self.body = body
    }

    public static func message(requestId: UInt32, protocolData: [BTPProtocolData]) -> BTPPacket {
        BTPPacket(requestId: requestId, body: .message(protocolData))
    }

    public static func response(requestId: UInt32, protocolData: [BTPProtocolData]) -> BTPPacket {
        BTPPacket(requestId: requestId, body: .response(protocolData))
    }

    public static func error(requestId: UInt32, _ info: BTPErrorInfo) -> BTPPacket {
        BTPPacket(requestId: requestId, body: .error(info))
    }

    public var type: BTPPacketType {
        switch body {
        case .response: return .response
        case .error: return .error
        case .prepare: return .prepare
        case .fulfill: return .fulfill
        case .reject: return .reject
        case .message: return .message
        case .transfer: return .transfer
        }
    }

    /// The frame's protocol-data entries, whatever its type.
    public var protocolData: [BTPProtocolData] {
        switch body {
        case let .response(entries), let .message(entries), let .transfer(_, entries): return entries
        case let .error(info): return info.protocolData
        case let .prepare(info): return info.protocolData
        case let .fulfill(info): return info.protocolData
        case let .reject(info): return info.protocolData
        }
    }

    /// OER bytes of the frame. Strings must be ASCII where RFC 23 says IA5 and fixed-size fields
    /// must have their size; `validate()` checks both.
    public func serialize() -> [UInt8] {
        let dataSize = protocolData.reduce(0) { $0 + $1.data.count + $1.protocolName.utf8.count + 8 }
        var writer = OERWriter(reservingCapacity: 16 + dataSize + 96)
        writer.writeUInt8(type.rawValue)
        writer.writeUInt32(requestId)
        writer.writeEnvelope { content in
            switch body {
            case let .response(entries), let .message(entries):
                BTPProtocolData.write(entries, to: &content)
            case let .error(info):
                info.write(to: &content)
            case let .prepare(info):
                info.write(to: &content)
            case let .fulfill(info):
                info.write(to: &content)
            case let .reject(info):
                info.write(to: &content)
            case let .transfer(amount, entries):
                content.writeUInt64(amount)
                BTPProtocolData.write(entries, to: &content)
            }
        }
        return writer.bytes
    }

    /// Decodes one frame that must span `bytes` exactly.
    public init(bytes: [UInt8]) throws(BTPError) {
        var reader = OERReader(bytes)
        let (typeByte, requestId) = try btpRead { () throws(OERDecodingError) in
            (try reader.readUInt8("BTP type"), try reader.readUInt32("BTP requestId"))
        }
        guard let type = BTPPacketType(rawValue: typeByte) else {
            throw BTPError(field: "BTP type", offset: 0, problem: .unknownPacketType(typeByte))
        }
        var content = try btpRead { () throws(OERDecodingError) in try reader.readEnvelope("BTP content") }
        let body: BTPPacketBody
        switch type {
        case .response:
            body = .response(try btpRead { () throws(OERDecodingError) in try BTPProtocolData.read(&content) })
        case .message:
            body = .message(try btpRead { () throws(OERDecodingError) in try BTPProtocolData.read(&content) })
        case .error:
            body = .error(try BTPErrorInfo.read(&content))
        case .prepare:
            body = .prepare(try BTPPrepareInfo.read(&content))
        case .fulfill:
            body = .fulfill(try btpRead { () throws(OERDecodingError) in try BTPFulfillInfo.read(&content) })
        case .reject:
            body = .reject(try btpRead { () throws(OERDecodingError) in try BTPRejectInfo.read(&content) })
        case .transfer:
            body = try btpRead { () throws(OERDecodingError) in
                .transfer(
                    amount: try content.readUInt64("BTP Transfer.amount"),
                    protocolData: try BTPProtocolData.read(&content))
            }
        }
        try btpRead { () throws(OERDecodingError) in
            try content.expectEnd("BTP content")
            try reader.expectEnd("BTP frame")
        }
        self.init(requestId: requestId, body: body)
    }
}
