import Interledger
import Nostr

/// The Nostr messages a node puts in (and takes out of) BTP-NIPs packets, through the Nostr
/// module's codec: `["EVENT", event]` and `["REQ", id, filter…]`.
enum BTPNIPsWire {
    enum Mismatch: Error, CustomStringConvertible {
        case unexpected(String, expected: String)
        var description: String {
            switch self {
            case let .unexpected(found, expected): return "BTP-NIPs nostr field holds \(found), expected \(expected)"
            }
        }
    }

    static func eventMessage(_ event: NostrEvent) -> [UInt8] {
        NostrMessage.event(event).jsonBytes()
    }

    static func event(ofEventMessage bytes: [UInt8]) throws -> NostrEvent {
        guard case let .event(event) = try NostrMessage(json: bytes) else {
            throw Mismatch.unexpected("another message", expected: "[\"EVENT\", event]")
        }
        return event
    }

    /// A whole REQ packet (amount 0: subscribing is free between linked relays).
    static func request(
        subscriptionId: String, filters: [NostrFilter], sender: String, timestamp: Int64
    ) throws -> [UInt8] {
        let packet = BTPNIPsPacket(
            type: .req,
            payment: BTPNIPsPayment(msat: 0, purpose: "subscription"),
            nostr: NostrMessage.request(subscriptionID: subscriptionId, filters: filters).jsonBytes(),
            metadata: BTPNIPsMetadata(timestamp: timestamp, sender: sender, ttl: 1))
        return try packet.serialize()
    }

    static func filters(ofRequest bytes: [UInt8]) throws -> [NostrFilter] {
        guard case let .request(_, filters) = try NostrMessage(json: bytes) else {
            throw Mismatch.unexpected("another message", expected: "[\"REQ\", id, filter…]")
        }
        return filters
    }
}
