import Nostr

extension EventStore {
    /// Stored events matching any of the NIP-01 filters, newest first; `limit` applies per filter.
    public func events(matching filters: [NostrFilter]) throws -> [NostrEvent] {
        let queries = filters.map { filter in
            StoreQuery(
                ids: filter.ids, authors: filter.authors, kinds: filter.kinds,
                tags: filter.tags.sorted { $0.key < $1.key }.map { (name: $0.key, values: $0.value) },
                since: filter.since, until: filter.until, limit: filter.limit)
        }
        return try rawEvents(matching: queries).map { try NostrEvent(json: $0) }
    }
}
