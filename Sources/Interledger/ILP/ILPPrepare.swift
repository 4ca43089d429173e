import Foundation

/// ILPv4 Prepare (type 12): a conditional transfer offer that travels towards `destination`.
public struct ILPPrepare: Hashable, Sendable {
    public static let typeID: UInt8 = 12

    /// Amount in the smallest unit of the bilateral account (msat in MeshBench).
    public var amount: UInt64
    /// Expiry; carried with millisecond precision (see `InterledgerTimestamp`).
    public var expiresAt: Date
    /// SHA-256 of the fulfillment; 32 bytes.
    public var executionCondition: [UInt8]
    /// ILP address of the receiver.
    public var destination: String
    /// End-to-end data (the BTP-NIPs packet in MeshBench), at most 32,767 bytes.
    public var data: [UInt8]

    public init(amount: UInt64, expiresAt: Date, executionCondition: [UInt8], destination: String, data: [UInt8]) {
        self.amount = amount
        self.expiresAt = expiresAt
        self.executionCondition = executionCondition
        self.destination = destination
        self.data = data
    }

    /// Checks what the decoder would check, so a packet that passes always decodes back.
    public func validate() throws(ILPEncodingError) {
        guard executionCondition.count == ILPLimits.hashLength else {
            throw ILPEncodingError(
                field: "ILP Prepare.executionCondition",
                reason: "has \(executionCondition.count) bytes; it must be a 32-byte SHA-256 digest")
        }
        if let problem = ILPAddress.problem(in: destination) {
            throw ILPEncodingError(
                field: "ILP Prepare.destination", reason: "invalid ILP address '\(destination)': \(problem)")
        }
        guard data.count <= ILPLimits.maximumDataLength else {
            throw ILPEncodingError(
                field: "ILP Prepare.data",
                reason: "has \(data.count) bytes; at most \(ILPLimits.maximumDataLength) are allowed")
        }
    }

    /// The packet content inside the type-length envelope.
    func writeContent(to writer: inout OERWriter) {
        writer.writeUInt64(amount)
        writer.writeTimestamp(expiresAt, format: .ilp)
        writer.writeOctets(executionCondition)
        writer.writeVarString(destination)
        writer.writeVarOctetString(data)
    }

    static func decodeContent(_ reader: inout OERReader) throws(ILPDecodingError) -> ILPPrepare {
        let amount = try ilpRead { () throws(OERDecodingError) in try reader.readUInt64("ILP Prepare.amount") }
        let expiryOffset = reader.offset
        let expiry = try ilpRead { () throws(OERDecodingError) in
            try reader.readSlice(InterledgerTimestamp.Format.ilp.length, "ILP Prepare.expiresAt")
        }
        guard let milliseconds = InterledgerTimestamp.decodeMilliseconds(expiry, format: .ilp) else {
            throw ILPDecodingError(
                field: "ILP Prepare.expiresAt", offset: expiryOffset,
                problem: .invalidTimestamp(String(decoding: expiry, as: UTF8.self)))
        }
        let condition = try ilpRead { () throws(OERDecodingError) in
            try reader.readOctets(ILPLimits.hashLength, "ILP Prepare.executionCondition")
        }
        let destination = try readAddress(&reader, field: "ILP Prepare.destination", allowEmpty: false)
        let data = try ilpRead { () throws(OERDecodingError) in
            try reader.readVarOctetString("ILP Prepare.data", limit: ILPLimits.maximumDataLength)
        }
        return ILPPrepare(
            amount: amount, expiresAt: InterledgerTimestamp.date(milliseconds: milliseconds),
            executionCondition: condition, destination: destination, data: data)
    }
}

/// Reads a length-prefixed ILP address and checks its syntax (RFC 15).
func readAddress(_ reader: inout OERReader, field: String, allowEmpty: Bool) throws(ILPDecodingError) -> String {
    let start = reader.offset
    let length = try ilpRead { () throws(OERDecodingError) in
        try reader.readBoundedLength(field, limit: ILPAddress.maximumLength)
    }
    let bytesStart = reader.offset
    let bytes = try ilpRead { () throws(OERDecodingError) in try reader.readSlice(length, field) }
    if allowEmpty && bytes.isEmpty { return "" }
    if let problem = ILPAddress.problem(in: bytes) {
        throw ILPDecodingError(
            field: field, offset: problem == .empty ? start : bytesStart, problem: .invalidAddress(problem))
    }
    return String(decoding: bytes, as: UTF8.self)
}
