extension BTPPacket {
    /// The bytes of a MESSAGE whose one protocol-data entry is `ilp`: the same bytes as
    /// `BTPPacket.message(requestId:protocolData: [.ilp(ilp.serialize())]).serialize()`, with the
    /// ILP packet written in place instead of into an array of its own first. A relay sends every
    /// Prepare this way, and every answer as `ilpResponse`.
    public static func ilpMessage(requestId: UInt32, _ ilp: ILPPacket) -> [UInt8] {
        ilpFrame(.message, requestId: requestId, ilp)
    }

    /// A RESPONSE carrying `ilp`, as `ilpMessage` writes a MESSAGE.
    public static func ilpResponse(requestId: UInt32, _ ilp: ILPPacket) -> [UInt8] {
        ilpFrame(.response, requestId: requestId, ilp)
    }

    private static func ilpFrame(_ type: BTPPacketType, requestId: UInt32, _ ilp: ILPPacket) -> [UInt8] {
        let entry = BTPProtocolData.ilp([])
        var writer = OERWriter(reservingCapacity: 32 + ilp.estimatedSize)
        writer.writeUInt8(type.rawValue)
        writer.writeUInt32(requestId)
        writer.writeEnvelope { content in
            content.writeSequenceCount(1)
            content.writeVarString(entry.protocolName)
            content.writeUInt8(entry.contentType.rawValue)
            content.writeEnvelope { ilp.write(to: &$0) }
        }
        return writer.bytes
    }

    /// The frame's ILP packet, read in place, when `frame` is a MESSAGE or RESPONSE whose only
    /// protocol-data entry is `ilp` and holds one ILP packet: what `BTPPacket(bytes:)` followed by
    /// `ILPPacket(bytes:)` of that entry would give, without the entry array and the copy of its
    /// data. Nil for every other frame, and for any that does not decode: the general decoder
    /// then handles it and names the problem.
    public static func ilpEntry(of frame: [UInt8]) -> (type: BTPPacketType, requestId: UInt32, ilp: ILPPacket)? {
        var reader = OERReader(frame)
        do {
            guard let type = BTPPacketType(rawValue: try reader.readUInt8("BTP type")),
                type == .message || type == .response
            else { return nil }
            let requestId = try reader.readUInt32("BTP requestId")
            var content = try reader.readEnvelope("BTP content")
            try reader.expectEnd("BTP frame")
            let count = try content.readSequenceCount(
                "BTP protocolData count", minimumElementSize: BTPProtocolData.minimumEncodedSize)
            guard count == 1, try content.readVarIA5String("BTP protocolData.protocolName") == "ilp" else { return nil }
            _ = try content.readUInt8("BTP protocolData.contentType")
            var data = try content.readEnvelope("BTP protocolData.data")
            try content.expectEnd("BTP content")
            return (type, requestId, try ILPPacket(spanning: &data))
        } catch {
            return nil
        }
    }
}
