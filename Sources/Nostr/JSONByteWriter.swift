/// Appends compact JSON to a byte buffer. Hand-written because the event id is a hash of these exact
/// bytes (NIP-01 forbids any formatting freedom) and because relays serialize every event they forward.
struct JSONByteWriter {
    /// How string contents are escaped.
    enum Escaping {
        /// NIP-01's id rule: only `\n \" \\ \r \t \b \f` are escaped; every other character, including
        /// the remaining control characters 0x00–0x1F, DEL and non-ASCII, is written verbatim as UTF-8.
        case nip01Canonical
        /// Valid RFC 8259 JSON for the wire: NIP-01's escapes plus `\u00XX` for the other control
        /// characters (RFC 8259 forbids them raw). Decodes back to the same string, hence the same id.
        case wire
    }

    private(set) var bytes: [UInt8] = []

    init(reservingCapacity capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    mutating func append(byte: UInt8) {
        bytes.append(byte)
    }

    mutating func append(ascii text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func append(bool value: Bool) {
        append(ascii: value ? "true" : "false")
    }

    /// Writes a decimal integer without going through `String` (hot path of id computation).
    mutating func append(integer value: Int64) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var scratch: (UInt64, UInt64, UInt64) = (0, 0, 0) // 24 bytes hold the 20 digits of UInt64.max
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

    mutating func append(integer value: Int) {
        append(integer: Int64(value))
    }

    /// Writes `"…"` with the given escaping.
    mutating func append(string value: String, escaping: Escaping) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { appendEscaped($0, escaping: escaping) }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Writes `["a","b",…]`.
    mutating func append(stringArray values: [String], escaping: Escaping) {
        bytes.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            append(string: value, escaping: escaping)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Copies unescaped runs in bulk and escapes only the bytes that need it.
    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>, escaping: Escaping) {
        var runStart = 0
        for index in 0..<utf8.count {
            let byte = utf8[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            let escape: UInt8?
            switch byte {
            case 0x0A: escape = UInt8(ascii: "n")
            case 0x22: escape = UInt8(ascii: "\"")
            case 0x5C: escape = UInt8(ascii: "\\")
            case 0x0D: escape = UInt8(ascii: "r")
            case 0x09: escape = UInt8(ascii: "t")
            case 0x08: escape = UInt8(ascii: "b")
            case 0x0C: escape = UInt8(ascii: "f")
            default: escape = nil
            }
            if escape == nil && escaping == .nip01Canonical { continue } // verbatim per NIP-01
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            bytes.append(UInt8(ascii: "\\"))
            if let escape {
                bytes.append(escape)
            } else {
                bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                          Self.hexDigit(byte >> 4), Self.hexDigit(byte & 0x0F)])
            }
            runStart = index + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }
}
