/// An ILP Reject code (RFC 27 §Error Codes): three IA5 characters, the first giving the class
/// (F final, T temporary, R relative). Codes not in RFC 27 are kept as received, with the name
/// "Unknown Error", so a newer peer's reject still decodes.
public struct ILPErrorCode: Hashable, Sendable, CustomStringConvertible {
    /// Whether the sender may retry and how.
    public enum Category: Sendable { case final, temporary, relative, unknown }

    /// The three characters on the wire, e.g. `"F99"`.
    public let code: String
    /// RFC 27's name for the code.
    public let name: String

    private init(_ code: String, _ name: String) {
        self.code = code
        self.name = name
    }

    /// The known code for `code`, or a code named "Unknown Error"; nil unless exactly three ASCII bytes.
    public init?(code: String) {
        guard code.utf8.count == 3, code.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        self.init(asciiCode: code)
    }

    /// For three characters already checked to be ASCII (the decoder reads them as IA5).
    init(asciiCode code: String) {
        self = Self.all.first { $0.code == code } ?? ILPErrorCode(code, "Unknown Error")
    }

    public var category: Category {
        switch code.utf8.first {
        case UInt8(ascii: "F"): return .final
        case UInt8(ascii: "T"): return .temporary
        case UInt8(ascii: "R"): return .relative
        default: return .unknown
        }
    }

    public var description: String { "\(code) \(name)" }

    // Two codes are equal when their wire characters are; the name is derived from the code.
    public static func == (lhs: ILPErrorCode, rhs: ILPErrorCode) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    public static let F00_badRequest = ILPErrorCode("F00", "Bad Request")
    public static let F01_invalidPacket = ILPErrorCode("F01", "Invalid Packet")
    public static let F02_unreachable = ILPErrorCode("F02", "Unreachable")
    public static let F03_invalidAmount = ILPErrorCode("F03", "Invalid Amount")
    public static let F04_insufficientDestinationAmount = ILPErrorCode("F04", "Insufficient Destination Amount")
    public static let F05_wrongCondition = ILPErrorCode("F05", "Wrong Condition")
    public static let F06_unexpectedPayment = ILPErrorCode("F06", "Unexpected Payment")
    public static let F07_cannotReceive = ILPErrorCode("F07", "Cannot Receive")
    public static let F08_amountTooLarge = ILPErrorCode("F08", "Amount Too Large")
    public static let F99_applicationError = ILPErrorCode("F99", "Application Error")
    public static let T00_internalError = ILPErrorCode("T00", "Internal Error")
    public static let T01_peerUnreachable = ILPErrorCode("T01", "Peer Unreachable")
    public static let T02_peerBusy = ILPErrorCode("T02", "Peer Busy")
    public static let T03_connectorBusy = ILPErrorCode("T03", "Connector Busy")
    public static let T04_insufficientLiquidity = ILPErrorCode("T04", "Insufficient Liquidity")
    public static let T05_rateLimited = ILPErrorCode("T05", "Rate Limited")
    public static let T99_applicationError = ILPErrorCode("T99", "Application Error")
    public static let R00_transferTimedOut = ILPErrorCode("R00", "Transfer Timed Out")
    public static let R01_insufficientSourceAmount = ILPErrorCode("R01", "Insufficient Source Amount")
    public static let R02_insufficientTimeout = ILPErrorCode("R02", "Insufficient Timeout")
    public static let R99_applicationError = ILPErrorCode("R99", "Application Error")

    /// Every code RFC 27 defines, in the RFC's order.
    public static let all: [ILPErrorCode] = [
        F00_badRequest, F01_invalidPacket, F02_unreachable, F03_invalidAmount,
        F04_insufficientDestinationAmount, F05_wrongCondition, F06_unexpectedPayment, F07_cannotReceive,
        F08_amountTooLarge, F99_applicationError,
        T00_internalError, T01_peerUnreachable, T02_peerBusy, T03_connectorBusy, T04_insufficientLiquidity,
        T05_rateLimited, T99_applicationError,
        R00_transferTimedOut, R01_insufficientSourceAmount, R02_insufficientTimeout, R99_applicationError,
    ]
}
