import Foundation
import Hashing
import Interledger
import Nostr

/// An EVENT Prepare that passed the link-level checks, on its way through the pipeline.
struct IncomingEvent {
    let packet: BTPNIPsPacket
    let amount: UInt64
    let peer: Int
    let requestId: UInt32
    let connection: ConnectionID
    let fulfillment: [UInt8]
    /// When its decoding started (reset when it leaves the held work: waiting is not decoding).
    var decodeStart: UInt64
    /// SHA-256 of the raw Nostr message (`packet.nostr`), the cheap duplicate check.
    let message: SHA256Digest
}

extension RelayNode {
    /// price → dedup → verify → store → match and deliver → forward → fulfill (docs/protocol.md).
    func processEvent(_ incoming: IncomingEvent, now: UInt64) {
        let amount = incoming.amount
        func finish(_ result: PrepareAnswer) {
            answer(incoming.requestId, on: incoming.connection, peer: incoming.peer, amount: amount, result: result)
        }
        // A byte-identical copy of an accepted event's message: the same event, so the same
        // price check and the same duplicate answer as below, without decoding its JSON.
        if let kind = dedup.kind(ofMessage: incoming.message) {
            if let underpaid = priceReject(amount: amount, kind: kind) { return finish(.reject(underpaid)) }
            counters.duplicatesDropped += 1
            return finish(.fulfill(incoming.fulfillment))
        }
        guard let event = try? BTPNIPsWire.event(ofEventMessage: incoming.packet.nostr) else {
            return finish(.reject(reject(.F01_invalidPacket, "EVENT is not [\"EVENT\", event]")))
        }
        if let underpaid = priceReject(amount: amount, kind: event.kind) { return finish(.reject(underpaid)) }
        guard !dedup.contains(event.id) else {
            counters.duplicatesDropped += 1
            return finish(.fulfill(incoming.fulfillment))
        }
        var timing = PhaseTiming()
        var mark = MonotonicClock.now()
        timing.decode = mark - incoming.decodeStart

        counters.verifications += 1
        do {
            try event.verify(publicKeys: &publicKeys)
        } catch {
            counters.verificationFailures += 1
            return finish(.reject(reject(.F99_applicationError, "invalid event: \(error)")))
        }
        timing.verify = lap(&mark)
        dedup.insert(event.id, kind: event.kind, message: incoming.message, now: now)

        do {
            try storeEvent(event)
        } catch {
            return finish(.reject(reject(.T00_internalError, "store: \(error)")))
        }
        timing.store = lap(&mark)
        // The arrival is stamped here, once stored, but reported after the forwards: the observer
        // is the harness (a lock, maybe a waiter to wake), not part of any phase of the node.
        let acceptedAt = host?.networkTime ?? now
        // A peer cannot stretch an event's reach past this node's own TTL: a larger TTL is read as
        // ours, which also keeps the hop count (ttl − t + 1) at 1 or more.
        let ttl = min(incoming.packet.metadata.ttl, config.ttl)
        defer {
            observer?.node(id, accepted: event.id, at: acceptedAt, hops: config.ttl - ttl + 1, from: incoming.peer)
        }

        counters.deliveries += localSubscriptions.matches(event).count + (clients?.deliverToClients(event) ?? 0)
        let targets = forwardTargets(for: event, excluding: incoming.peer)
        timing.match = lap(&mark)

        let nextTTL = ttl - 1
        if nextTTL <= 0 {
            counters.ttlExhausted += 1
        } else if amount >= config.routingFee, !targets.isEmpty {
            var forwarded = incoming.packet
            forwarded.metadata.ttl = nextTTL
            forwarded.metadata.sender = address
            forwarded.payment = BTPNIPsPayment(
                msat: amount - config.routingFee, purpose: incoming.packet.payment.purpose)
            do {
                let data = try forwarded.serialize()
                for peer in targets {
                    sendPrepare(
                        data: data, amount: amount - config.routingFee, to: peer, isSubscription: false,
                        creditClass: nextTTL, now: now, afterNanoseconds: config.forwardDelayMicroseconds * 1_000)
                }
            } catch {
                // No peer gets the event, so the upstream sender is not paid for relaying it: the
                // Prepare is rejected (the event stays stored and delivered here), and counted.
                counters.forwardsUnserializable += 1
                return finish(.reject(reject(.F99_applicationError, "cannot forward event \(event.id): \(error)")))
            }
        }
        timing.forward = lap(&mark)
        finish(.fulfill(incoming.fulfillment))
        timings.append(timing)
    }

    /// Publishes a locally signed event: store it, deliver locally, send it to every matching peer
    /// with the configured TTL and `amount`. Transports call `admitPublish`, which waits for credit.
    func publish(_ event: NostrEvent, amount: UInt64, now: UInt64) throws {
        let message = BTPNIPsWire.eventMessage(event)
        guard dedup.insert(event.id, kind: event.kind, message: DedupCache.digest(ofMessage: message), now: now)
        else { return }
        try storeEvent(event)
        observer?.node(id, accepted: event.id, at: host?.networkTime ?? now, hops: 0, from: nil)
        counters.deliveries += localSubscriptions.matches(event).count + (clients?.deliverToClients(event) ?? 0)
        let packet = BTPNIPsPacket(
            type: .event,
            payment: BTPNIPsPayment(msat: amount, purpose: "relay"),
            nostr: message,
            metadata: BTPNIPsMetadata(timestamp: timestampMilliseconds(now), sender: address, ttl: config.ttl))
        let data = try packet.serialize()
        for peer in forwardTargets(for: event, excluding: nil) {
            sendPrepare(
                data: data, amount: amount, to: peer, isSubscription: false, creditClass: config.ttl, now: now,
                afterNanoseconds: config.forwardDelayMicroseconds * 1_000)
        }
    }

    /// Peers whose REQ matches, whose link is up, never the peer the event came from; sorted so
    /// the simulation sends in a reproducible order.
    private func forwardTargets(for event: NostrEvent, excluding source: Int?) -> [Int] {
        var targets = peerSubscriptions.matches(event).filter { $0 != source && connectionByPeer[$0] != nil }
        targets.sort()
        return targets
    }

    private func storeEvent(_ event: NostrEvent) throws {
        let row = StoredEventRow(
            id: event.id, pubkey: event.pubkey, createdAt: event.createdAt, kind: event.kind,
            tags: event.tags, json: event.jsonBytes())
        if try store.insert(row) { counters.storeWrites += 1 }
    }

    /// Step 7: the Reject for an amount below the kind's price, nil when it is paid for.
    private func priceReject(amount: UInt64, kind: Int) -> ILPReject? {
        let price = config.pricing.price(forKind: kind)
        guard amount < price else { return nil }
        return reject(
            .F04_insufficientDestinationAmount, "\(amount) msat < price \(price) msat for kind \(kind) at \(address)")
    }

    private func lap(_ mark: inout UInt64) -> UInt64 {
        let now = MonotonicClock.now()
        defer { mark = now }
        return now - mark
    }
}
