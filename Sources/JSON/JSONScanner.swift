/// The one JSON reader of MeshBench: forward-only over borrowed bytes, strict (RFC 8259 grammar,
/// UTF-8 validated, lone surrogates refused, control characters refused inside strings), and
/// pull-based: a decoder reads exactly the values it expects, skips the rest as byte spans, and
/// never builds a tree. Nesting is bounded by `maximumDepth`, and skipping does not recurse.
///
/// Hand-written rather than Foundation's `JSONDecoder` because it is on the hot paths (each hop
/// decodes a BTP-NIPs packet and its Nostr event; `analyze` reads millions of sample values) and
/// because its errors name the field and the byte: the figures against `JSONDecoder` are in
/// docs/design-notes.md ("JSON"), measured with `scripts/bench/json-speed.sh`.
///
/// Thread safety: a value type over an `UnsafeBufferPointer` that the caller keeps alive; use it
/// inside `withUnsafeBufferPointer` (or `JSONScanner.scan`) and do not let it escape.
public struct JSONScanner {
    /// Deepest nesting accepted; Nostr messages need 4 levels, samples records 3.
    public static let maximumDepth = 64

    public let input: UnsafeBufferPointer<UInt8>
    /// Offset of the next unread byte in `input`.
    public internal(set) var position: Int

    public init(_ input: UnsafeBufferPointer<UInt8>, position: Int = 0) {
        self.input = input
        self.position = position
    }

    /// Runs `body` with a scanner over `bytes` from `start`; `body` must end with `finish`, or
    /// read only part of the document on purpose.
    public static func scan<T, Failure: Error>(
        _ bytes: [UInt8], from start: Int = 0, _ body: (inout JSONScanner) throws(Failure) -> T
    ) throws(Failure) -> T {
        try bytes.withUnsafeBufferPointer { (buffer) throws(Failure) -> T in
            var scanner = JSONScanner(buffer, position: start)
            return try body(&scanner)
        }
    }

    public var atEnd: Bool { position >= input.count }

    // MARK: Structure

    public mutating func skipWhitespace() {
        while position < input.count {
            switch input[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    /// The next non-whitespace byte, not consumed.
    public mutating func peek() -> UInt8? {
        skipWhitespace()
        return position < input.count ? input[position] : nil
    }

    /// Requires that nothing but whitespace is left.
    public mutating func finish(_ field: @autoclosure () -> String) throws(JSONError) {
        skipWhitespace()
        guard atEnd else { throw fail(field(), .trailingData(found: found)) }
    }

    public mutating func beginObject(_ field: @autoclosure () -> String) throws(JSONError) {
        guard peek() == UInt8(ascii: "{") else { throw wrongTypeOrSyntax(field(), expected: "a JSON object") }
        position += 1
    }

    /// The next member name, positioned before its value; `nil` after consuming the closing `}`.
    /// `first` tracks whether a comma must come first.
    public mutating func nextObjectKey(
        first: inout Bool, _ field: @autoclosure () -> String
    ) throws(JSONError) -> String? {
        guard let byte = peek() else { throw fail(field(), .syntax(expected: "`}` or a member", found: found)) }
        if byte == UInt8(ascii: "}") {
            position += 1
            return nil
        }
        if !first {
            guard byte == UInt8(ascii: ",") else { throw fail(field(), .syntax(expected: "`,` or `}`", found: found)) }
            position += 1
        }
        first = false
        guard peek() == UInt8(ascii: "\"") else {
            throw fail(field(), .syntax(expected: "a member name", found: found))
        }
        let key = try readString(field())
        guard peek() == UInt8(ascii: ":") else {
            throw fail(field(), .syntax(expected: "`:` after \"\(key)\"", found: found))
        }
        position += 1
        skipWhitespace()
        return key
    }

    public mutating func beginArray(_ field: @autoclosure () -> String) throws(JSONError) {
        guard peek() == UInt8(ascii: "[") else { throw wrongTypeOrSyntax(field(), expected: "a JSON array") }
        position += 1
    }

    /// True when another element follows (positioned at it), false after consuming the closing `]`.
    public mutating func nextArrayElement(
        first: inout Bool, _ field: @autoclosure () -> String
    ) throws(JSONError) -> Bool {
        guard let byte = peek() else { throw fail(field(), .syntax(expected: "`]` or an element", found: found)) }
        if byte == UInt8(ascii: "]") {
            position += 1
            return false
        }
        if !first {
            guard byte == UInt8(ascii: ",") else { throw fail(field(), .syntax(expected: "`,` or `]`", found: found)) }
            position += 1
            skipWhitespace()
        }
        first = false
        return true
    }

    public mutating func readBool(_ field: @autoclosure () -> String) throws(JSONError) -> Bool {
        if consumeLiteral("true") { return true }
        if consumeLiteral("false") { return false }
        throw wrongTypeOrSyntax(field(), expected: "true or false")
    }

    /// Consumes `null` if it is next.
    public mutating func consumeNull() -> Bool {
        consumeLiteral("null")
    }

    // MARK: Errors

    /// What is at `position`, for messages: `` `x` ``, a byte in hex, or the end of the input.
    public var found: String {
        guard position < input.count else { return "the end of the input" }
        let byte = input[position]
        return byte >= 0x21 && byte < 0x7F
            ? "`\(Character(Unicode.Scalar(byte)))`" : "byte 0x\(String(byte, radix: 16))"
    }

    func fail(_ field: String, _ problem: JSONError.Problem, at offset: Int? = nil) -> JSONError {
        JSONError(field: field, offset: offset ?? position, problem: problem)
    }

    /// A wrong type when a valid value of another type starts here, a syntax error otherwise.
    func wrongTypeOrSyntax(_ field: String, expected: String) -> JSONError {
        guard position < input.count else { return fail(field, .syntax(expected: expected, found: found)) }
        switch input[position] {
        case UInt8(ascii: "\""), UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "t"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return fail(field, .wrongType(expected: expected))
        default:
            return fail(field, .syntax(expected: expected, found: found))
        }
    }

    mutating func consumeLiteral(_ literal: StaticString) -> Bool {
        skipWhitespace()
        let length = literal.utf8CodeUnitCount
        guard input.count - position >= length else { return false }
        let matches = literal.withUTF8Buffer { expected in
            (0..<length).allSatisfy { input[position + $0] == expected[$0] }
        }
        if matches { position += length }
        return matches
    }
}
