import NIOCore
import Nostr

/// A node's NIP-01 client connections and their subscriptions: who asked for what, and the
/// delivery of every event the node accepts to the subscriptions it matches. Lives on the node's
/// event loop like the node itself, so it takes no locks.
final class ClientHub {
    /// Subscriptions one connection may hold; a REQ beyond it is answered `CLOSED`.
    static let subscriptionLimit = 64
    /// Stored events a REQ filter returns at most (its `limit` is lowered to this).
    static let storedEventLimit = 5_000

    struct SubscriptionKey: Hashable {
        let client: ObjectIdentifier
        let id: String
    }

    private var links: [ObjectIdentifier: ClientLink] = [:]
    private var subscriptions: [ObjectIdentifier: Set<String>] = [:]
    private var matcher = SubscriptionMatcher<SubscriptionKey>()
    private var dirty: [ClientLink] = []

    var connectionCount: Int { links.count }

    func opened(_ client: ClientLink) {
        links[ObjectIdentifier(client)] = client
    }

    func closed(_ client: ClientLink) {
        let key = ObjectIdentifier(client)
        for id in subscriptions.removeValue(forKey: key) ?? [] { matcher.remove(SubscriptionKey(client: key, id: id)) }
        links[key] = nil
    }

    func send(_ message: NostrMessage, to client: ClientLink) {
        client.send(message.jsonBytes())
        dirty.append(client)
    }

    /// Registers a subscription (a reused id replaces the old one); false when over the limit.
    func subscribe(_ client: ClientLink, id: String, filters: [NostrFilter]) -> Bool {
        let key = ObjectIdentifier(client)
        var held = subscriptions[key, default: []]
        guard held.contains(id) || held.count < Self.subscriptionLimit else { return false }
        held.insert(id)
        subscriptions[key] = held
        matcher.add(SubscriptionKey(client: key, id: id), filters: filters)
        return true
    }

    func unsubscribe(_ client: ClientLink, id: String) {
        let key = ObjectIdentifier(client)
        subscriptions[key]?.remove(id)
        matcher.remove(SubscriptionKey(client: key, id: id))
    }

    /// Sends `event` to every matching subscription; returns how many.
    func deliver(_ event: NostrEvent) -> Int {
        guard !links.isEmpty else { return 0 }
        let matched = matcher.matches(event)
        for key in matched {
            guard let client = links[key.client] else { continue }
            send(.subscriptionEvent(subscriptionID: key.id, event: event), to: client)
        }
        return matched.count
    }

    /// Closes every client connection (node stop); completes as each socket closes.
    func closeAll() -> [EventLoopFuture<Void>] {
        links.values.map { client in
            client.close(code: .goingAway)
            return client.channel.closeFuture
        }
    }

    /// Flushes every connection written to since the last flush.
    func flush() {
        for client in dirty { client.flush() }
        dirty.removeAll(keepingCapacity: true)
    }
}
