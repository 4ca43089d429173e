import JSON

/// Why a Nostr JSON document (event, filter or client/relay message) was refused. `offset` is the
/// byte offset into the input; `field` is a path such as `event.tags[2][0]` or `REQ[2].kinds[0]`.
public enum NostrDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The bytes are not JSON at this point.
    case syntax(offset: Int, expected: String)
    /// A string is not valid UTF-8.
    case invalidUTF8(field: String, offset: Int)
    /// A backslash escape is not one of JSON's or a `\u` escape is an unpaired surrogate.
    case invalidEscape(field: String, offset: Int, detail: String)
    /// A raw control character (below 0x20) inside a string; JSON requires it escaped.
    case unescapedControlCharacter(field: String, offset: Int, byte: UInt8)
    /// Arrays/objects nested deeper than the decoder allows (protects the stack).
    case nestingTooDeep(offset: Int, limit: Int)
    /// Non-whitespace bytes after the complete document.
    case trailingData(offset: Int)
    /// A value has the wrong JSON type.
    case wrongType(field: String, expected: String, offset: Int)
    /// A required member is absent.
    case missingField(field: String, object: String)
    /// A member appears twice, which would make the meaning ambiguous.
    case duplicateField(field: String, object: String, offset: Int)
    /// A member that the object does not define (filters refuse these rather than silently matching more).
    case unknownField(field: String, object: String, offset: Int)
    /// A value of the right type but outside what NIP-01 allows.
    case invalidValue(field: String, reason: String)
    /// A message array is empty or its first element is not a known message name.
    case unknownMessageType(String)
    /// A message has the wrong number of elements.
    case wrongArity(message: String, expected: String, found: Int)

    public var description: String {
        switch self {
        case let .syntax(offset, expected):
            return "malformed JSON at byte \(offset): expected \(expected)"
        case let .invalidUTF8(field, offset):
            return "\(field) at byte \(offset): string is not valid UTF-8; send UTF-8 text"
        case let .invalidEscape(field, offset, detail):
            return "\(field) at byte \(offset): invalid escape (\(detail)); use a JSON escape such as \\n or \\u00e9"
        case let .unescapedControlCharacter(field, offset, byte):
            let hex = String(byte, radix: 16)
            return
                "\(field) at byte \(offset): raw control character 0x\(hex) in a string; escape it as \\u00\(hex.count == 1 ? "0" + hex : hex)"
        case let .nestingTooDeep(offset, limit):
            return "JSON nested deeper than \(limit) levels at byte \(offset); flatten the document"
        case let .trailingData(offset):
            return "unexpected data after the JSON value at byte \(offset); send exactly one JSON document"
        case let .wrongType(field, expected, offset):
            return "\(field) at byte \(offset): expected \(expected)"
        case let .missingField(field, object):
            return "\(object) has no \"\(field)\" member; add it"
        case let .duplicateField(field, object, offset):
            return "\(object) has \"\(field)\" twice (second at byte \(offset)); keep one"
        case let .unknownField(field, object, offset):
            return "\(object) has unknown member \"\(field)\" at byte \(offset); remove it"
        case let .invalidValue(field, reason):
            return "\(field): \(reason)"
        case let .unknownMessageType(name):
            return "unknown Nostr message type \(name); expected EVENT, REQ, CLOSE, CLOSED, NOTICE, EOSE, OK or AUTH"
        case let .wrongArity(message, expected, found):
            return "\(message) message has \(found) elements; expected \(expected)"
        }
    }
}

extension NostrDecodingError {
    /// The same place and problem in Nostr's terms.
    init(_ error: JSONError) {
        let field = error.field, offset = error.offset
        switch error.problem {
        case let .syntax(expected, found):
            self = .syntax(offset: offset, expected: "\(expected) in \(field), found \(found)")
        case .invalidUTF8:
            self = .invalidUTF8(field: field, offset: offset)
        case let .invalidEscape(detail):
            self = .invalidEscape(field: field, offset: offset, detail: detail)
        case let .controlCharacter(byte):
            self = .unescapedControlCharacter(field: field, offset: offset, byte: byte)
        case let .nestingTooDeep(limit):
            self = .nestingTooDeep(offset: offset, limit: limit)
        case .trailingData:
            self = .trailingData(offset: offset)
        case let .wrongType(expected):
            self = .wrongType(field: field, expected: expected, offset: offset)
        case .notWholeNumber:
            self = .wrongType(field: field, expected: "an integer (no fraction or exponent)", offset: offset)
        case .integerOverflow:
            self = .invalidValue(field: field, reason: "integer at byte \(offset) does not fit in 64 bits")
        case .nonFiniteLiteral, .numberOutOfRange:
            self = .invalidValue(field: field, reason: "at byte \(offset): \(error.detail)")
        }
    }
}

/// Runs one step of the JSON scanner, reporting its error in Nostr's terms.
@inline(__always) @discardableResult
func scan<T>(_ step: () throws(JSONError) -> T) throws(NostrDecodingError) -> T {
    do {
        return try step()
    } catch {
        throw NostrDecodingError(error)
    }
}
