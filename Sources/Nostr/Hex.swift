/// Lowercase hex, the only spelling NIP-01 allows for ids, public keys and signatures.
enum Hex {
    private static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Encodes bytes as lowercase hex.
    static func encode<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes exactly `byteCount` bytes of lowercase hex; `nil` for any other length or an
    /// uppercase/non-hex character (NIP-01 requires lowercase, so uppercase is malformed).
    /// Every verification decodes an id, a key and a signature: the loop writes straight into the
    /// new array and checks validity once at the end, with no branch per character.
    static func decodeLowercase(_ text: String, byteCount: Int) -> [UInt8]? {
        var text = text
        return text.withUTF8 { utf8 -> [UInt8]? in
            guard utf8.count == byteCount * 2 else { return nil }
            var invalid: UInt8 = 0
            let out = [UInt8](unsafeUninitializedCapacity: byteCount) { buffer, initializedCount in
                for index in 0..<byteCount {
                    let high = value(utf8[2 * index]), low = value(utf8[2 * index + 1])
                    invalid |= high.invalid | low.invalid
                    buffer[index] = high.nibble << 4 | low.nibble
                }
                initializedCount = byteCount
            }
            return invalid == 0 ? out : nil
        }
    }

    /// True when `text` is exactly `byteCount` bytes of lowercase hex.
    static func isLowercase(_ text: String, byteCount: Int) -> Bool {
        guard text.utf8.count == byteCount * 2 else { return false }
        return text.utf8.allSatisfy { nibble($0) != nil }
    }

    @inline(__always)
    private static func nibble(_ character: UInt8) -> UInt8? {
        let found = value(character)
        return found.invalid == 0 ? found.nibble : nil
    }

    /// A lowercase hex digit's value, and `invalid` 1 for any other character (whose `nibble`
    /// means nothing): selects rather than branches, so a loop over a key runs straight through.
    @inline(__always)
    private static func value(_ character: UInt8) -> (nibble: UInt8, invalid: UInt8) {
        let digit = character &- UInt8(ascii: "0"), letter = character &- UInt8(ascii: "a")
        let isDigit = digit < 10
        let isLetter = letter < 6
        return (isDigit ? digit : (letter &+ 10) & 0x0F, isDigit || isLetter ? 0 : 1)
    }
}
