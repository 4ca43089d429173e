/// Why bytes are not the JSON a decoder expected: the one error type of the `JSON` module.
/// `offset` is the byte offset in the scanned buffer; `field` is the path the caller gave for the
/// value being read (`event.tags[2]`, `payment.amount`, `values`). Each format turns it into its
/// own error, which adds the file, line or packet around it.
public struct JSONError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Problem: Equatable, Sendable {
        /// Not JSON at this point: what the grammar allows here, and what was found instead.
        case syntax(expected: String, found: String)
        /// A string holds bytes that are not UTF-8 (overlong, surrogate, truncated or > U+10FFFF).
        case invalidUTF8
        /// A backslash escape that JSON does not define, or a `\u` escape of a lone surrogate.
        case invalidEscape(String)
        /// A raw control character (below 0x20) inside a string; JSON requires it escaped.
        case controlCharacter(UInt8)
        /// Arrays and objects nested deeper than `JSONScanner.maximumDepth` (protects the stack and time).
        case nestingTooDeep(limit: Int)
        /// Something other than whitespace follows the complete document.
        case trailingData(found: String)
        /// A valid value of another type than the one the decoder reads here.
        case wrongType(expected: String)
        /// A number with a fraction or exponent where a whole number belongs.
        case notWholeNumber
        /// A whole number outside Int64.
        case integerOverflow
        /// `NaN`, `Infinity` and their kin, which some writers emit for non-finite floats.
        case nonFiniteLiteral(String)
        /// A number outside the range of a Double, such as `1e999`.
        case numberOutOfRange
    }

    public let field: String
    public let offset: Int
    public let problem: Problem

    public init(field: String, offset: Int, problem: Problem) {
        self.field = field
        self.offset = offset
        self.problem = problem
    }

    /// The problem and its fix, without the place (formats put the place in their own words).
    public var detail: String {
        switch problem {
        case let .syntax(expected, found):
            return "expected \(expected), found \(found)"
        case .invalidUTF8:
            return "string is not valid UTF-8; write UTF-8 text"
        case let .invalidEscape(detail):
            return "invalid escape (\(detail)); use a JSON escape such as \\n or \\u00e9"
        case let .controlCharacter(byte):
            let hex = String(byte, radix: 16)
            return "raw control character 0x\(hex) in a string; escape it as \\u00\(hex.count == 1 ? "0" + hex : hex)"
        case let .nestingTooDeep(limit):
            return "JSON nested deeper than \(limit) levels; flatten the document"
        case let .trailingData(found):
            return "unexpected \(found) after the JSON value; write exactly one JSON document"
        case let .wrongType(expected):
            return "expected \(expected)"
        case .notWholeNumber:
            return "expected a whole number (no fraction or exponent)"
        case .integerOverflow:
            return "integer does not fit in 64 bits"
        case let .nonFiniteLiteral(token):
            return "`\(token)` is not a JSON number; JSON cannot hold NaN or Infinity"
        case .numberOutOfRange:
            return "number outside the range of a 64-bit float"
        }
    }

    public var description: String {
        field.isEmpty ? "at byte \(offset): \(detail)" : "\(field) at byte \(offset): \(detail)"
    }
}
