#if canImport(Glibc)
import Glibc
#endif

/// Why a line could not be scanned; `column` is 1-based in bytes.
struct ScanError: Error {
    enum Kind {
        case malformed(String)
        case nonFiniteLiteral(String)
        case nonFiniteNumber(field: String)
    }
    let kind: Kind
    let column: Int
}

/// A top-level value the scanner captured.
enum ScannedValue {
    case string(String)
    case number(Double)
    case numbers([Double])
    /// Valid JSON of another shape (object, bool, null, mixed array); the record decoder says
    /// which type was expected.
    case other
}

/// A single-pass JSON validator for one line that also captures the top-level keys the fast
/// path needs, with number arrays parsed straight into `[Double]`. JSONDecoder is several
/// times slower on lines holding 10,000 numbers, which is the common case for `samples`.
/// It validates the whole line (nested values included), so a line it accepts is valid JSON.
struct LineScanner {
    /// Top-level keys captured; every other key is validated and skipped.
    static let capturedKeys: Set<String> = [
        "type", "schema", "scenario", "metric", "unit", "better", "sla_class",
        "values", "t", "hops", "node", "rep", "mesh_size",
        // Whole-number fields of the small records, range-checked before Foundation decodes them.
        "seed", "tier", "value", "attempt", "records",
    ]
    private static let maxDepth = 256

    private let p: UnsafePointer<UInt8>
    private let n: Int
    private var i = 0
    private var currentKey = ""

    private init(_ line: UnsafeRawBufferPointer) {
        // An empty buffer may have a nil base address; point at a static byte instead.
        p = line.count > 0 ? line.baseAddress!.assumingMemoryBound(to: UInt8.self) : LineScanner.emptyByte
        n = line.count
    }

    private static let emptyByte: UnsafePointer<UInt8> = {
        let b = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
        b.initialize(to: 0)
        return UnsafePointer(b)
    }()

    /// Whether the line holds only whitespace (such lines are skipped).
    static func isBlank(_ line: UnsafeRawBufferPointer) -> Bool {
        line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }

    /// Scans one line that must hold exactly one JSON object.
    static func scan(_ line: UnsafeRawBufferPointer) throws(ScanError) -> [String: ScannedValue] {
        var s = LineScanner(line)
        return try s.scanObjectLine()
    }

    // MARK: - structure

    private mutating func scanObjectLine() throws(ScanError) -> [String: ScannedValue] {
        skipWhitespace()
        guard i < n else { throw fail("empty line") }
        guard p[i] == UInt8(ascii: "{") else {
            throw fail("expected `{` at the start of a record, found \(describe(p[i]))")
        }
        i += 1
        var captured: [String: ScannedValue] = [:]
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            i += 1
        } else {
            while true {
                skipWhitespace()
                guard peek() == UInt8(ascii: "\"") else { throw fail("expected a quoted key") }
                let key = try parseString()
                skipWhitespace()
                guard peek() == UInt8(ascii: ":") else { throw fail("expected `:` after key \"\(key)\"") }
                i += 1
                skipWhitespace()
                if Self.capturedKeys.contains(key) {
                    currentKey = key
                    captured[key] = try captureValue()
                } else {
                    currentKey = key
                    try skipValue(depth: 1)
                }
                skipWhitespace()
                guard let c = peek() else { throw fail("the line ends inside the object (missing `}`)") }
                i += 1
                if c == UInt8(ascii: ",") { continue }
                if c == UInt8(ascii: "}") { break }
                i -= 1
                throw fail("expected `,` or `}` after the value of \"\(key)\", found \(describe(c))")
            }
        }
        skipWhitespace()
        if i < n { throw fail("unexpected \(describe(p[i])) after the end of the record") }
        return captured
    }

    private mutating func captureValue() throws(ScanError) -> ScannedValue {
        guard let c = peek() else { throw fail("missing value") }
        switch c {
        case UInt8(ascii: "\""):
            return .string(try parseString())
        case UInt8(ascii: "["):
            let start = i
            if let numbers = try parseNumberArray() { return .numbers(numbers) }
            i = start
            try skipValue(depth: 1)
            return .other
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "N"), UInt8(ascii: "I"):
            return .number(try parseNumber())
        default:
            try skipValue(depth: 1)
            return .other
        }
    }

    /// Parses `[n, n, ...]`; returns nil (position unspecified) when an element is not a number.
    private mutating func parseNumberArray() throws(ScanError) -> [Double]? {
        i += 1 // [
        var out: [Double] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") { i += 1; return out }
        while true {
            skipWhitespace()
            guard let c = peek() else { throw fail("the line ends inside an array (missing `]`)") }
            if !(c == UInt8(ascii: "-") || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"))
                 || c == UInt8(ascii: "N") || c == UInt8(ascii: "I") || c == UInt8(ascii: "+")
                 || c == UInt8(ascii: "i") || (c == UInt8(ascii: "n") && !matches("null"))) {
                return nil
            }
            out.append(try parseNumber())
            skipWhitespace()
            guard let d = peek() else { throw fail("the line ends inside an array (missing `]`)") }
            i += 1
            if d == UInt8(ascii: ",") { continue }
            if d == UInt8(ascii: "]") { return out }
            i -= 1
            throw fail("expected `,` or `]` in the array \"\(currentKey)\", found \(describe(d))")
        }
    }

    private mutating func skipValue(depth: Int) throws(ScanError) {
        guard depth <= Self.maxDepth else { throw fail("nesting deeper than \(Self.maxDepth) levels") }
        guard let c = peek() else { throw fail("missing value") }
        switch c {
        case UInt8(ascii: "\""):
            try skipString()
        case UInt8(ascii: "{"):
            i += 1
            skipWhitespace()
            if peek() == UInt8(ascii: "}") { i += 1; return }
            while true {
                skipWhitespace()
                guard peek() == UInt8(ascii: "\"") else { throw fail("expected a quoted key") }
                try skipString()
                skipWhitespace()
                guard peek() == UInt8(ascii: ":") else { throw fail("expected `:` after a key") }
                i += 1
                skipWhitespace()
                try skipValue(depth: depth + 1)
                skipWhitespace()
                guard let d = peek() else { throw fail("the line ends inside an object (missing `}`)") }
                i += 1
                if d == UInt8(ascii: ",") { continue }
                if d == UInt8(ascii: "}") { return }
                i -= 1
                throw fail("expected `,` or `}`, found \(describe(d))")
            }
        case UInt8(ascii: "["):
            i += 1
            skipWhitespace()
            if peek() == UInt8(ascii: "]") { i += 1; return }
            while true {
                skipWhitespace()
                try skipValue(depth: depth + 1)
                skipWhitespace()
                guard let d = peek() else { throw fail("the line ends inside an array (missing `]`)") }
                i += 1
                if d == UInt8(ascii: ",") { continue }
                if d == UInt8(ascii: "]") { return }
                i -= 1
                throw fail("expected `,` or `]`, found \(describe(d))")
            }
        case UInt8(ascii: "t"):
            try expectLiteral("true")
        case UInt8(ascii: "f"):
            try expectLiteral("false")
        case UInt8(ascii: "n") where matches("null"):
            i += 4
        default:
            _ = try parseNumber()
        }
    }

    // MARK: - tokens

    /// Literal tokens some writers emit for non-finite floats; recognised so the error says so.
    private static let nonFiniteTokens = ["-Infinity", "+Infinity", "Infinity", "-NaN", "NaN", "-inf", "+inf", "inf", "-nan", "nan"]

    private mutating func parseNumber() throws(ScanError) -> Double {
        let start = i
        if let c = peek(), !Self.isDigit(c), c != UInt8(ascii: "-") || (i + 1 < n && !Self.isDigit(p[i + 1])) {
            // Not a plain number: name the non-finite literal if that is what it is.
            for token in Self.nonFiniteTokens where matches(token) {
                throw ScanError(kind: .nonFiniteLiteral(token), column: start + 1)
            }
        }
        var negative = false
        if peek() == UInt8(ascii: "-") { negative = true; i += 1 }
        guard let first = peek(), first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") else {
            throw fail(i < n ? "expected a value, found \(describe(p[i]))" : "missing value")
        }
        var mantissa: UInt64 = 0
        var significant = 0
        var exponent = 0
        var exact = true
        if first == UInt8(ascii: "0") {
            i += 1
        } else {
            while i < n, p[i] >= UInt8(ascii: "0"), p[i] <= UInt8(ascii: "9") {
                if significant < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(p[i] &- UInt8(ascii: "0"))
                    significant += 1
                } else {
                    exponent += 1
                    if p[i] != UInt8(ascii: "0") { exact = false }
                }
                i += 1
            }
        }
        if i < n, p[i] == UInt8(ascii: ".") {
            i += 1
            guard i < n, p[i] >= UInt8(ascii: "0"), p[i] <= UInt8(ascii: "9") else {
                throw fail("a digit must follow the decimal point")
            }
            while i < n, p[i] >= UInt8(ascii: "0"), p[i] <= UInt8(ascii: "9") {
                let d = p[i] &- UInt8(ascii: "0")
                if significant < 19 {
                    if mantissa != 0 || d != 0 { significant += 1 }
                    mantissa = mantissa &* 10 &+ UInt64(d)
                    exponent -= 1
                } else if d != 0 {
                    exact = false
                }
                i += 1
            }
        }
        if i < n, p[i] == UInt8(ascii: "e") || p[i] == UInt8(ascii: "E") {
            i += 1
            var expNegative = false
            if i < n, p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-") {
                expNegative = p[i] == UInt8(ascii: "-")
                i += 1
            }
            guard i < n, p[i] >= UInt8(ascii: "0"), p[i] <= UInt8(ascii: "9") else {
                throw fail("a digit must follow the exponent marker")
            }
            var e = 0
            while i < n, p[i] >= UInt8(ascii: "0"), p[i] <= UInt8(ascii: "9") {
                if e < 100_000 { e = e * 10 + Int(p[i] - UInt8(ascii: "0")) }
                i += 1
            }
            exponent += expNegative ? -e : e
        }
        if i < n, Self.continuesNumber(p[i]) {
            throw fail("invalid number: unexpected \(describe(p[i]))")
        }
        let value: Double
        if exact, mantissa <= (1 << 53), exponent >= -22, exponent <= 22 {
            // Clinger's fast path: both operands exact, so one IEEE operation rounds correctly.
            let m = Double(mantissa)
            value = exponent >= 0 ? m * Self.powersOfTen[exponent] : m / Self.powersOfTen[-exponent]
        } else {
            value = slowParse(from: negative ? start + 1 : start, to: i)
        }
        guard value.isFinite else {
            throw ScanError(kind: .nonFiniteNumber(field: currentKey), column: start + 1)
        }
        return negative ? -value : value
    }

    /// strtod on the validated token (copied to a NUL-terminated buffer): correctly rounded.
    private func slowParse(from: Int, to: Int) -> Double {
        let length = to - from
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: length + 1) { buf in
            for k in 0..<length { buf[k] = CChar(bitPattern: p[from + k]) }
            buf[length] = 0
            return strtod(buf.baseAddress!, nil)
        }
    }

    private static let powersOfTen: [Double] = (0...22).map { k in
        var v = 1.0
        for _ in 0..<k { v *= 10 } // exact: every 10^k for k ≤ 22 is a Double
        return v
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }

    private static func continuesNumber(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c == UInt8(ascii: ".")
            || c == UInt8(ascii: "e") || c == UInt8(ascii: "E") || c == UInt8(ascii: "+")
            || c == UInt8(ascii: "-") || (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z"))
            || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
    }

    private mutating func skipString() throws(ScanError) {
        i += 1
        while i < n {
            let c = p[i]
            if c == UInt8(ascii: "\"") { i += 1; return }
            if c == UInt8(ascii: "\\") {
                i += 1
                guard i < n else { break }
                if p[i] == UInt8(ascii: "u") {
                    guard i + 4 < n, (1...4).allSatisfy({ Self.hexValue(p[i + $0]) != nil }) else {
                        throw fail("\\u must be followed by four hex digits")
                    }
                    i += 4
                } else if !Self.simpleEscapes.keys.contains(p[i]) {
                    throw fail("invalid escape \\\(Character(UnicodeScalar(p[i])))")
                }
            } else if c < 0x20 {
                throw fail("control character 0x\(String(c, radix: 16)) inside a string (escape it)")
            }
            i += 1
        }
        throw fail("unterminated string")
    }

    private mutating func parseString() throws(ScanError) -> String {
        let start = i + 1
        var j = start
        while j < n, p[j] != UInt8(ascii: "\""), p[j] != UInt8(ascii: "\\"), p[j] >= 0x20 { j += 1 }
        if j < n, p[j] == UInt8(ascii: "\"") {
            i = j + 1
            return String(decoding: UnsafeBufferPointer(start: p + start, count: j - start), as: UTF8.self)
        }
        // Slow path: escapes.
        i = start - 1
        let begin = i
        try skipString()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(i - begin)
        var k = begin + 1
        while k < i - 1 {
            let c = p[k]
            if c != UInt8(ascii: "\\") { bytes.append(c); k += 1; continue }
            k += 1
            if let simple = Self.simpleEscapes[p[k]] {
                bytes.append(simple)
                k += 1
                continue
            }
            var scalar = hex4(at: k + 1)
            k += 5
            if (0xD800...0xDBFF).contains(scalar), k + 5 < n, p[k] == UInt8(ascii: "\\"), p[k + 1] == UInt8(ascii: "u") {
                let low = hex4(at: k + 2)
                if (0xDC00...0xDFFF).contains(low) {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    k += 6
                }
            }
            let u = UnicodeScalar(scalar) ?? "\u{FFFD}"
            bytes.append(contentsOf: Array(String(Character(u)).utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func hex4(at k: Int) -> UInt32 {
        (0..<4).reduce(UInt32(0)) { $0 << 4 | UInt32(Self.hexValue(p[k + $1]) ?? 0) }
    }

    private static let simpleEscapes: [UInt8: UInt8] = [
        UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "/"): 0x2F,
        UInt8(ascii: "b"): 0x08, UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A,
        UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
    ]

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private mutating func expectLiteral(_ word: String) throws(ScanError) {
        guard matches(word) else { throw fail("expected `\(word)`") }
        i += word.utf8.count
    }

    private func matches(_ word: String) -> Bool {
        var k = i
        for b in word.utf8 {
            guard k < n, p[k] == b else { return false }
            k += 1
        }
        return true
    }

    private mutating func skipWhitespace() {
        while i < n, p[i] == 0x20 || p[i] == 0x09 || p[i] == 0x0D || p[i] == 0x0A { i += 1 }
    }

    private func peek() -> UInt8? { i < n ? p[i] : nil }

    private func describe(_ c: UInt8) -> String {
        c >= 0x20 && c < 0x7F ? "`\(Character(UnicodeScalar(c)))`" : "byte 0x\(String(c, radix: 16))"
    }

    private func fail(_ message: String) -> ScanError {
        ScanError(kind: .malformed(message), column: i + 1)
    }
}
