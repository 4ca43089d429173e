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

extension EventStore {
    /// Stores an event as a node stores a verified one (`false`: already there); durable after
    /// `commit()`. Public for measuring the store's cost on its own (`NodeEventFloor`).
    @discardableResult
    public func insert(_ event: NostrEvent) throws(StoreError) -> Bool {
        try insert(
            StoredEventRow(
                id: event.id, pubkey: event.pubkey, createdAt: event.createdAt, kind: event.kind,
                tags: event.tags, json: event.jsonBytes()))
    }
}
