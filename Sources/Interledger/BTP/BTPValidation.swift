/// Why a BTP frame value cannot be encoded so that it decodes back (checked by `validate()`).
public struct BTPEncodingError: Error, Equatable, Sendable, CustomStringConvertible {
    public let field: String
    public let reason: String

    public var description: String { "BTP frame: \(field): \(reason)" }
}

extension BTPPacket {
    /// Checks the constraints `serialize()` relies on: IA5 (ASCII) names, a 3-character error
    /// code, error data ≤ 8,192 bytes, 16-byte transfer ids and 32-byte conditions/fulfillments.
    public func validate() throws(BTPEncodingError) {
        for (index, entry) in protocolData.enumerated() where !entry.protocolName.utf8.allSatisfy({ $0 < 0x80 }) {
            throw BTPEncodingError(
                field: "protocolData[\(index)].protocolName",
                reason: "'\(entry.protocolName)' must be ASCII (IA5String)")
        }
        switch body {
        case let .error(info):
            guard info.code.utf8.count == 3, info.code.utf8.allSatisfy({ $0 < 0x80 }) else {
                throw BTPEncodingError(
                    field: "BTP Error.code", reason: "'\(info.code)' must be 3 ASCII characters, e.g. F00")
            }
            guard info.name.utf8.allSatisfy({ $0 < 0x80 }) else {
                throw BTPEncodingError(field: "BTP Error.name", reason: "'\(info.name)' must be ASCII (IA5String)")
            }
            guard info.data.count <= BTPErrorInfo.maximumDataLength else {
                throw BTPEncodingError(
                    field: "BTP Error.data",
                    reason: "has \(info.data.count) bytes; at most \(BTPErrorInfo.maximumDataLength) are allowed")
            }
        case let .prepare(info):
            try Self.expect(info.transferId, count: 16, field: "BTP Prepare.transferId")
            try Self.expect(info.executionCondition, count: 32, field: "BTP Prepare.executionCondition")
        case let .fulfill(info):
            try Self.expect(info.transferId, count: 16, field: "BTP Fulfill.transferId")
            try Self.expect(info.fulfillment, count: 32, field: "BTP Fulfill.fulfillment")
        case let .reject(info):
            try Self.expect(info.transferId, count: 16, field: "BTP Reject.transferId")
        case .response, .message, .transfer:
            break
        }
    }

    private static func expect(_ bytes: [UInt8], count: Int, field: String) throws(BTPEncodingError) {
        guard bytes.count == count else {
            throw BTPEncodingError(field: field, reason: "has \(bytes.count) bytes; it must have exactly \(count)")
        }
    }
}
