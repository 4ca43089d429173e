/// A JSON value and the 1-based line it starts on.
///
/// Why a parser of our own beside Foundation's: the adapters must name the line of a bad field
/// (`h.json:17: results[0].times[3] is "fast", not a number`), and `JSONSerialization` /
/// `JSONDecoder` report neither the line of a value nor, on Linux, of a syntax error. On Linux,
/// Foundation's `JSONSerialization` also misreads numbers of the hyperfine fixture by a few ulp
/// (`0.014107771380000002` becomes `…005`, LocatedJSONTests); `Double(String)` here is
/// correctly rounded, so every value survives exactly as the harness printed it. Documents
/// are small (hyperfine, Google Benchmark and pytest-benchmark write kilobytes to a few MB), so a
/// plain recursive descent over the bytes is fast enough (docs/own-benchmarks.md has the rate).
struct LocatedJSON {
    indirect enum Value {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
        case array([LocatedJSON])
        /// Keys in document order (Google Benchmark's counters are extra keys: order is kept).
        case object([(key: String, value: LocatedJSON)])
    }

    let value: Value
    let line: Int

    /// The member `key` of an object, nil when absent or when this is not an object.
    subscript(key: String) -> LocatedJSON? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.key == key }?.value
    }

    var number: Double? { if case .number(let n) = value { n } else { nil } }
    var string: String? { if case .string(let s) = value { s } else { nil } }
    var bool: Bool? { if case .bool(let b) = value { b } else { nil } }
    var array: [LocatedJSON]? { if case .array(let a) = value { a } else { nil } }
    var members: [(key: String, value: LocatedJSON)]? { if case .object(let m) = value { m } else { nil } }
    var isNull: Bool { if case .null = value { true } else { false } }

    /// What kind of value this is, for messages (`found a string`).
    var kindName: String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// Why a document is not JSON: where (1-based line and column) and what, and whether the input
/// simply stopped (a truncated file) rather than holding a wrong byte.
struct JSONSyntaxError: Error {
    let line: Int
    let column: Int
    let detail: String
    let endOfInput: Bool
}

/// Recursive-descent JSON parser (RFC 8259) that records the line of every value.
struct LocatedJSONParser {
    private static let maxDepth = 256
    private let bytes: [UInt8]
    private var i = 0
    private var line = 1
    private var lineStart = 0

    /// Parses one JSON document (a UTF-8 byte order mark is skipped); trailing whitespace only.
    static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> LocatedJSON {
        var parser = LocatedJSONParser(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.i = 3 }
        let value = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        if parser.i < bytes.count { throw parser.fail("unexpected \(parser.describe(bytes[parser.i])) after the end of the document") }
        return value
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> LocatedJSON {
        skipWhitespace()
        guard i < bytes.count else { throw fail("the document ends where a value was expected") }
        guard depth < Self.maxDepth else { throw fail("nested deeper than \(Self.maxDepth) levels") }
        let startLine = line
        switch bytes[i] {
        case UInt8(ascii: "{"): return LocatedJSON(value: try parseObject(depth: depth), line: startLine)
        case UInt8(ascii: "["): return LocatedJSON(value: try parseArray(depth: depth), line: startLine)
        case UInt8(ascii: "\""): return LocatedJSON(value: .string(try parseString()), line: startLine)
        case UInt8(ascii: "t"): try literal("true"); return LocatedJSON(value: .bool(true), line: startLine)
        case UInt8(ascii: "f"): try literal("false"); return LocatedJSON(value: .bool(false), line: startLine)
        case UInt8(ascii: "n"): try literal("null"); return LocatedJSON(value: .null, line: startLine)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return LocatedJSON(value: .number(try parseNumber()), line: startLine)
        case UInt8(ascii: "N"), UInt8(ascii: "I"):
            throw fail("`NaN` and `Infinity` are not JSON numbers")
        default:
            throw fail("expected a value, found \(describe(bytes[i]))")
        }
    }

    private mutating func parseObject(depth: Int) throws(JSONSyntaxError) -> LocatedJSON.Value {
        i += 1
        var members: [(key: String, value: LocatedJSON)] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "}") { i += 1; return .object(members) }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else { throw expected("a quoted key") }
            let key = try parseString()
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { throw expected("`:` after the key \"\(key)\"") }
            i += 1
            members.append((key, try parseValue(depth: depth + 1)))
            skipWhitespace()
            guard let c = peek() else { throw expected("`,` or `}` (the object is not closed)") }
            i += 1
            if c == UInt8(ascii: ",") { continue }
            if c == UInt8(ascii: "}") { return .object(members) }
            i -= 1
            throw fail("expected `,` or `}` after the value of \"\(key)\", found \(describe(c))")
        }
    }

    private mutating func parseArray(depth: Int) throws(JSONSyntaxError) -> LocatedJSON.Value {
        i += 1
        var elements: [LocatedJSON] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") { i += 1; return .array(elements) }
        while true {
            elements.append(try parseValue(depth: depth + 1))
            skipWhitespace()
            guard let c = peek() else { throw expected("`,` or `]` (the array is not closed)") }
            i += 1
            if c == UInt8(ascii: ",") { continue }
            if c == UInt8(ascii: "]") { return .array(elements) }
            i -= 1
            throw fail("expected `,` or `]` in an array, found \(describe(c))")
        }
    }

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        i += 1
        var out: [UInt8] = []
        while true {
            guard i < bytes.count else { throw fail("the document ends inside a string") }
            let c = bytes[i]
            switch c {
            case UInt8(ascii: "\""):
                i += 1
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                i += 1
                guard i < bytes.count else { throw fail("the document ends inside a string") }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"): out.append(contentsOf: try unicodeEscape())
                default: i -= 1; throw fail("invalid escape `\\\(describe(e))` in a string")
                }
            case 0x00..<0x20:
                throw fail("a control character (byte \(c)) inside a string; escape it")
            default:
                out.append(c)
                i += 1
            }
        }
    }

    /// `\uXXXX` (after the `u`), combining a UTF-16 surrogate pair; lone surrogates become U+FFFD.
    private mutating func unicodeEscape() throws(JSONSyntaxError) -> [UInt8] {
        var unit = try hex4()
        if (0xD800..<0xDC00).contains(unit), i + 1 < bytes.count,
           bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
            i += 2
            let low = try hex4()
            unit = (0xDC00..<0xE000).contains(low) ? 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00) : 0xFFFD
        }
        let scalar = Unicode.Scalar(unit) ?? "\u{FFFD}"
        return Array(String(Character(scalar)).utf8)
    }

    private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard i + 4 <= bytes.count,
              let v = UInt32(String(decoding: bytes[i..<i + 4], as: UTF8.self), radix: 16) else {
            throw fail("`\\u` must be followed by four hexadecimal digits")
        }
        i += 4
        return v
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> Double {
        let start = i
        if peek() == UInt8(ascii: "-") { i += 1 }
        guard let first = peek(), isDigit(first) else { throw fail("a number needs digits after `-`") }
        if first == UInt8(ascii: "0") { i += 1 } else { skipDigits() }
        if peek() == UInt8(ascii: ".") {
            i += 1
            guard let d = peek(), isDigit(d) else { throw fail("a number needs digits after `.`") }
            skipDigits()
        }
        if let e = peek(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            i += 1
            if let s = peek(), s == UInt8(ascii: "+") || s == UInt8(ascii: "-") { i += 1 }
            guard let d = peek(), isDigit(d) else { throw fail("a number needs digits in its exponent") }
            skipDigits()
        }
        guard let value = Double(String(decoding: bytes[start..<i], as: UTF8.self)), value.isFinite else {
            i = start
            throw fail("the number is outside the range of a 64-bit float")
        }
        return value
    }

    private mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let text = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for expectedByte in text {
            guard i < bytes.count else { throw fail("the document ends inside `\(word)`") }
            guard bytes[i] == expectedByte else { throw fail("expected `\(word)`") }
            i += 1
        }
    }

    private mutating func skipWhitespace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x0A: line += 1; i += 1; lineStart = i
            case 0x20, 0x09, 0x0D: i += 1
            default: return
            }
        }
    }

    private mutating func skipDigits() { while let c = peek(), isDigit(c) { i += 1 } }
    private func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
    private func peek() -> UInt8? { i < bytes.count ? bytes[i] : nil }

    private func expected(_ what: String) -> JSONSyntaxError {
        guard i < bytes.count else { return fail("the document ends where \(what) was expected") }
        return fail("expected \(what), found \(describe(bytes[i]))")
    }

    private func fail(_ detail: String) -> JSONSyntaxError {
        JSONSyntaxError(line: line, column: i - lineStart + 1, detail: detail, endOfInput: i >= bytes.count)
    }

    private func describe(_ c: UInt8) -> String {
        c >= 0x20 && c < 0x7F ? "`\(Character(Unicode.Scalar(c)))`" : "byte 0x\(String(c, radix: 16))"
    }
}
