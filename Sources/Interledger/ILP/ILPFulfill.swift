/// ILPv4 Fulfill (type 13): the receiver's proof (preimage of the condition) that executes a Prepare.
public struct ILPFulfill: Hashable, Sendable {
    public static let typeID: UInt8 = 13

    /// 32-byte preimage of the Prepare's `executionCondition`.
    public var fulfillment: [UInt8]
    /// End-to-end data, at most 32,767 bytes.
    public var data: [UInt8]

    public init(fulfillment: [UInt8], data: [UInt8]) {
        self.fulfillment = fulfillment
        self.data = data
    }

    /// Checks what the decoder would check, so a packet that passes always decodes back.
    public func validate() throws(ILPEncodingError) {
        guard fulfillment.count == ILPLimits.hashLength else {
            throw ILPEncodingError(
                field: "ILP Fulfill.fulfillment",
                reason: "has \(fulfillment.count) bytes; it must be exactly 32")
        }
        guard data.count <= ILPLimits.maximumDataLength else {
            throw ILPEncodingError(
                field: "ILP Fulfill.data",
                reason: "has \(data.count) bytes; at most \(ILPLimits.maximumDataLength) are allowed")
        }
    }

    func writeContent(to writer: inout OERWriter) {
        writer.writeOctets(fulfillment)
        writer.writeVarOctetString(data)
    }

    static func decodeContent(_ reader: inout OERReader) throws(ILPDecodingError) -> ILPFulfill {
        try ilpRead { () throws(OERDecodingError) in
            let fulfillment = try reader.readOctets(ILPLimits.hashLength, "ILP Fulfill.fulfillment")
            let data = try reader.readVarOctetString("ILP Fulfill.data", limit: ILPLimits.maximumDataLength)
            return ILPFulfill(fulfillment: fulfillment, data: data)
        }
    }
}
