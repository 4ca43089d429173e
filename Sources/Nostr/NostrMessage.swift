/// A NIP-01 client↔relay message (plus NIP-42 AUTH), each a JSON array whose first element names it.
public enum NostrMessage: Hashable, Sendable {
    /// Client → relay `["EVENT", event]`: publish.
    case event(NostrEvent)
    /// Relay → client `["EVENT", subscription_id, event]`: an event for a subscription.
    case subscriptionEvent(subscriptionID: String, event: NostrEvent)
    /// Client → relay `["REQ", subscription_id, filter, …]` with at least one filter.
    case request(subscriptionID: String, filters: [NostrFilter])
    /// Client → relay `["CLOSE", subscription_id]`.
    case close(subscriptionID: String)
    /// Relay → client `["CLOSED", subscription_id, message]`: the relay ended a subscription.
    case closed(subscriptionID: String, message: String)
    /// Relay → client `["NOTICE", message]`.
    case notice(String)
    /// Relay → client `["EOSE", subscription_id]`: end of stored events.
    case endOfStoredEvents(subscriptionID: String)
    /// Relay → client `["OK", event_id, accepted, message]`.
    case ok(eventID: String, accepted: Bool, message: String)
    /// Relay → client `["AUTH", challenge]` (NIP-42).
    case authChallenge(String)
    /// Client → relay `["AUTH", signed kind-22242 event]` (NIP-42).
    case authResponse(NostrEvent)

    /// The message name, the first array element (`"EVENT"`, `"REQ"`, …).
    public var name: String {
        switch self {
        case .event, .subscriptionEvent: return "EVENT"
        case .request: return "REQ"
        case .close: return "CLOSE"
        case .closed: return "CLOSED"
        case .notice: return "NOTICE"
        case .endOfStoredEvents: return "EOSE"
        case .ok: return "OK"
        case .authChallenge, .authResponse: return "AUTH"
        }
    }

    /// NIP-01: a subscription id is a non-empty string of at most 64 characters.
    public static let maximumSubscriptionIDLength = 64
}
