import Foundation

// BTP/1.0 carried conditional transfers in frames 3–5; BTP 2.0 (RFC 23) retired them in favour of
// ILP packets inside MESSAGE. MeshBench never sends them but decodes them, so a peer speaking the
// old dialect yields a typed value rather than an "unknown type" error. Layout as btp-packet 1.x
// encodes them: transferId is a 16-byte UUID, expiresAt a GeneralizedTime string.

/// BTP/1.0 PREPARE (type 3) body.
public struct BTPPrepareInfo: Hashable, Sendable {
    public var transferId: [UInt8]
    public var amount: UInt64
    public var executionCondition: [UInt8]
    public var expiresAt: Date
    public var protocolData: [BTPProtocolData]

    public init(
        transferId: [UInt8], amount: UInt64, executionCondition: [UInt8], expiresAt: Date,
        protocolData: [BTPProtocolData]
    ) {
        self.transferId = transferId
        self.amount = amount
        self.executionCondition = executionCondition
        self.expiresAt = expiresAt
        self.protocolData = protocolData
    }

    func write(to writer: inout OERWriter) {
        writer.writeOctets(transferId)
        writer.writeUInt64(amount)
        writer.writeOctets(executionCondition)
        writer.writeVarOctetString(InterledgerTimestamp.encode(expiresAt, format: .generalizedTime))
        BTPProtocolData.write(protocolData, to: &writer)
    }

    static func read(_ reader: inout OERReader) throws(BTPError) -> BTPPrepareInfo {
        let (transferId, amount, condition) = try btpRead { () throws(OERDecodingError) in
            (
                try reader.readOctets(16, "BTP Prepare.transferId"), try reader.readUInt64("BTP Prepare.amount"),
                try reader.readOctets(32, "BTP Prepare.executionCondition")
            )
        }
        let expiresAt = try readGeneralizedTime(&reader, field: "BTP Prepare.expiresAt")
        let protocolData = try btpRead { () throws(OERDecodingError) in try BTPProtocolData.read(&reader) }
        return BTPPrepareInfo(
            transferId: transferId, amount: amount, executionCondition: condition,
            expiresAt: InterledgerTimestamp.date(milliseconds: expiresAt), protocolData: protocolData)
    }
}

/// BTP/1.0 FULFILL (type 4) body.
public struct BTPFulfillInfo: Hashable, Sendable {
    public var transferId: [UInt8]
    public var fulfillment: [UInt8]
    public var protocolData: [BTPProtocolData]

    public init(transferId: [UInt8], fulfillment: [UInt8], protocolData: [BTPProtocolData]) {
        self.transferId = transferId
        self.fulfillment = fulfillment
        self.protocolData = protocolData
    }

    func write(to writer: inout OERWriter) {
        writer.writeOctets(transferId)
        writer.writeOctets(fulfillment)
        BTPProtocolData.write(protocolData, to: &writer)
    }

    static func read(_ reader: inout OERReader) throws(OERDecodingError) -> BTPFulfillInfo {
        BTPFulfillInfo(
            transferId: try reader.readOctets(16, "BTP Fulfill.transferId"),
            fulfillment: try reader.readOctets(32, "BTP Fulfill.fulfillment"),
            protocolData: try BTPProtocolData.read(&reader))
    }
}

/// BTP/1.0 REJECT (type 5) body.
public struct BTPRejectInfo: Hashable, Sendable {
    public var transferId: [UInt8]
    public var protocolData: [BTPProtocolData]

    public init(transferId: [UInt8], protocolData: [BTPProtocolData]) {
        self.transferId = transferId
        self.protocolData = protocolData
    }

    func write(to writer: inout OERWriter) {
        writer.writeOctets(transferId)
        BTPProtocolData.write(protocolData, to: &writer)
    }

    static func read(_ reader: inout OERReader) throws(OERDecodingError) -> BTPRejectInfo {
        BTPRejectInfo(
            transferId: try reader.readOctets(16, "BTP Reject.transferId"),
            protocolData: try BTPProtocolData.read(&reader))
    }
}
