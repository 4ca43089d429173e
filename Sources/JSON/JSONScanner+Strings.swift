extension JSONScanner {
    /// Reads a string, decoding its escapes. Strings without escapes (nearly all of them) become a
    /// `String` straight from the input bytes, which `skipString` has already validated.
    public mutating func readString(_ field: @autoclosure () -> String) throws(JSONError) -> String {
        guard peek() == UInt8(ascii: "\"") else { throw wrongTypeOrSyntax(field(), expected: "a string") }
        let (content, escaped) = try skipString(field())
        let bytes = UnsafeBufferPointer(rebasing: input[content])
        return escaped ? Self.unescape(bytes) : String(decoding: bytes, as: UTF8.self)
    }

    public mutating func readStringArray(_ field: @autoclosure () -> String) throws(JSONError) -> [String] {
        try beginArray(field())
        var values: [String] = []
        var first = true
        while try nextArrayElement(first: &first, field()) {
            values.append(try readString("\(field())[\(values.count)]"))
        }
        return values
    }

    /// Skips the string at `position` (which must be `"`), validating all of it: escapes (a `\u`
    /// high surrogate must be followed by a low one), UTF-8 (Unicode Table 3-7) and control
    /// characters. Returns the span between the quotes and whether it holds escapes.
    public mutating func skipString(
        _ field: @autoclosure () -> String
    ) throws(JSONError) -> (content: Range<Int>, escaped: Bool) {
        guard position < input.count, input[position] == UInt8(ascii: "\"") else {
            throw wrongTypeOrSyntax(field(), expected: "a string")
        }
        position += 1
        let start = position
        var escaped = false
        while true {
            skipPlainStringBytes()
            guard position < input.count else { break }
            let byte = input[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                return (start..<(position - 1), escaped)
            case UInt8(ascii: "\\"):
                escaped = true
                try skipEscape(field())
            case 0..<0x20:
                throw fail(field(), .controlCharacter(byte))
            case 0x80...:
                try skipUTF8Sequence(field())
            default:
                position += 1
            }
        }
        throw fail(field(), .syntax(expected: "the closing `\"` of the string", found: found), at: start - 1)
    }

    /// Advances over bytes that need no attention inside a string (printable ASCII other than `"`
    /// and `\`): eight at a time on raw memory (SWAR), then byte by byte. Hex ids, keys and
    /// signatures are most of a Nostr message.
    @inline(__always)
    private mutating func skipPlainStringBytes() {
        guard let base = UnsafeRawPointer(input.baseAddress) else { return }
        let stop = input.count
        var index = position
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        while index + 8 <= stop {
            let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            // Exact "some byte is zero / is below 0x20" tests (Bit Twiddling Hacks, haszero/hasless);
            // `| word` flags bytes ≥ 0x80.
            let quote = word ^ (ones &* 0x22)
            let backslash = word ^ (ones &* 0x5C)
            let flags =
                ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)
                | ((word &- ones &* 0x20) & ~word) | word
            if flags & high != 0 { break }
            index += 8
        }
        while index < stop {
            let byte = input[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { break }
            index += 1
        }
        position = index
    }

    private mutating func skipEscape(_ field: @autoclosure () -> String) throws(JSONError) {
        let escapeStart = position
        guard position + 1 < input.count else {
            throw fail(field(), .syntax(expected: "an escape after `\\`", found: "the end of the input"))
        }
        switch input[position + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
            UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            position += 2
        case UInt8(ascii: "u"):
            guard let value = hex4(at: position + 2) else {
                throw fail(field(), .invalidEscape("\\u needs four hex digits"), at: escapeStart)
            }
            position += 6
            if (0xD800...0xDBFF).contains(value) {
                guard position + 1 < input.count, input[position] == UInt8(ascii: "\\"),
                    input[position + 1] == UInt8(ascii: "u"), let low = hex4(at: position + 2)
                else { throw fail(field(), .invalidEscape("high surrogate without a low surrogate"), at: escapeStart) }
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw fail(
                        field(), .invalidEscape("high surrogate followed by a non-low surrogate"), at: escapeStart)
                }
                position += 6
            } else if (0xDC00...0xDFFF).contains(value) {
                throw fail(field(), .invalidEscape("unpaired low surrogate"), at: escapeStart)
            }
        default:
            let code = input[position + 1]
            let shown =
                code >= 0x21 && code < 0x7F
                ? "\\\(Character(Unicode.Scalar(code)))" : "\\ and byte 0x\(String(code, radix: 16))"
            throw fail(field(), .invalidEscape("unknown escape \(shown)"), at: escapeStart)
        }
    }

    /// The value of the four hex digits at `index`, nil if there are fewer or one is not hex.
    private func hex4(at index: Int) -> UInt32? {
        guard index + 4 <= input.count else { return nil }
        var value: UInt32 = 0
        for offset in 0..<4 {
            guard let nibble = Self.hexValue(input[index + offset]) else { return nil }
            value = value << 4 | UInt32(nibble)
        }
        return value
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Validates one multi-byte UTF-8 sequence (Unicode Table 3-7: no overlongs, no surrogates, ≤ U+10FFFF).
    private mutating func skipUTF8Sequence(_ field: @autoclosure () -> String) throws(JSONError) {
        let lead = input[position]
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
        default: throw fail(field(), .invalidUTF8)
        }
        guard position + count <= input.count else { throw fail(field(), .invalidUTF8) }
        let second = input[position + 1]
        guard second >= low && second <= high else { throw fail(field(), .invalidUTF8) }
        for index in (position + 2)..<(position + count) where input[index] & 0xC0 != 0x80 {
            throw fail(field(), .invalidUTF8, at: index)
        }
        position += count
    }

    /// Decodes the escapes of content that `skipString` has validated (so every `\u` has four hex
    /// digits and every surrogate its pair).
    private static func unescape(_ content: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(content.count)
        var index = 0
        func hex(_ at: Int) -> UInt32 {
            (0..<4).reduce(UInt32(0)) { $0 << 4 | UInt32(hexValue(content[at + $1]) ?? 0) }
        }
        while index < content.count {
            let byte = content[index]
            guard byte == UInt8(ascii: "\\") else {
                out.append(byte)
                index += 1
                continue
            }
            let code = content[index + 1]
            index += 2
            switch code {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = hex(index)
                index += 4
                if (0xD800...0xDBFF).contains(scalar) {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (hex(index + 2) - 0xDC00)
                    index += 6
                }
                // Validated: never a surrogate, never above U+10FFFF.
                if let value = Unicode.Scalar(scalar), let encoded = Unicode.UTF8.encode(value) {
                    out.append(contentsOf: encoded)
                }
            default: out.append(code)  // \" \\ \/
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
