import Foundation

/// Why talking to a relay failed. Every case names the relay's address; while a scenario runs,
/// the description becomes the scenario's failed outcome, so it says what the relay did.
public enum RelayFailure: Error, Equatable, CustomStringConvertible {
    /// `["OK", id, false, reason]`: the relay refused an event.
    case refused(url: String, eventID: String, reason: String)
    /// `["NOTICE", text]` (rate limits and other complaints arrive this way).
    case notice(url: String, text: String)
    /// `["CLOSED", sub, reason]`: the relay ended a subscription.
    case closed(url: String, subscription: String, reason: String)
    /// The TCP connection or the WebSocket closed under us.
    case dropped(url: String, detail: String)
    /// The relay sent a message that is not NIP-01.
    case malformed(url: String, detail: String)
    /// Nothing that was awaited arrived within the bounded wait.
    case silence(url: String, awaiting: String, seconds: Double)

    public var description: String {
        switch self {
        case let .refused(url, eventID, reason):
            return "\(url) refused event \(eventID.prefix(12))…: OK false \"\(reason)\""
        case let .notice(url, text):
            return "\(url) sent NOTICE \"\(text)\""
        case let .closed(url, subscription, reason):
            return "\(url) closed subscription \(subscription): CLOSED \"\(reason)\""
        case let .dropped(url, detail):
            return "\(url) dropped the connection: \(detail)"
        case let .malformed(url, detail):
            return "\(url) sent a message that is not NIP-01: \(detail)"
        case let .silence(url, awaiting, seconds):
            return "\(url) was silent: no \(awaiting) within \(String(format: "%.1f", seconds)) s"
        }
    }
}

/// Why a relay could not be reached at start (exit 2): the address and what was tried.
public struct RelayConnectError: Error, Equatable, CustomStringConvertible {
    public let url: String
    public let tried: String
    public let outcome: String

    public var description: String { "cannot benchmark \(url): \(tried): \(outcome)" }
}
