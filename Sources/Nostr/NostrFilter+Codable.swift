/// `Codable` with NIP-01's member names (`"#e"` for tag filters), for callers that embed filters in
/// their own Codable documents. Same rules as `init(json:)`.
extension NostrFilter: Codable {
    private struct MemberName: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: MemberName.self)
        self.init()
        for key in container.allKeys {
            switch key.stringValue {
            case "ids": ids = try container.decode([String].self, forKey: key)
            case "authors": authors = try container.decode([String].self, forKey: key)
            case "kinds": kinds = try container.decode([Int].self, forKey: key)
            case "since": since = try container.decode(Int64.self, forKey: key)
            case "until": until = try container.decode(Int64.self, forKey: key)
            case "limit": limit = try container.decode(Int.self, forKey: key)
            default:
                guard let letter = Self.tagLetter(ofMemberName: key.stringValue) else {
                    throw DecodingError.dataCorruptedError(
                        forKey: key, in: container,
                        debugDescription:
                            "unknown filter member \"\(key.stringValue)\"; NIP-01 filters have ids, authors, kinds, #<letter>, since, until, limit"
                    )
                }
                tags[letter] = try container.decode([String].self, forKey: key)
            }
        }
        do {
            try validate(path: "filter")
        } catch {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: error.description, underlyingError: error))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: MemberName.self)
        try container.encodeIfPresent(ids, forKey: MemberName("ids"))
        try container.encodeIfPresent(authors, forKey: MemberName("authors"))
        try container.encodeIfPresent(kinds, forKey: MemberName("kinds"))
        for letter in tags.keys.sorted() {
            try container.encode(tags[letter]!, forKey: MemberName("#" + letter))
        }
        try container.encodeIfPresent(since, forKey: MemberName("since"))
        try container.encodeIfPresent(until, forKey: MemberName("until"))
        try container.encodeIfPresent(limit, forKey: MemberName("limit"))
    }
}
