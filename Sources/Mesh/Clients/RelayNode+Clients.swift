import Nostr

/// Where a node hands the events it accepts for its NIP-01 client subscriptions.
protocol ClientDelivery: AnyObject {
    /// Delivers `event` to the matching client subscriptions; returns how many matched.
    func deliverToClients(_ event: NostrEvent) -> Int
}

extension RelayNode {
    /// An `EVENT` from a NIP-01 client: verified, then published like a local event — stored,
    /// delivered to matching subscriptions and paid forward to the peers over BTP-NIPs with the
    /// node's TTL and `amountToPublish`. Returns the `OK` to answer (NIP-01 prefixes).
    func acceptFromClient(_ event: NostrEvent, now: UInt64) -> (accepted: Bool, message: String) {
        if dedup.contains(event.id) { return (true, "duplicate: already have this event") }
        counters.verifications += 1
        do {
            try event.verify()
        } catch {
            counters.verificationFailures += 1
            return (false, "invalid: \(error)")
        }
        do {
            try publish(event, amount: config.amountToPublish(kind: event.kind), now: now)
        } catch {
            return (false, "error: could not store the event: \(error)")
        }
        return (true, "")
    }
}
