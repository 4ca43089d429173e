/// The Nostr message kind a BTP-NIPs packet carries (second header byte; docs/protocol.md §1).
public enum BTPNIPsMessageType: UInt8, Sendable, CaseIterable {
    case event = 1, req = 2, close = 3, notice = 4, eose = 5, ok = 6, auth = 7

    /// The NIP-01 message label, e.g. `"EVENT"`.
    public var label: String {
        switch self {
        case .event: return "EVENT"
        case .req: return "REQ"
        case .close: return "CLOSE"
        case .notice: return "NOTICE"
        case .eose: return "EOSE"
        case .ok: return "OK"
        case .auth: return "AUTH"
        }
    }
}
