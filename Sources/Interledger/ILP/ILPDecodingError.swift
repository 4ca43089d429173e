/// Why bytes are not a valid ILPv4 packet. Names the field and byte offset where decoding stopped.
public struct ILPDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Problem: Equatable, Sendable {
        /// An OER structural problem (truncation, bad length prefix, trailing bytes, bad UTF-8…).
        case structure(OERDecodingError.Problem)
        /// The type byte is not 12 (Prepare), 13 (Fulfill) or 14 (Reject).
        case unknownPacketType(UInt8)
        /// A specific packet type was asked for and another arrived.
        case unexpectedPacketType(expected: UInt8, found: UInt8)
        /// An ILP address field does not follow RFC 15.
        case invalidAddress(ILPAddress.Problem)
        /// `expiresAt` is not a real `YYYYMMDDHHmmssfff` UTC time.
        case invalidTimestamp(String)
    }

    public let field: String
    public let offset: Int
    public let problem: Problem

    public init(field: String, offset: Int, problem: Problem) {
        self.field = field
        self.offset = offset
        self.problem = problem
    }

    init(_ error: OERDecodingError) {
        self.init(field: error.field, offset: error.offset, problem: .structure(error.problem))
    }

    public var description: String {
        switch problem {
        case let .structure(problem):
            return "ILP packet: " + OERDecodingError(field: field, offset: offset, problem: problem).description
        case let .unknownPacketType(type):
            return
                "ILP packet: \(field) at byte \(offset): unknown packet type \(type); expected 12 (Prepare), 13 (Fulfill) or 14 (Reject)"
        case let .unexpectedPacketType(expected, found):
            return "ILP packet: \(field) at byte \(offset): expected packet type \(expected), found \(found)"
        case let .invalidAddress(problem):
            return "ILP packet: \(field) at byte \(offset): invalid ILP address: \(problem)"
        case let .invalidTimestamp(text):
            return "ILP packet: \(field) at byte \(offset): '\(text)' is not a UTC time of the form YYYYMMDDHHmmssfff"
        }
    }
}

/// Why a packet value cannot be encoded as a valid ILPv4 packet (checked by `validate()`).
public struct ILPEncodingError: Error, Equatable, Sendable, CustomStringConvertible {
    public let field: String
    public let reason: String

    public var description: String { "ILP packet: \(field): \(reason)" }
}

/// Runs OER reads and re-throws their failures as `ILPDecodingError`.
@inline(__always)
func ilpRead<T>(_ body: () throws(OERDecodingError) -> T) throws(ILPDecodingError) -> T {
    do { return try body() } catch { throw ILPDecodingError(error) }
}
