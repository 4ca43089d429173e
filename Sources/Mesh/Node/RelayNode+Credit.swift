import DequeModule
import Nostr

/// Unanswered EVENT Prepares on one link, by TTL class (the TTL each carried). A link has room
/// in a class while fewer than `NodeConfig.linkCreditWindow` of that class wait for an answer.
struct LinkCredit {
    private var unanswered: [Int]

    init(classes: Int) { unanswered = Array(repeating: 0, count: max(1, classes)) }

    func hasRoom(inClass creditClass: Int, window: Int) -> Bool { unanswered[index(creditClass)] < window }
    mutating func take(_ creditClass: Int) { unanswered[index(creditClass)] += 1 }
    mutating func give(_ creditClass: Int) { unanswered[index(creditClass)] -= 1 }

    /// A peer's TTL above ours is read as ours (as `processEvent` does), below 0 as 0.
    private func index(_ creditClass: Int) -> Int { min(max(0, creditClass), unanswered.count - 1) }
}

/// Work a node holds back because a link it would forward on is out of credit: received EVENT
/// Prepares (unanswered, by the class of their forwards) and local publishes. Both stay bounded:
/// a peer that respects our answers sends at most `window` Prepares per class per link, and the
/// transport hands over at most `publishBacklogLimit` publishes.
struct HeldWork {
    var events: [Deque<IncomingEvent>]
    var publishes: Deque<(event: NostrEvent, amount: UInt64)> = []
    private(set) var eventCount = 0

    init(classes: Int) { events = Array(repeating: [], count: max(1, classes)) }

    mutating func hold(_ incoming: IncomingEvent, inClass creditClass: Int) {
        events[creditClass].append(incoming)
        eventCount += 1
    }

    mutating func release(fromClass creditClass: Int) -> IncomingEvent? {
        guard let first = events[creditClass].popFirst() else { return nil }
        eventCount -= 1
        return first
    }
}

/// Back-pressure by link credit (docs/protocol.md §Back-pressure). An event is processed — and
/// so answered — only when every link it could be forwarded on has credit in the class of its
/// forwards (its TTL − 1); otherwise it waits here unanswered, which uses up the sender's credit
/// on our link, and so on back to the publisher, whose publishes wait in turn. A forward's class
/// is always one below the class of the Prepare that waits for it, and a Prepare with nothing to
/// forward (TTL exhausted, a duplicate) never waits, so every chain of waits ends: no deadlock.
extension RelayNode {
    /// The class of the forwards of an event that arrived with `packetTTL` (0: none).
    func forwardClass(ofTTL packetTTL: Int) -> Int { min(packetTTL, config.ttl) - 1 }

    /// Whether every open link but `source`'s has room for one more Prepare of `creditClass`.
    func linksHaveCredit(inClass creditClass: Int, excluding source: Int?) -> Bool {
        for (peer, connection) in connectionByPeer where peer != source {
            guard let state = connections[connection] else { continue }
            if !state.credit.hasRoom(inClass: creditClass, window: config.linkCreditWindow) { return false }
        }
        return true
    }

    /// Processes an EVENT Prepare now, or holds it until its forwards have credit.
    func admit(_ incoming: IncomingEvent, now: UInt64) {
        let creditClass = forwardClass(ofTTL: incoming.packet.metadata.ttl)
        guard creditClass > 0, dedup.kind(ofMessage: incoming.message) == nil else {
            return processEvent(incoming, now: now)
        }
        if held.events[creditClass].isEmpty, linksHaveCredit(inClass: creditClass, excluding: incoming.peer) {
            return processEvent(incoming, now: now)
        }
        guard held.eventCount < heldEventLimit else {
            // A peer ignoring our missing answers: refuse, visibly, rather than hold without bound.
            counters.eventsRefusedBusy += 1
            return answer(
                incoming.requestId, on: incoming.connection, peer: incoming.peer, amount: incoming.amount,
                result: .reject(
                    reject(
                        .T05_rateLimited,
                        "\(address) holds \(held.eventCount) events waiting for link credit; send fewer unanswered Prepares"
                    )))
        }
        held.hold(incoming, inClass: creditClass)
        counters.eventsHeld += 1
        counters.eventsHeldMax = max(counters.eventsHeldMax, held.eventCount)
        sweepLostCredit(now: now)
    }

    /// Publishes now, or holds the publish until the node's links have credit for it.
    func admitPublish(_ event: NostrEvent, amount: UInt64, now: UInt64) throws {
        guard held.publishes.isEmpty, linksHaveCredit(inClass: config.ttl, excluding: nil) else {
            held.publishes.append((event, amount))
            sweepLostCredit(now: now)
            return
        }
        try publish(event, amount: amount, now: now)
    }

    /// Runs held work whose links have credit again: lower classes first (they free the credit
    /// the higher ones wait for), local publishes last (the mesh drains before it takes more).
    /// A publish that fails (its store write) is kept in `heldPublishFailure` for the transport.
    func resumeHeldWork(now: UInt64) {
        // Called after every answer; most find nothing held, and each look into a credit class
        // is an exclusivity-checked access to the node's state.
        guard held.eventCount > 0 || !held.publishes.isEmpty else { return }
        for creditClass in held.events.indices where creditClass > 0 {
            while let first = held.events[creditClass].first,
                dedup.kind(ofMessage: first.message) != nil
                    || linksHaveCredit(inClass: creditClass, excluding: first.peer),
                var incoming = held.release(fromClass: creditClass)
            {
                incoming.decodeStart = MonotonicClock.now()
                processEvent(incoming, now: now)
            }
        }
        while !held.publishes.isEmpty, linksHaveCredit(inClass: config.ttl, excluding: nil),
            let (event, amount) = held.publishes.popFirst()
        {
            do {
                try publish(event, amount: amount, now: now)
            } catch {
                if heldPublishFailure == nil { heldPublishFailure = error }
            }
        }
    }

    /// Received events a node holds at most: what its peers may send unanswered, twice over.
    private var heldEventLimit: Int { 2 * config.linkCreditWindow * max(1, config.ttl) * max(1, credentials.count) }

    /// Credit held by Prepares that will never be answered (lost frames) comes back when they
    /// expire; while work waits, look for them at most every 100 ms.
    private func sweepLostCredit(now: UInt64) {
        guard now &- lastCreditSweep >= 100_000_000 else { return }
        lastCreditSweep = now
        if sweepExpiredPrepares(now: now) > 0 { resumeHeldWork(now: now) }
    }
}

extension RelayNode {
    /// The first error of a held publish since the last call, once.
    func takeHeldPublishFailure() -> Error? {
        defer { heldPublishFailure = nil }
        return heldPublishFailure
    }
}
