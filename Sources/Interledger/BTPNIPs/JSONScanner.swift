/// A forward-only JSON reader over a byte range, written for the BTP-NIPs hot path: it finds the
/// byte span of any value (validating it fully: grammar, escapes, UTF-8, no control characters)
/// without building a tree, and decodes only the few strings and integers the packet needs.
/// Nesting is tracked in a 64-bit mask instead of recursion, so hostile input cannot exhaust the stack.
struct JSONScanner {
    /// Deepest nesting accepted; Nostr messages need about 4 levels.
    static let maximumDepth = 64

    let bytes: [UInt8]
    private(set) var position: Int
    let end: Int

    init(bytes: [UInt8], start: Int, end: Int) {
        self.bytes = bytes
        self.position = start
        self.end = end
    }

    var atEnd: Bool { position >= end }

    private func fail(_ field: String, _ problem: BTPNIPsError.Problem, at offset: Int? = nil) -> BTPNIPsError {
        BTPNIPsError(field: field, offset: offset ?? position, problem: problem)
    }

    /// The byte at `position`, or nil at the end.
    var current: UInt8? { position < end ? bytes[position] : nil }

    mutating func skipWhitespace() {
        while position < end {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    /// Consumes `byte` (after whitespace) or throws naming what was expected.
    mutating func expect(_ byte: UInt8, _ field: String) throws(BTPNIPsError) {
        skipWhitespace()
        guard current == byte else {
            throw fail(field, .invalidJSON("expected '\(Character(Unicode.Scalar(byte)))' \(foundDescription)"))
        }
        position += 1
    }

    /// Consumes `byte` after whitespace if it is next.
    mutating func consume(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard current == byte else { return false }
        position += 1
        return true
    }

    var foundDescription: String {
        guard let byte = current else { return "but the payload ended" }
        if byte >= 0x21 && byte < 0x7F { return "but found '\(Character(Unicode.Scalar(byte)))'" }
        return "but found byte 0x\(String(byte, radix: 16))"
    }

    // MARK: strings

    /// Skips a string starting at `position` (which must be `"`), validating it. Returns the range
    /// of its content (between the quotes) and whether it contains escapes.
    mutating func skipString(_ field: String) throws(BTPNIPsError) -> (content: Range<Int>, escaped: Bool) {
        guard current == UInt8(ascii: "\"") else {
            throw fail(field, .wrongType(expected: "a string"))
        }
        position += 1
        let start = position
        var escaped = false
        while position < end {
            skipPlainStringBytes()
            guard position < end else { break }
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                return (start..<(position - 1), escaped)
            case UInt8(ascii: "\\"):
                escaped = true
                try skipEscape(field)
            case 0..<0x20:
                throw fail(field, .invalidJSON("control character 0x\(String(byte, radix: 16)) must be escaped inside a string"))
            case 0x80...:
                try skipUTF8Sequence(field)
            default:
                position += 1
            }
        }
        throw fail(field, .invalidJSON("unterminated string"), at: start - 1)
    }

    /// Advances over the run of bytes that need no attention inside a string (printable ASCII
    /// other than `"` and `\`). Strings are most of a Nostr message (hex ids, keys, signatures,
    /// content), so this runs on raw memory eight bytes at a time (SWAR), then byte by byte.
    @inline(__always)
    private mutating func skipPlainStringBytes() {
        let stop = end
        let from = position
        position = bytes.withUnsafeBufferPointer { buffer in
            guard let base = UnsafeRawPointer(buffer.baseAddress) else { return from }
            var index = from
            let ones: UInt64 = 0x0101_0101_0101_0101
            let high: UInt64 = 0x8080_8080_8080_8080
            while index + 8 <= stop {
                let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                // Exact "some byte is zero / is below 0x20" tests (Bit Twiddling Hacks, haszero/hasless).
                let quote = word ^ (ones &* 0x22)
                let backslash = word ^ (ones &* 0x5C)
                let flags = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)
                    | ((word &- ones &* 0x20) & ~word) | word
                if flags & high != 0 { break }
                index += 8
            }
            while index < stop {
                let byte = buffer[index]
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { break }
                index += 1
            }
            return index
        }
    }

    private mutating func skipEscape(_ field: String) throws(BTPNIPsError) {
        guard position + 1 < end else { throw fail(field, .invalidJSON("unterminated escape")) }
        switch bytes[position + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
             UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            position += 2
        case UInt8(ascii: "u"):
            guard position + 6 <= end, hexValue(at: position + 2) != nil else {
                throw fail(field, .invalidJSON("\\u must be followed by 4 hex digits"))
            }
            position += 6
        default:
            throw fail(field, .invalidJSON("unknown escape '\\\(Character(Unicode.Scalar(bytes[position + 1])))'"))
        }
    }

    /// The value of 4 hex digits at `index`, nil if any is not hex.
    private func hexValue(at index: Int) -> UInt16? {
        var value: UInt16 = 0
        for offset in 0..<4 {
            let byte = bytes[index + offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }

    /// Validates one multi-byte UTF-8 sequence (Unicode Table 3-7: no overlongs, no surrogates, ≤ U+10FFFF).
    private mutating func skipUTF8Sequence(_ field: String) throws(BTPNIPsError) {
        let lead = bytes[position]
        let count: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: count = 2
        case 0xE0: count = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: count = 3
        case 0xED: count = 3; high = 0x9F
        case 0xF0: count = 4; low = 0x90
        case 0xF1...0xF3: count = 4
        case 0xF4: count = 4; high = 0x8F
        default: throw fail(field, .invalidUTF8)
        }
        guard position + count <= end else { throw fail(field, .invalidUTF8) }
        let second = bytes[position + 1]
        guard second >= low && second <= high else { throw fail(field, .invalidUTF8) }
        for index in (position + 2)..<(position + count) where bytes[index] & 0xC0 != 0x80 {
            throw fail(field, .invalidUTF8, at: index)
        }
        position += count
    }

    /// Reads a string value and decodes its escapes.
    mutating func readString(_ field: String) throws(BTPNIPsError) -> String {
        skipWhitespace()
        let (content, escaped) = try skipString(field)
        if !escaped { return String(decoding: bytes[content], as: UTF8.self) }
        return try unescape(content, field)
    }

    private func unescape(_ content: Range<Int>, _ field: String) throws(BTPNIPsError) -> String {
        var out = [UInt8]()
        out.reserveCapacity(content.count)
        var index = content.lowerBound
        while index < content.upperBound {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\\") else {
                out.append(byte)
                index += 1
                continue
            }
            let kind = bytes[index + 1]
            index += 2
            switch kind {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                // skipString already checked the 4 hex digits.
                var scalar = UInt32(hexValue(at: index) ?? 0)
                index += 4
                if (0xD800...0xDBFF).contains(scalar) {
                    guard index + 6 <= content.upperBound, bytes[index] == UInt8(ascii: "\\"),
                          bytes[index + 1] == UInt8(ascii: "u"), let low = hexValue(at: index + 2),
                          (0xDC00...0xDFFF).contains(low)
                    else { throw fail(field, .invalidJSON("unpaired UTF-16 surrogate in \\u escape"), at: index - 6) }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                    index += 6
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw fail(field, .invalidJSON("unpaired UTF-16 surrogate in \\u escape"), at: index - 6)
                }
                out.append(contentsOf: Unicode.UTF8.encode(Unicode.Scalar(scalar)!)!)
            default: out.append(kind) // \" \\ \/
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: numbers

    /// Skips a number per RFC 8259 grammar; returns whether it had a fraction or exponent.
    private mutating func skipNumber(_ field: String) throws(BTPNIPsError) -> Bool {
        if current == UInt8(ascii: "-") { position += 1 }
        guard let first = current, first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9") else {
            throw fail(field, .invalidJSON("expected a digit"))
        }
        position += 1
        if first != UInt8(ascii: "0") { skipDigits() }
        var fractional = false
        if current == UInt8(ascii: ".") {
            position += 1
            guard skipDigits() > 0 else { throw fail(field, .invalidJSON("expected a digit after '.'")) }
            fractional = true
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            position += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
            guard skipDigits() > 0 else { throw fail(field, .invalidJSON("expected a digit in the exponent")) }
            fractional = true
        }
        return fractional
    }

    @discardableResult
    private mutating func skipDigits() -> Int {
        let start = position
        while let byte = current, byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { position += 1 }
        return position - start
    }

    /// Reads a JSON number that must be a whole number fitting Int64.
    mutating func readInteger(_ field: String) throws(BTPNIPsError) -> Int64 {
        skipWhitespace()
        let start = position
        guard let first = current, first == UInt8(ascii: "-") || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")) else {
            throw fail(field, .wrongType(expected: "an integer"))
        }
        guard try !skipNumber(field) else {
            throw fail(field, .invalidInteger("must be a whole number without fraction or exponent"), at: start)
        }
        let negative = bytes[start] == UInt8(ascii: "-")
        var value: Int64 = 0
        for index in (negative ? start + 1 : start)..<position {
            let digit = Int64(bytes[index] - UInt8(ascii: "0"))
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            guard !overflow1 && !overflow2 else {
                throw fail(field, .invalidInteger("does not fit a 64-bit integer"), at: start)
            }
            value = next
        }
        return value
    }

    // MARK: any value

    /// Skips one complete value of any type and returns its byte span (no surrounding whitespace).
    mutating func skipValue(_ field: String) throws(BTPNIPsError) -> Range<Int> {
        skipWhitespace()
        let start = position
        var depth = 0
        var objectMask: UInt64 = 0 // bit d set: the container at depth d+1 is an object
        while true {
            // Expecting a value.
            skipWhitespace()
            guard let byte = current else { throw fail(field, .invalidJSON("expected a value but the payload ended")) }
            var opened = false
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let isObject = byte == UInt8(ascii: "{")
                position += 1
                if consume(isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) { break }
                guard depth < Self.maximumDepth else { throw fail(field, .nestingTooDeep(limit: Self.maximumDepth)) }
                if isObject { objectMask |= 1 << UInt64(depth) } else { objectMask &= ~(1 << UInt64(depth)) }
                depth += 1
                opened = true
                if isObject { try skipMemberName(field) }
            case UInt8(ascii: "\""):
                _ = try skipString(field)
            case UInt8(ascii: "t"): try skipLiteral("true", field)
            case UInt8(ascii: "f"): try skipLiteral("false", field)
            case UInt8(ascii: "n"): try skipLiteral("null", field)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                _ = try skipNumber(field)
            default:
                throw fail(field, .invalidJSON("expected a value \(foundDescription)"))
            }
            if opened { continue }
            // After a complete value: close containers or move to the next element.
            while depth > 0 {
                let inObject = objectMask & (1 << UInt64(depth - 1)) != 0
                if consume(UInt8(ascii: ",")) {
                    if inObject { try skipMemberName(field) }
                    break
                }
                guard consume(inObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) else {
                    throw fail(field, .invalidJSON("expected ',' or '\(inObject ? "}" : "]")' \(foundDescription)"))
                }
                depth -= 1
            }
            if depth == 0 { return start..<position }
        }
    }

    /// Skips `"name" :` inside an object.
    private mutating func skipMemberName(_ field: String) throws(BTPNIPsError) {
        skipWhitespace()
        guard current == UInt8(ascii: "\"") else {
            throw fail(field, .invalidJSON("expected a member name string \(foundDescription)"))
        }
        _ = try skipString(field)
        try expect(UInt8(ascii: ":"), field)
    }

    private mutating func skipLiteral(_ literal: StaticString, _ field: String) throws(BTPNIPsError) {
        let count = literal.utf8CodeUnitCount
        let matches = position + count <= end && literal.withUTF8Buffer { expected in
            (0..<count).allSatisfy { bytes[position + $0] == expected[$0] }
        }
        guard matches else { throw fail(field, .invalidJSON("expected '\(literal)'")) }
        position += count
    }
}
