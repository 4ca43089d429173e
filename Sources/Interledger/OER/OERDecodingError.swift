/// A structural failure while reading OER bytes. It names the field being read and the byte offset
/// (from the start of the outermost buffer) where the bad bytes begin, so a hex dump can be checked
/// against the message directly.
public struct OERDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What exactly was wrong with the bytes.
    public enum Problem: Equatable, Sendable {
        /// Fewer bytes remain than the field needs.
        case truncated(needed: Int, available: Int)
        /// A length prefix in long form (0x80 | n) where the short form or fewer octets would do.
        case nonCanonicalLength
        /// A length prefix that announces more length octets than this decoder supports.
        case lengthOfLengthTooLarge(octets: Int, maximum: Int)
        /// The indefinite length form (0x80), which OER does not allow.
        case indefiniteLength
        /// A length above the limit the field allows (checked before anything is allocated).
        case lengthAboveLimit(length: Int, limit: Int)
        /// An integer that does not fit the Swift type or uses non-minimal octets.
        case invalidInteger(String)
        /// An IA5 (7-bit ASCII) string containing a byte ≥ 0x80.
        case notIA5(byte: UInt8)
        /// A UTF-8 string whose bytes are not valid UTF-8.
        case invalidUTF8
        /// Bytes left over after a structure that must end the buffer or its enclosing envelope.
        case trailingBytes(count: Int)
    }

    /// Name of the field being decoded, e.g. `"ILP Prepare.destination"`.
    public let field: String
    /// Byte offset in the buffer given to the decoder.
    public let offset: Int
    public let problem: Problem

    public init(field: String, offset: Int, problem: Problem) {
        self.field = field
        self.offset = offset
        self.problem = problem
    }

    public var description: String {
        let what: String
        switch problem {
        case let .truncated(needed, available):
            what =
                "needs \(needed) byte(s) but only \(available) remain; the input was cut short or a length prefix overstates it"
        case .nonCanonicalLength:
            what =
                "length prefix is not canonical (long form used where a shorter form fits); encode lengths < 128 in one byte and use the fewest length octets"
        case let .lengthOfLengthTooLarge(octets, maximum):
            what = "length prefix announces \(octets) length octets; at most \(maximum) are supported"
        case .indefiniteLength:
            what = "length prefix 0x80 (indefinite form) is not allowed in OER"
        case let .lengthAboveLimit(length, limit):
            what = "declared length \(length) exceeds the limit \(limit) for this field"
        case let .invalidInteger(reason):
            what = "invalid integer: \(reason)"
        case let .notIA5(byte):
            what = "byte 0x\(String(byte, radix: 16)) is not 7-bit ASCII (IA5String)"
        case .invalidUTF8:
            what = "bytes are not valid UTF-8"
        case let .trailingBytes(count):
            what = "\(count) unexpected trailing byte(s); the declared length and the content disagree"
        }
        return "\(field) at byte \(offset): \(what)"
    }
}
