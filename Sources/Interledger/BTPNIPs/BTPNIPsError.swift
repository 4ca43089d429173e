import JSON

/// Why bytes are not a valid BTP-NIPs packet, or why a packet value cannot be serialized.
/// `offset` is the byte offset in the whole packet (header included), nil for serialization.
public struct BTPNIPsError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Problem: Equatable, Sendable {
        case headerTooShort(count: Int)
        case unsupportedVersion(UInt8)
        case unknownMessageType(UInt8)
        /// The header's payload length disagrees with the bytes that follow it.
        case lengthMismatch(declared: Int, actual: Int)
        /// The packet would not fit the `data` field of an ILP Prepare.
        case packetTooLarge(size: Int, limit: Int)
        /// Malformed JSON: what was expected at the offset.
        case invalidJSON(String)
        case invalidUTF8
        case nestingTooDeep(limit: Int)
        case missingField
        case duplicateField
        /// The value has the wrong JSON type, e.g. a number where a string belongs.
        case wrongType(expected: String)
        /// `payment.amount` must be a decimal UInt64 in a string, e.g. "1000".
        case invalidAmount(String)
        case invalidInteger(String)
    }

    /// JSON path or header field, e.g. `payment.amount`, `header.version`.
    public let field: String
    public let offset: Int?
    public let problem: Problem

    public init(field: String, offset: Int?, problem: Problem) {
        self.field = field
        self.offset = offset
        self.problem = problem
    }

    public var description: String {
        let place = offset.map { "\(field) at byte \($0)" } ?? field
        let what: String
        switch problem {
        case let .headerTooShort(count): what = "packet has \(count) byte(s); the header alone needs 4"
        case let .unsupportedVersion(version): what = "version \(version) is not supported; only version 1 is"
        case let .unknownMessageType(type): what = "message type \(type) is unknown; expected 1 (EVENT) to 7 (AUTH)"
        case let .lengthMismatch(declared, actual):
            what =
                "header declares a \(declared)-byte payload but \(actual) byte(s) follow; the packet was truncated or padded"
        case let .packetTooLarge(size, limit):
            what = "packet is \(size) bytes; an ILP Prepare carries at most \(limit) (send a smaller Nostr message)"
        case let .invalidJSON(expected): what = "invalid JSON: \(expected)"
        case .invalidUTF8: what = "invalid UTF-8 in a JSON string"
        case let .nestingTooDeep(limit): what = "JSON nests deeper than \(limit) levels"
        case .missingField: what = "required field is missing"
        case .duplicateField: what = "field appears twice"
        case let .wrongType(expected): what = "expected \(expected)"
        case let .invalidAmount(text):
            what = "amount '\(text)' must be a decimal whole number of msat as a string, e.g. \"1000\""
        case let .invalidInteger(reason): what = "invalid integer: \(reason)"
        }
        return "BTP-NIPs packet: \(place): \(what)"
    }
}

extension BTPNIPsError {
    /// The same place and problem in BTP-NIPs terms (offsets are already packet offsets: the
    /// payload is scanned in place, after the header).
    init(_ error: JSONError) {
        let problem: Problem
        switch error.problem {
        case .syntax, .nonFiniteLiteral, .numberOutOfRange: problem = .invalidJSON(error.detail)
        case .invalidUTF8: problem = .invalidUTF8
        case let .invalidEscape(detail): problem = .invalidJSON(detail)
        case let .controlCharacter(byte):
            problem = .invalidJSON("control character 0x\(String(byte, radix: 16)) must be escaped inside a string")
        case let .nestingTooDeep(limit): problem = .nestingTooDeep(limit: limit)
        case .trailingData: problem = .invalidJSON("unexpected bytes after the JSON object")
        case let .wrongType(expected): problem = .wrongType(expected: expected)
        case .notWholeNumber: problem = .invalidInteger("must be a whole number without fraction or exponent")
        case .integerOverflow: problem = .invalidInteger("does not fit a 64-bit integer")
        }
        self.init(field: error.field, offset: error.offset, problem: problem)
    }
}

/// Runs one step of the JSON scanner, reporting its error in BTP-NIPs terms.
@inline(__always) @discardableResult
func scan<T>(_ step: () throws(JSONError) -> T) throws(BTPNIPsError) -> T {
    do {
        return try step()
    } catch {
        throw BTPNIPsError(error)
    }
}
