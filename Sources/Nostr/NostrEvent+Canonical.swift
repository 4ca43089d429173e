import Crypto

extension NostrEvent {
    /// The NIP-01 serialization `[0,pubkey,created_at,kind,tags,content]` whose SHA-256 is the id:
    /// compact, UTF-8, and only `\n \" \\ \r \t \b \f` escaped. NIP-01 says "all other characters
    /// must be included verbatim", so the other control characters (0x00–0x1F) are emitted as raw
    /// bytes here — unlike `JSON.stringify`, serde_json or Python's `json.dumps`, which write `\u00XX`.
    /// Events containing such characters are the only place those implementations can disagree with us.
    public func canonicalJSON() -> [UInt8] {
        var writer = JSONByteWriter(reservingCapacity: 160 + content.utf8.count + tags.count * 80)
        writer.append(ascii: "[0,")
        writer.append(string: pubkey, escaping: .nip01Canonical)
        writer.append(byte: UInt8(ascii: ","))
        writer.append(integer: createdAt)
        writer.append(byte: UInt8(ascii: ","))
        writer.append(integer: kind)
        writer.append(byte: UInt8(ascii: ","))
        writer.appendTags(tags, escaping: .nip01Canonical)
        writer.append(byte: UInt8(ascii: ","))
        writer.append(string: content, escaping: .nip01Canonical)
        writer.append(byte: UInt8(ascii: "]"))
        return writer.bytes
    }

    /// Lowercase hex SHA-256 of `canonicalJSON()`: what `id` must equal.
    public func computeID() -> String {
        Hex.encode(computeIDBytes())
    }

    /// The 32-byte id digest, which is also the BIP-340 message that `sig` signs.
    func computeIDBytes() -> [UInt8] {
        Array(SHA256.hash(data: canonicalJSON()))
    }
}

extension JSONByteWriter {
    /// Writes `[["e","…"],["p","…"]]`.
    mutating func appendTags(_ tags: [[String]], escaping: Escaping) {
        append(byte: UInt8(ascii: "["))
        for (index, tag) in tags.enumerated() {
            if index > 0 { append(byte: UInt8(ascii: ",")) }
            append(stringArray: tag, escaping: escaping)
        }
        append(byte: UInt8(ascii: "]"))
    }
}
