/// ILPv4 Reject (type 14): why a Prepare was refused, and by whom.
public struct ILPReject: Hashable, Sendable {
    public static let typeID: UInt8 = 14

    public var code: ILPErrorCode
    /// ILP address of the node that created the reject; may be empty when it has none.
    public var triggeredBy: String
    /// Human-readable detail for debugging (UTF-8, at most 8,191 bytes).
    public var message: String
    /// End-to-end data, at most 32,767 bytes.
    public var data: [UInt8]

    public init(code: ILPErrorCode, triggeredBy: String, message: String, data: [UInt8] = []) {
        self.code = code
        self.triggeredBy = triggeredBy
        self.message = message
        self.data = data
    }

    /// Checks what the decoder would check, so a packet that passes always decodes back.
    public func validate() throws(ILPEncodingError) {
        if !triggeredBy.isEmpty, let problem = ILPAddress.problem(in: triggeredBy) {
            throw ILPEncodingError(
                field: "ILP Reject.triggeredBy", reason: "invalid ILP address '\(triggeredBy)': \(problem)")
        }
        guard message.utf8.count <= ILPLimits.maximumRejectMessageLength else {
            throw ILPEncodingError(
                field: "ILP Reject.message",
                reason: "has \(message.utf8.count) bytes; at most \(ILPLimits.maximumRejectMessageLength) are allowed")
        }
        guard data.count <= ILPLimits.maximumDataLength else {
            throw ILPEncodingError(
                field: "ILP Reject.data",
                reason: "has \(data.count) bytes; at most \(ILPLimits.maximumDataLength) are allowed")
        }
    }

    func writeContent(to writer: inout OERWriter) {
        writer.writeOctets(code.code.utf8)
        writer.writeVarString(triggeredBy)
        writer.writeVarString(message)
        writer.writeVarOctetString(data)
    }

    static func decodeContent(_ reader: inout OERReader) throws(ILPDecodingError) -> ILPReject {
        let codeText = try ilpRead { () throws(OERDecodingError) in try reader.readIA5String(3, "ILP Reject.code") }
        let code = ILPErrorCode(asciiCode: codeText)
        let triggeredBy = try readAddress(&reader, field: "ILP Reject.triggeredBy", allowEmpty: true)
        return try ilpRead { () throws(OERDecodingError) in
            let message = try reader.readVarUTF8String(
                "ILP Reject.message", limit: ILPLimits.maximumRejectMessageLength)
            let data = try reader.readVarOctetString("ILP Reject.data", limit: ILPLimits.maximumDataLength)
            return ILPReject(code: code, triggeredBy: triggeredBy, message: message, data: data)
        }
    }
}
