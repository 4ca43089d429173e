/// A NIP-01 event as it travels on the wire. The struct stores the fields exactly as received;
/// `verify()` is what establishes that they are consistent and signed.
public struct NostrEvent: Codable, Hashable, Sendable {
    /// Lowercase hex SHA-256 of `canonicalJSON()` (64 characters).
    public var id: String
    /// Lowercase hex BIP-340 x-only public key of the author (64 characters).
    public var pubkey: String
    /// Unix time in seconds.
    public var createdAt: Int64
    /// Event kind, 0...65535 per NIP-01.
    public var kind: Int
    /// Tags: arrays of one or more strings; `tags[i][0]` is the name, `tags[i][1]` the indexed value.
    public var tags: [[String]]
    public var content: String
    /// Lowercase hex BIP-340 signature of the id (128 characters).
    public var sig: String

    /// NIP-01's range for `kind`; decoders refuse anything outside it.
    public static let kindRange = 0...65535

    public init(id: String, pubkey: String, createdAt: Int64, kind: Int, tags: [[String]], content: String, sig: String)
    {
        self.id = id
        self.pubkey = pubkey
        self.createdAt = createdAt
        self.kind = kind
        self.tags = tags
        self.content = content
        self.sig = sig
    }

    enum CodingKeys: String, CodingKey {
        case id, pubkey
        case createdAt = "created_at"
        case kind, tags, content, sig
    }

    /// Decodes with the same rule as the fast path: `kind` must lie in `kindRange`.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(Int.self, forKey: .kind)
        guard Self.kindRange.contains(kind) else {
            throw DecodingError.dataCorruptedError(
                forKey: .kind, in: container, debugDescription: Self.kindOutOfRangeReason(kind))
        }
        self.init(
            id: try container.decode(String.self, forKey: .id),
            pubkey: try container.decode(String.self, forKey: .pubkey),
            createdAt: try container.decode(Int64.self, forKey: .createdAt),
            kind: kind,
            tags: try container.decode([[String]].self, forKey: .tags),
            content: try container.decode(String.self, forKey: .content),
            sig: try container.decode(String.self, forKey: .sig))
    }

    static func kindOutOfRangeReason(_ kind: Int) -> String {
        "kind \(kind) is outside NIP-01's range 0...65535"
    }
}
