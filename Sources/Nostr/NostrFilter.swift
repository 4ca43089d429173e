/// A NIP-01 subscription filter. Every condition that is present must hold (AND); a list condition
/// holds when at least one of its values matches, so an empty list matches nothing. Several filters
/// in one REQ are OR-ed by the caller (`SubscriptionMatcher` does this per subscription).
public struct NostrFilter: Hashable, Sendable {
    /// Exact 64-character lowercase hex event ids (NIP-01 no longer allows prefixes).
    public var ids: [String]?
    /// Exact 64-character lowercase hex public keys.
    public var authors: [String]?
    public var kinds: [Int]?
    /// Tag conditions keyed by the single tag letter without `#` (`"e"` for JSON `"#e"`): the event
    /// needs a tag with that name whose value (second element) is in the list.
    public var tags: [String: [String]]
    /// Inclusive lower bound on `created_at`.
    public var since: Int64?
    /// Inclusive upper bound on `created_at`.
    public var until: Int64?
    /// How many stored events the initial query should return; ignored when matching live events.
    public var limit: Int?

    public init(
        ids: [String]? = nil, authors: [String]? = nil, kinds: [Int]? = nil, tags: [String: [String]] = [:],
        since: Int64? = nil, until: Int64? = nil, limit: Int? = nil
    ) {
        self.ids = ids
        self.authors = authors
        self.kinds = kinds
        self.tags = tags
        self.since = since
        self.until = until
        self.limit = limit
    }

    /// NIP-01 semantics; `limit` plays no part.
    public func matches(_ event: NostrEvent) -> Bool {
        if let since, event.createdAt < since { return false }
        if let until, event.createdAt > until { return false }
        if let kinds, !kinds.contains(event.kind) { return false }
        if let authors, !authors.containsSameUTF8(event.pubkey) { return false }
        if let ids, !ids.containsSameUTF8(event.id) { return false }
        for (name, values) in tags where !Self.event(event, hasTag: name, valueIn: values) {
            return false
        }
        return true
    }

    /// Only the first value of a tag (its second element) is indexed, per NIP-01. Strings compare
    /// byte for byte, not by Unicode canonical equivalence.
    private static func event(_ event: NostrEvent, hasTag name: String, valueIn values: [String]) -> Bool {
        event.tags.contains { tag in tag.count >= 2 && tag[0].hasSameUTF8(as: name) && values.containsSameUTF8(tag[1]) }
    }
}
