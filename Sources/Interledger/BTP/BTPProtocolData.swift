/// MIME type flag of a protocol-data entry (RFC 23 `ContentType`, 0…255). Values other than the
/// three named ones are kept as received.
public struct BTPContentType: RawRepresentable, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let applicationOctetStream = BTPContentType(rawValue: 0)
    public static let textPlainUTF8 = BTPContentType(rawValue: 1)
    public static let applicationJSON = BTPContentType(rawValue: 2)
}

/// One sub-protocol entry of a BTP frame: `{protocolName IA5String, contentType, data OCTET STRING}`.
/// The first entry is the primary sub-protocol; ILP packets travel under the name `ilp`.
public struct BTPProtocolData: Hashable, Sendable {
    public var protocolName: String
    public var contentType: BTPContentType
    public var data: [UInt8]

    public init(protocolName: String, contentType: BTPContentType, data: [UInt8]) {
        self.protocolName = protocolName
        self.contentType = contentType
        self.data = data
    }

    /// An `ilp` entry carrying a serialized ILP packet (octet-stream, as RFC 23 prescribes).
    public static func ilp(_ packet: [UInt8]) -> BTPProtocolData {
        BTPProtocolData(protocolName: "ilp", contentType: .applicationOctetStream, data: packet)
    }

    /// Smallest encoded entry: empty name (1) + content type (1) + empty data (1).
    static let minimumEncodedSize = 3

    static func write(_ entries: [BTPProtocolData], to writer: inout OERWriter) {
        writer.writeSequenceCount(entries.count)
        for entry in entries {
            writer.writeVarString(entry.protocolName)
            writer.writeUInt8(entry.contentType.rawValue)
            writer.writeVarOctetString(entry.data)
        }
    }

    static func read(_ reader: inout OERReader) throws(OERDecodingError) -> [BTPProtocolData] {
        let count = try reader.readSequenceCount("BTP protocolData count", minimumElementSize: minimumEncodedSize)
        var entries = [BTPProtocolData]()
        entries.reserveCapacity(count)
        for _ in 0..<count {
            let name = try reader.readVarIA5String("BTP protocolData.protocolName")
            let contentType = BTPContentType(rawValue: try reader.readUInt8("BTP protocolData.contentType"))
            let data = try reader.readVarOctetString("BTP protocolData.data")
            entries.append(BTPProtocolData(protocolName: name, contentType: contentType, data: data))
        }
        return entries
    }
}

extension Array where Element == BTPProtocolData {
    /// The first entry named `name`, if any.
    public func entry(named name: String) -> BTPProtocolData? {
        first { $0.protocolName == name }
    }
}
