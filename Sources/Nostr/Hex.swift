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
    static func decodeLowercase(_ text: String, byteCount: Int) -> [UInt8]? {
        var text = text
        return text.withUTF8 { utf8 -> [UInt8]? in
            guard utf8.count == byteCount * 2 else { return nil }
            var out = [UInt8](repeating: 0, count: byteCount)
            for index in 0..<byteCount {
                guard let high = nibble(utf8[2 * index]), let low = nibble(utf8[2 * index + 1]) else { return nil }
                out[index] = high << 4 | low
            }
            return out
        }
    }

    /// True when `text` is exactly `byteCount` bytes of lowercase hex.
    static func isLowercase(_ text: String, byteCount: Int) -> Bool {
        guard text.utf8.count == byteCount * 2 else { return false }
        return text.utf8.allSatisfy { nibble($0) != nil }
    }

    @inline(__always)
    private static func nibble(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return character &- UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return character &- UInt8(ascii: "a") &+ 10
        default: return nil
        }
    }
}
