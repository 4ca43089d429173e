/// Appends compact RFC 8259 JSON to a byte buffer: the one JSON writer of MeshBench (Nostr
/// messages, BTP-NIPs payloads, samples records). Hand-written because relays serialise every
/// event they forward and bench writes millions of sample values, both while being measured.
/// Callers write punctuation and member names with `append(ascii:)`; strings are escaped here.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []

    public init(reservingCapacity capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    /// The bytes written, handed over without a copy.
    public consuming func finish() -> [UInt8] {
        bytes
    }

    public mutating func append(byte: UInt8) {
        bytes.append(byte)
    }

    /// Bytes that are already JSON (or, for NIP-01's id, deliberately not): copied as they are.
    public mutating func append(raw: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: raw)
    }

    public mutating func append(raw: [UInt8]) {
        bytes.append(contentsOf: raw)
    }

    public mutating func append(ascii text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    public mutating func append(bool value: Bool) {
        append(ascii: value ? "true" : "false")
    }

    /// A decimal integer, without going through `String` (hot path of event ids and samples).
    public mutating func append(integer value: Int64) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var scratch: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes hold the 20 digits of UInt64.max
        withUnsafeMutableBytes(of: &scratch) { digits in
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude != 0
            bytes.append(contentsOf: digits[start...])
        }
    }

    public mutating func append(integer value: Int) {
        append(integer: Int64(value))
    }

    /// A finite Double: integral values below 2^53 print as integers (`-0` keeps its sign), others
    /// in Swift's shortest round-trip form (`0.1`, `1e-05`). Callers refuse non-finite values first.
    public mutating func append(number value: Double) {
        if value == value.rounded(), abs(value) < 9_007_199_254_740_992 {
            if value == 0 && value.sign == .minus { return append(ascii: "-0") }
            append(integer: Int64(value))
        } else {
            bytes.append(contentsOf: value.description.utf8)
        }
    }

    /// `"…"`, escaping what RFC 8259 requires: `"` and `\`, the control characters as `\n \r \t \b \f`
    /// or `\u00XX`. Everything else is written as its UTF-8 bytes.
    public mutating func append(string value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { appendEscaped($0) }
        bytes.append(UInt8(ascii: "\""))
    }

    /// `["a","b",…]`
    public mutating func append(strings values: [String]) {
        appendArray(values) { $0.append(string: $1) }
    }

    /// `[1,2.5,…]`
    public mutating func append(numbers values: [Double]) {
        appendArray(values) { $0.append(number: $1) }
    }

    /// `[1,2,…]`
    public mutating func append(integers values: [Int]) {
        appendArray(values) { $0.append(integer: $1) }
    }

    /// `[e0,e1,…]`, each element written by `element`. Inlinable so that callers in other modules
    /// get it specialized: unspecialized, every call looked up generic metadata at run time (0.5 %
    /// of a capacity ramp's CPU, serialising each stored event's and each verified id's tags).
    @inlinable
    public mutating func appendArray<Element>(_ values: [Element], _ element: (inout JSONWriter, Element) -> Void) {
        append(byte: UInt8(ascii: "["))
        for index in values.indices {
            if index > 0 { append(byte: UInt8(ascii: ",")) }
            element(&self, values[index])
        }
        append(byte: UInt8(ascii: "]"))
    }

    /// Copies unescaped runs in bulk and escapes only the bytes that need it.
    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        for index in 0..<utf8.count {
            let byte = utf8[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            bytes.append(UInt8(ascii: "\\"))
            if let escape = Self.namedEscape(byte) {
                bytes.append(escape)
            } else {
                bytes.append(contentsOf: [
                    UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                    Self.hexDigit(byte >> 4), Self.hexDigit(byte & 0x0F),
                ])
            }
            runStart = index + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
    }

    /// The letter of JSON's short escape for `byte` (`n` for a line feed…), nil for `\u00XX` ones.
    public static func namedEscape(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x0A: UInt8(ascii: "n")
        case 0x22: UInt8(ascii: "\"")
        case 0x5C: UInt8(ascii: "\\")
        case 0x0D: UInt8(ascii: "r")
        case 0x09: UInt8(ascii: "t")
        case 0x08: UInt8(ascii: "b")
        case 0x0C: UInt8(ascii: "f")
        default: nil
        }
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }
}
