/// A forward-only JSON reader over borrowed bytes. Decoders pull exactly the values they expect, so
/// a received event becomes a `NostrEvent` without an intermediate tree (a relay decodes every event).
/// It never allocates more than the input's size and bounds recursion with `maximumDepth`.
struct JSONScanner {
    static let maximumDepth = 64

    let input: UnsafeBufferPointer<UInt8>
    private(set) var position = 0

    init(input: UnsafeBufferPointer<UInt8>) {
        self.input = input
    }

    /// Runs `body` with a scanner over `bytes` and requires that nothing but whitespace follows.
    static func decode<T>(
        _ bytes: [UInt8], _ body: (inout JSONScanner) throws(NostrDecodingError) -> T
    ) throws(NostrDecodingError) -> T {
        try bytes.withUnsafeBufferPointer { (buffer) throws(NostrDecodingError) -> T in
            var scanner = JSONScanner(input: buffer)
            let value = try body(&scanner)
            scanner.skipWhitespace()
            guard scanner.position == buffer.count else { throw .trailingData(offset: scanner.position) }
            return value
        }
    }

    // MARK: Structure

    mutating func skipWhitespace() {
        while position < input.count {
            switch input[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    /// The next non-whitespace byte, not consumed.
    mutating func peek() -> UInt8? {
        skipWhitespace()
        return position < input.count ? input[position] : nil
    }

    mutating func beginObject(_ field: @autoclosure () -> String) throws(NostrDecodingError) {
        guard peek() == UInt8(ascii: "{") else {
            throw .wrongType(field: field(), expected: "a JSON object", offset: position)
        }
        position += 1
    }

    /// The next member name, or `nil` after consuming the closing `}`. `first` tracks the comma.
    mutating func nextObjectKey(first: inout Bool, _ field: @autoclosure () -> String) throws(NostrDecodingError) -> String? {
        guard let byte = peek() else { throw .syntax(offset: position, expected: "'}' or a member of \(field())") }
        if byte == UInt8(ascii: "}") {
            position += 1
            return nil
        }
        if !first {
            guard byte == UInt8(ascii: ",") else { throw .syntax(offset: position, expected: "',' or '}' in \(field())") }
            position += 1
        }
        first = false
        guard peek() == UInt8(ascii: "\"") else { throw .syntax(offset: position, expected: "a member name in \(field())") }
        let key = try readString(field())
        guard peek() == UInt8(ascii: ":") else { throw .syntax(offset: position, expected: "':' after \(field()).\(key)") }
        position += 1
        return key
    }

    mutating func beginArray(_ field: @autoclosure () -> String) throws(NostrDecodingError) {
        guard peek() == UInt8(ascii: "[") else {
            throw .wrongType(field: field(), expected: "a JSON array", offset: position)
        }
        position += 1
    }

    /// True when another element follows, false after consuming the closing `]`.
    mutating func nextArrayElement(first: inout Bool, _ field: @autoclosure () -> String) throws(NostrDecodingError) -> Bool {
        guard let byte = peek() else { throw .syntax(offset: position, expected: "']' or an element of \(field())") }
        if byte == UInt8(ascii: "]") {
            position += 1
            return false
        }
        if !first {
            guard byte == UInt8(ascii: ",") else { throw .syntax(offset: position, expected: "',' or ']' in \(field())") }
            position += 1
            skipWhitespace()
        }
        first = false
        return true
    }

    // MARK: Scalars

    mutating func readStringArray(_ field: @autoclosure () -> String) throws(NostrDecodingError) -> [String] {
        try beginArray(field())
        var values: [String] = []
        var first = true
        while try nextArrayElement(first: &first, field()) {
            values.append(try readString("\(field())[\(values.count)]"))
        }
        return values
    }

    mutating func readBool(_ field: @autoclosure () -> String) throws(NostrDecodingError) -> Bool {
        if consumeLiteral("true") { return true }
        if consumeLiteral("false") { return false }
        throw .wrongType(field: field(), expected: "true or false", offset: position)
    }

    /// Reads a JSON integer (no fraction, no exponent) that fits in Int64.
    mutating func readInt64(_ field: @autoclosure () -> String) throws(NostrDecodingError) -> Int64 {
        skipWhitespace()
        let start = position
        let negative = position < input.count && input[position] == UInt8(ascii: "-")
        if negative { position += 1 }
        let digitsStart = position
        var magnitude: UInt64 = 0
        var overflow = false
        while position < input.count, let digit = Self.digitValue(input[position]) {
            let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(digit))
            overflow = overflow || o1 || o2
            magnitude = sum
            position += 1
        }
        let digitCount = position - digitsStart
        guard digitCount > 0 else { throw .wrongType(field: field(), expected: "an integer", offset: start) }
        if digitCount > 1 && input[digitsStart] == UInt8(ascii: "0") {
            throw .syntax(offset: digitsStart, expected: "a number without leading zeros in \(field())")
        }
        if position < input.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(input[position]) {
            throw .wrongType(field: field(), expected: "an integer (no fraction or exponent)", offset: start)
        }
        let limit = negative ? UInt64(Int64.max) + 1 : UInt64(Int64.max)
        guard !overflow, magnitude <= limit else {
            throw .invalidValue(field: field(), reason: "integer at byte \(start) does not fit in 64 bits")
        }
        return negative ? Int64(truncatingIfNeeded: 0 &- magnitude) : Int64(magnitude)
    }

    /// Reads a JSON string, decoding escapes and validating UTF-8. Strings without escapes (the
    /// common case) are validated straight from the input buffer.
    mutating func readString(_ field: @autoclosure () -> String) throws(NostrDecodingError) -> String {
        guard peek() == UInt8(ascii: "\"") else {
            throw .wrongType(field: field(), expected: "a string", offset: position)
        }
        position += 1
        let start = position
        while position < input.count {
            let byte = input[position]
            if byte == UInt8(ascii: "\"") {
                let text = try Self.validatedString(UnsafeBufferPointer(rebasing: input[start..<position]), field(), start)
                position += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { return try readEscapedString(from: start, field()) }
            if byte < 0x20 { throw .unescapedControlCharacter(field: field(), offset: position, byte: byte) }
            position += 1
        }
        throw .syntax(offset: position, expected: "closing '\"' of \(field())")
    }

    // MARK: Skipping unknown values

    /// Skips one value of any type, checking its syntax, at most `maximumDepth` levels deep.
    mutating func skipValue(_ field: @autoclosure () -> String, depth: Int = 0) throws(NostrDecodingError) {
        guard depth < Self.maximumDepth else { throw .nestingTooDeep(offset: position, limit: Self.maximumDepth) }
        guard let byte = peek() else { throw .syntax(offset: position, expected: "a value for \(field())") }
        switch byte {
        case UInt8(ascii: "\""):
            _ = try readString(field())
        case UInt8(ascii: "{"):
            position += 1
            var first = true
            while let key = try nextObjectKey(first: &first, field()) {
                try skipValue("\(field()).\(key)", depth: depth + 1)
            }
        case UInt8(ascii: "["):
            position += 1
            var first = true
            var index = 0
            while try nextArrayElement(first: &first, field()) {
                try skipValue("\(field())[\(index)]", depth: depth + 1)
                index += 1
            }
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            guard consumeLiteral("true") || consumeLiteral("false") || consumeLiteral("null") else {
                throw .syntax(offset: position, expected: "true, false or null in \(field())")
            }
        default:
            try skipNumber(field())
        }
    }

    // MARK: Private helpers

    private mutating func consumeLiteral(_ literal: StaticString) -> Bool {
        skipWhitespace()
        let length = literal.utf8CodeUnitCount
        guard input.count - position >= length else { return false }
        let matches = literal.withUTF8Buffer { expected in
            (0..<length).allSatisfy { input[position + $0] == expected[$0] }
        }
        if matches { position += length }
        return matches
    }

    /// JSON number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    private mutating func skipNumber(_ field: @autoclosure () -> String) throws(NostrDecodingError) {
        let start = position
        func fail() -> NostrDecodingError { .syntax(offset: start, expected: "a JSON value for \(field())") }
        if position < input.count, input[position] == UInt8(ascii: "-") { position += 1 }
        guard skipDigits() > 0 else { throw fail() }
        if position < input.count, input[position] == UInt8(ascii: ".") {
            position += 1
            guard skipDigits() > 0 else { throw fail() }
        }
        if position < input.count, input[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            if position < input.count, input[position] == UInt8(ascii: "+") || input[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard skipDigits() > 0 else { throw fail() }
        }
    }

    private mutating func skipDigits() -> Int {
        let start = position
        while position < input.count, Self.digitValue(input[position]) != nil { position += 1 }
        return position - start
    }

    /// Slow path once a backslash is seen: copies into a buffer no larger than the string's input bytes.
    private mutating func readEscapedString(from start: Int, _ field: @autoclosure () -> String) throws(NostrDecodingError) -> String {
        var buffer: [UInt8] = Array(UnsafeBufferPointer(rebasing: input[start..<position]))
        while position < input.count {
            let byte = input[position]
            switch byte {
            case UInt8(ascii: "\""):
                let text = try buffer.withUnsafeBufferPointer { (bytes) throws(NostrDecodingError) -> String in
                    try Self.validatedString(bytes, field(), start)
                }
                position += 1
                return text
            case UInt8(ascii: "\\"):
                try appendEscape(to: &buffer, field())
            case 0..<0x20:
                throw .unescapedControlCharacter(field: field(), offset: position, byte: byte)
            default:
                buffer.append(byte)
                position += 1
            }
        }
        throw .syntax(offset: position, expected: "closing '\"' of \(field())")
    }

    /// Decodes the escape at `position` (which holds the backslash) into UTF-8 bytes.
    private mutating func appendEscape(to buffer: inout [UInt8], _ field: @autoclosure () -> String) throws(NostrDecodingError) {
        let escapeStart = position
        guard position + 1 < input.count else { throw .syntax(offset: position, expected: "an escape in \(field())") }
        let code = input[position + 1]
        position += 2
        switch code {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(code)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
            var scalarValue = try readHex4(field())
            if (0xD800...0xDBFF).contains(scalarValue) {
                guard position + 1 < input.count, input[position] == UInt8(ascii: "\\"), input[position + 1] == UInt8(ascii: "u") else {
                    throw .invalidEscape(field: field(), offset: escapeStart, detail: "high surrogate without a low surrogate")
                }
                position += 2
                let low = try readHex4(field())
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw .invalidEscape(field: field(), offset: escapeStart, detail: "high surrogate followed by a non-low surrogate")
                }
                scalarValue = 0x10000 + ((scalarValue - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalarValue) {
                throw .invalidEscape(field: field(), offset: escapeStart, detail: "unpaired low surrogate")
            }
            // Every value outside the surrogate range is a valid scalar, so this never fails.
            guard let scalar = Unicode.Scalar(scalarValue) else {
                throw .invalidEscape(field: field(), offset: escapeStart, detail: "not a Unicode scalar")
            }
            buffer.append(contentsOf: String(Character(scalar)).utf8)
        default:
            throw .invalidEscape(field: field(), offset: escapeStart, detail: "unknown escape \\\(Character(Unicode.Scalar(code)))")
        }
    }

    private mutating func readHex4(_ field: @autoclosure () -> String) throws(NostrDecodingError) -> UInt32 {
        guard input.count - position >= 4 else {
            throw .invalidEscape(field: field(), offset: position, detail: "\\u needs four hex digits")
        }
        var value: UInt32 = 0
        for offset in 0..<4 {
            let byte = input[position + offset]
            let nibble: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw .invalidEscape(field: field(), offset: position, detail: "\\u needs four hex digits")
            }
            value = value << 4 | nibble
        }
        position += 4
        return value
    }

    private static func validatedString(
        _ bytes: UnsafeBufferPointer<UInt8>, _ field: @autoclosure () -> String, _ offset: Int
    ) throws(NostrDecodingError) -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .invalidUTF8(field: field(), offset: offset)
        }
        return text
    }

    @inline(__always)
    private static func digitValue(_ byte: UInt8) -> UInt8? {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? byte - UInt8(ascii: "0") : nil
    }
}
