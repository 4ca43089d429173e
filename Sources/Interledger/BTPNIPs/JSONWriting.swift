/// Appends JSON text to a byte array directly (no Foundation encoder), for the BTP-NIPs hot path.
extension Array where Element == UInt8 {
    /// Appends `string` as a JSON string literal: `"` and `\` escaped, control characters as
    /// `\n`-style or `\u00XX` escapes, everything else as its UTF-8 bytes.
    mutating func appendJSONString(_ string: String) {
        append(UInt8(ascii: "\""))
        // Fast path: most strings (addresses, amounts, purposes) need no escaping at all.
        let copied = string.utf8.withContiguousStorageIfAvailable { utf8 -> Bool in
            guard !utf8.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 < 0x20 }) else { return false }
            append(contentsOf: utf8)
            return true
        }
        if copied == true {
            append(UInt8(ascii: "\""))
            return
        }
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): append(UInt8(ascii: "\\")); append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): append(UInt8(ascii: "\\")); append(UInt8(ascii: "\\"))
            case 0x0A: append(UInt8(ascii: "\\")); append(UInt8(ascii: "n"))
            case 0x0D: append(UInt8(ascii: "\\")); append(UInt8(ascii: "r"))
            case 0x09: append(UInt8(ascii: "\\")); append(UInt8(ascii: "t"))
            case 0x08: append(UInt8(ascii: "\\")); append(UInt8(ascii: "b"))
            case 0x0C: append(UInt8(ascii: "\\")); append(UInt8(ascii: "f"))
            case 0..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                    hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: append(byte)
            }
        }
        append(UInt8(ascii: "\""))
    }

    /// Appends a JSON integer.
    mutating func appendJSONInteger<T: BinaryInteger>(_ value: T) {
        append(contentsOf: String(value).utf8)
    }

    /// Appends ASCII text as is (keys and punctuation).
    mutating func appendASCII(_ text: StaticString) {
        text.withUTF8Buffer { append(contentsOf: $0) }
    }
}
