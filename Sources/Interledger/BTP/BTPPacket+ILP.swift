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
}
