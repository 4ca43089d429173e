import Foundation
import Interledger
import Nostr

extension RelayNode {
    /// One BTP frame from a connection. Before auth only a valid auth MESSAGE (listener side) or
    /// the auth RESPONSE (dialer side) is accepted; anything else is refused and disconnected.
    func frameReceived(_ frame: [UInt8], on connection: ConnectionID, now: UInt64) {
        guard let state = connections[connection] else { return }
        let decodeStart = MonotonicClock.now()
        counters.framesIn += 1
        counters.bytesIn += frame.count
        // Nearly every frame of an open link is a Prepare or an answer with one `ilp` entry:
        // read it in place. Anything else takes the general decoder below, which names problems.
        if case .open = state.phase, let peer = state.peer, let carried = BTPPacket.ilpEntry(of: frame) {
            switch (carried.type, carried.ilp) {
            case let (.message, .prepare(prepare)):
                return handlePrepare(
                    prepare, requestId: carried.requestId, on: connection, peer: peer, now: now,
                    decodeStart: decodeStart)
            case (.response, _):
                return handleResponse(carried.ilp, requestId: carried.requestId, on: connection, now: now)
            default:
                break
            }
        }
        let packet: BTPPacket
        do {
            packet = try BTPPacket(bytes: frame)
        } catch {
            counters.malformedFrames += 1
            if case .open = state.phase {
                let info = BTPErrorInfo(
                    .F01_invalidFields, triggeredAt: wallDate(now), data: Array("\(error)".utf8.prefix(512)))
                send(BTPPacket.error(requestId: 0, info).serialize(), on: connection)
            } else {
                counters.authFailures += 1
                refuse(connection, requestId: 0, code: .F01_invalidFields, now: now)
            }
            return
        }
        switch state.phase {
        case .awaitingAuth:
            authenticate(packet, on: connection, now: now)
        case let .authenticating(authRequestId):
            guard packet.requestId == authRequestId, packet.type == .response, let peer = state.peer else {
                counters.authFailures += 1
                host?.close(connection)
                return
            }
            open(connection, peer: peer, now: now)
        case .open:
            guard let peer = state.peer else { return }
            switch packet.body {
            case let .message(entries):
                guard let ilp = entries.entry(named: "ilp"),
                    case let .prepare(prepare)? = try? ILPPacket(bytes: ilp.data)
                else {
                    counters.malformedFrames += 1
                    let info = BTPErrorInfo(
                        .F01_invalidFields, triggeredAt: wallDate(now),
                        data: Array("MESSAGE without an ILP Prepare in its 'ilp' entry".utf8))
                    send(BTPPacket.error(requestId: packet.requestId, info).serialize(), on: connection)
                    return
                }
                handlePrepare(
                    prepare, requestId: packet.requestId, on: connection, peer: peer, now: now, decodeStart: decodeStart
                )
            case let .response(entries):
                let ilp = entries.entry(named: "ilp").flatMap { try? ILPPacket(bytes: $0.data) }
                handleResponse(ilp, requestId: packet.requestId, on: connection, now: now)
            case .error:
                if let pending = takePending(packet.requestId, on: connection), !pending.isSubscription {
                    resumeHeldWork(now: now)
                }
                counters.rejectsReceived["BTP", default: 0] += 1
            default:
                counters.malformedFrames += 1
            }
        }
    }

    /// Listener side: the first frame must be the auth MESSAGE with the token of a known link
    /// (RFC 23 §Authentication). A peer that reconnects replaces its previous connection.
    private func authenticate(_ packet: BTPPacket, on connection: ConnectionID, now: UInt64) {
        guard let token = try? BTPAuth.token(from: packet), let peer = peerByToken[token] else {
            counters.authFailures += 1
            refuse(connection, requestId: packet.requestId, code: .F00_notAccepted, now: now)
            return
        }
        connections[connection]?.peer = peer
        send(BTPPacket.response(requestId: packet.requestId, protocolData: []).serialize(), on: connection)
        open(connection, peer: peer, now: now)
    }

    /// The link is authenticated: send our REQ (what we want this peer to forward to us).
    private func open(_ connection: ConnectionID, peer: Int, now: UInt64) {
        if let previous = connectionByPeer[peer], previous != connection { host?.close(previous) }
        connections[connection]?.phase = .open
        connectionByPeer[peer] = connection
        let filter = NostrFilter(kinds: config.peerSubscriptionKinds)
        guard
            let data = try? BTPNIPsWire.request(
                subscriptionId: "mesh-\(id)", filters: [filter], sender: address,
                timestamp: timestampMilliseconds(now))
        else {
            // Without its REQ the link carries nothing: close it, and count why.
            counters.requestsUnserializable += 1
            host?.close(connection)
            return
        }
        sendPrepare(data: data, amount: 0, to: peer, isSubscription: true, now: now)
    }

    /// `answer`: the response's ILP packet, nil when it has none that decodes.
    private func handleResponse(_ answer: ILPPacket?, requestId: UInt32, on connection: ConnectionID, now: UInt64) {
        guard let peer = connections[connection]?.peer, let pending = takePending(requestId, on: connection) else {
            return
        }
        // The answer gave a credit back: held work may go (after this answer is booked).
        defer { if !pending.isSubscription { resumeHeldWork(now: now) } }
        guard let answer else {
            counters.malformedFrames += 1
            return
        }
        switch answer {
        case let .fulfill(fulfill):
            guard ILPCondition.isFulfillment(fulfill.fulfillment, equalTo: pending.fulfillment) else {
                counters.invalidFulfillments += 1
                return
            }
            if !pending.isSubscription {
                updateLedger(with: peer) { ledger throws(BilateralLedgerError) in
                    try ledger.recordSent(amount: pending.amount, outcome: .fulfilled)
                }
            }
            if pending.isSubscription {
                connections[connection]?.sentREQFulfilled = true
                announceIfReady(connection, peer: peer)
            }
        case let .reject(reject):
            counters.rejectsReceived[reject.code.code, default: 0] += 1
            if !pending.isSubscription {
                updateLedger(with: peer) { ledger throws(BilateralLedgerError) in
                    try ledger.recordSent(amount: pending.amount, outcome: .rejected(reject.code))
                }
            }
        case .prepare:
            counters.malformedFrames += 1
        }
    }

    func announceIfReady(_ connection: ConnectionID, peer: Int) {
        if connections[connection]?.isReady == true { observer?.node(id, linkReadyTo: peer) }
    }

    func timestampMilliseconds(_ now: UInt64) -> Int64 {
        Int64((wallDate(now).timeIntervalSince1970 * 1000).rounded())
    }

    /// Expiry, condition and BTP-NIPs decoding, then by message type.
    private func handlePrepare(
        _ prepare: ILPPrepare, requestId: UInt32, on connection: ConnectionID, peer: Int, now: UInt64,
        decodeStart: UInt64
    ) {
        let amount = prepare.amount
        func fail(_ code: ILPErrorCode, _ message: String) {
            answer(requestId, on: connection, peer: peer, amount: amount, result: .reject(reject(code, message)))
        }
        guard prepare.expiresAt > wallDate(now) else {
            return fail(.R00_transferTimedOut, "Prepare expired at \(prepare.expiresAt) before \(address) received it")
        }
        guard let key = fulfillmentKeys[peer] else {
            return fail(.F02_unreachable, "no link credentials for peer \(peer)")
        }
        let fulfillment = key.fulfillment(data: prepare.data)
        guard ILPCondition.isFulfilled(prepare.executionCondition, by: fulfillment) else {
            return fail(.F05_wrongCondition, "execution condition is not SHA-256(HMAC(link secret, data))")
        }
        guard amount <= config.maximumPacketAmount else {
            return fail(
                .F08_amountTooLarge,
                "amount \(amount) msat exceeds this node's maximum \(config.maximumPacketAmount) msat")
        }
        let packet: BTPNIPsPacket
        do {
            packet = try BTPNIPsPacket(bytes: prepare.data)
        } catch {
            return fail(.F01_invalidPacket, "BTP-NIPs packet: \(error)")
        }
        switch packet.type {
        case .event:
            counters.eventPreparesIn += 1
            let incoming = IncomingEvent(
                packet: packet, amount: amount, peer: peer, requestId: requestId,
                connection: connection, fulfillment: fulfillment, decodeStart: decodeStart,
                message: DedupCache.digest(ofMessage: packet.nostr))
            admit(incoming, now: now)
        case .req:
            guard let filters = try? BTPNIPsWire.filters(ofRequest: packet.nostr) else {
                return fail(.F01_invalidPacket, "REQ is not [\"REQ\", id, filter…]")
            }
            peerSubscriptions.remove(peer)
            peerSubscriptions.add(peer, filters: filters)
            answer(requestId, on: connection, peer: peer, amount: amount, result: .fulfill(fulfillment), book: false)
            connections[connection]?.receivedREQ = true
            announceIfReady(connection, peer: peer)
        case .close:
            peerSubscriptions.remove(peer)
            answer(requestId, on: connection, peer: peer, amount: amount, result: .fulfill(fulfillment), book: false)
        default:
            fail(.F99_applicationError, "message type \(packet.type.label) is not accepted in a Prepare")
        }
    }
}
