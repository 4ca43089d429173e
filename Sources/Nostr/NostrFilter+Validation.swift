extension NostrFilter {
    /// Tag letters whose values NIP-01 requires to be exact 64-character lowercase hex.
    static let hexTagLetters: Set<String> = ["e", "p"]

    /// The tag letter of a JSON member name such as `#e`, or `nil` if it is not `#` + one ASCII letter.
    static func tagLetter(ofMemberName name: String) -> String? {
        let utf8 = name.utf8
        guard utf8.count == 2, utf8.first == UInt8(ascii: "#"), let letter = utf8.last,
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(letter | 0x20)
        else { return nil }
        return String(decoding: [letter], as: UTF8.self)
    }

    /// Applies NIP-01's value rules that JSON types alone do not express. `path` names the filter in
    /// errors (for example `REQ[2]`).
    func validate(path: String) throws(NostrDecodingError) {
        try Self.requireHex(ids, "\(path).ids")
        try Self.requireHex(authors, "\(path).authors")
        for (letter, values) in tags {
            guard Self.tagLetter(ofMemberName: "#" + letter) != nil else {
                throw .invalidValue(
                    field: "\(path).#\(letter)", reason: "tag filters are # followed by one letter a-z or A-Z")
            }
            if Self.hexTagLetters.contains(letter) { try Self.requireHex(values, "\(path).#\(letter)") }
        }
        for (index, kind) in (kinds ?? []).enumerated() where !NostrEvent.kindRange.contains(kind) {
            throw .invalidValue(field: "\(path).kinds[\(index)]", reason: NostrEvent.kindOutOfRangeReason(kind))
        }
        if let limit, limit < 0 {
            throw .invalidValue(field: "\(path).limit", reason: "limit \(limit) is negative; use 0 or more")
        }
    }

    private static func requireHex(_ values: [String]?, _ field: String) throws(NostrDecodingError) {
        for (index, value) in (values ?? []).enumerated() where !Hex.isLowercase(value, byteCount: 32) {
            throw .invalidValue(
                field: "\(field)[\(index)]",
                reason:
                    "\"\(value.prefix(80))\" is not 64 lowercase hex characters; NIP-01 requires exact full-length values"
            )
        }
    }
}
