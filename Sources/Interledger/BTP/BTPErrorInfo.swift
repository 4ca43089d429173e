import Foundation

/// Body of a BTP ERROR frame (RFC 23 §Error): a BTP-level failure, not an ILP reject.
public struct BTPErrorInfo: Hashable, Sendable {
    /// RFC 23 caps `data` at 8,192 bytes.
    public static let maximumDataLength = 8_192

    /// Three IA5 characters, e.g. `F00`; see `BTPErrorInfo.Code`.
    public var code: String
    /// IA5 name matching the code, e.g. `NotAcceptedError`.
    public var name: String
    /// When the error was emitted (millisecond precision on the wire).
    public var triggeredAt: Date
    public var data: [UInt8]
    public var protocolData: [BTPProtocolData]

    public init(code: String, name: String, triggeredAt: Date, data: [UInt8] = [], protocolData: [BTPProtocolData] = [])
    {
        self.code = code
        self.name = name
        self.triggeredAt = triggeredAt
        self.data = data
        self.protocolData = protocolData
    }

    /// An error with one of RFC 23's codes and its name.
    public init(_ code: Code, triggeredAt: Date, data: [UInt8] = [], protocolData: [BTPProtocolData] = []) {
        self.init(code: code.code, name: code.name, triggeredAt: triggeredAt, data: data, protocolData: protocolData)
    }

    /// RFC 23's error codes and names.
    public struct Code: Hashable, Sendable {
        public let code: String
        public let name: String

        public static let T00_unreachable = Code(code: "T00", name: "UnreachableError")
        public static let F00_notAccepted = Code(code: "F00", name: "NotAcceptedError")
        public static let F01_invalidFields = Code(code: "F01", name: "InvalidFieldsError")
        public static let F03_transferNotFound = Code(code: "F03", name: "TransferNotFoundError")
        public static let F04_invalidFulfillment = Code(code: "F04", name: "InvalidFulfillmentError")
        public static let F05_duplicateId = Code(code: "F05", name: "DuplicateIdError")
        public static let F06_alreadyRolledBack = Code(code: "F06", name: "AlreadyRolledBackError")
        public static let F07_alreadyFulfilled = Code(code: "F07", name: "AlreadyFulfilledError")
        public static let F08_insufficientBalance = Code(code: "F08", name: "InsufficientBalanceError")

        public static let all: [Code] = [
            T00_unreachable, F00_notAccepted, F01_invalidFields, F03_transferNotFound, F04_invalidFulfillment,
            F05_duplicateId, F06_alreadyRolledBack, F07_alreadyFulfilled, F08_insufficientBalance,
        ]
    }

    func write(to writer: inout OERWriter) {
        writer.writeOctets(code.utf8.prefix(3))
        writer.writeVarString(name)
        writer.writeVarOctetString(InterledgerTimestamp.encode(triggeredAt, format: .generalizedTime))
        writer.writeVarOctetString(data)
        BTPProtocolData.write(protocolData, to: &writer)
    }

    static func read(_ reader: inout OERReader) throws(BTPError) -> BTPErrorInfo {
        let (code, name) = try btpRead { () throws(OERDecodingError) in
            (try reader.readIA5String(3, "BTP Error.code"), try reader.readVarIA5String("BTP Error.name"))
        }
        let triggeredAt = try readGeneralizedTime(&reader, field: "BTP Error.triggeredAt")
        return try btpRead { () throws(OERDecodingError) in
            let data = try reader.readVarOctetString("BTP Error.data", limit: maximumDataLength)
            let protocolData = try BTPProtocolData.read(&reader)
            return BTPErrorInfo(
                code: code, name: name, triggeredAt: InterledgerTimestamp.date(milliseconds: triggeredAt),
                data: data, protocolData: protocolData)
        }
    }
}
