import Hashing
import JSON

extension NostrEvent {
    /// The NIP-01 serialization `[0,pubkey,created_at,kind,tags,content]` whose SHA-256 is the id:
    /// compact, UTF-8, and only `\n \" \\ \r \t \b \f` escaped. NIP-01 says "all other characters
    /// must be included verbatim", so the other control characters (0x00–0x1F) are emitted as raw
    /// bytes here — unlike `JSON.stringify`, serde_json or Python's `json.dumps`, which write `\u00XX`.
    /// Events containing such characters are the only place those implementations can disagree with us.
    /// This is why the id is written here and not by `JSONWriter`, which writes only valid JSON.
    public func canonicalJSON() -> [UInt8] {
        var writer = JSONWriter(reservingCapacity: 160 + content.utf8.count + tags.count * 80)
        writer.append(ascii: "[0,")
        writer.appendNIP01(string: pubkey)
        writer.append(byte: UInt8(ascii: ","))
        writer.append(integer: createdAt)
        writer.append(byte: UInt8(ascii: ","))
        writer.append(integer: kind)
        writer.append(byte: UInt8(ascii: ","))
        writer.appendArray(tags) { writer, tag in writer.appendArray(tag) { $0.appendNIP01(string: $1) } }
        writer.append(byte: UInt8(ascii: ","))
        writer.appendNIP01(string: content)
        writer.append(byte: UInt8(ascii: "]"))
        return writer.bytes
    }

    /// Lowercase hex SHA-256 of `canonicalJSON()`: what `id` must equal.
    public func computeID() -> String {
        Hex.encode(computeIDBytes())
    }

    /// The 32-byte id digest, which is also the BIP-340 message that `sig` signs.
    func computeIDBytes() -> [UInt8] {
        SHA256.hash(canonicalJSON()).bytes
    }
}

extension JSONWriter {
    /// `"…"` with NIP-01's id rule: JSON's named escapes only; every other byte, the remaining
    /// control characters included, verbatim. Unescaped runs are copied in bulk.
    mutating func appendNIP01(string value: String) {
        append(byte: UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var runStart = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\"),
                    let escape = JSONWriter.namedEscape(byte)
                else { continue }
                append(raw: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                append(byte: UInt8(ascii: "\\"))
                append(byte: escape)
                runStart = index + 1
            }
            append(raw: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        append(byte: UInt8(ascii: "\""))
    }
}
