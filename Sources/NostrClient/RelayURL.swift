/// A relay's WebSocket address as the user gave it: `ws://HOST[:PORT][/PATH]`. Only plain `ws://`:
/// the driver measures relays it can reach without TLS (loopback, a compose network), and the
/// NIP-11 document is fetched from the same host, port and path over plain HTTP.
public struct RelayURL: Hashable, Sendable, CustomStringConvertible {
    public let host: String
    public let port: Int
    /// The HTTP path of the upgrade request, starting with `/`.
    public let path: String
    /// The address exactly as given, for messages and the run header.
    public let description: String

    public init(_ text: String) throws(RelayURLError) {
        let lower = text.lowercased()
        if lower.hasPrefix("wss://") || lower.hasPrefix("https://") {
            throw .unsupported(
                text,
                reason:
                    "TLS (wss://) is not supported; give the relay's plain ws:// address (e.g. behind the TLS proxy, ws://127.0.0.1:7777)"
            )
        }
        guard lower.hasPrefix("ws://") else {
            throw .unsupported(text, reason: "an address starts with ws://, e.g. ws://127.0.0.1:7777")
        }
        let rest = text.dropFirst("ws://".count)
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        let authority = rest[..<slash]
        let path = rest[slash...].isEmpty ? "/" : String(rest[slash...])
        var host = Substring(authority)
        var port = 80
        if host.hasPrefix("[") {
            // [::1]:7777
            guard let close = host.firstIndex(of: "]") else {
                throw .unsupported(text, reason: "an IPv6 host needs its closing ]")
            }
            let after = host[host.index(after: close)...]
            host = host[host.index(after: host.startIndex)..<close]
            if !after.isEmpty {
                guard after.hasPrefix(":"), let number = Int(after.dropFirst()) else { throw .badPort(text) }
                port = number
            }
        } else if let colon = host.lastIndex(of: ":") {
            guard let number = Int(host[host.index(after: colon)...]) else { throw .badPort(text) }
            port = number
            host = host[..<colon]
        }
        guard !host.isEmpty, !host.contains("@") else {
            throw .unsupported(text, reason: "no host: write ws://HOST:PORT")
        }
        guard (1...65_535).contains(port) else { throw .badPort(text) }
        guard !path.contains(" "), !path.contains("#") else {
            throw .unsupported(text, reason: "the path may not contain spaces or #")
        }
        self.host = String(host)
        self.port = port
        self.path = path
        self.description = text
    }

    /// `HOST:PORT` for the HTTP `Host` header (IPv6 hosts in brackets).
    var hostHeader: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}

/// Why a `--target` address was refused (exit 2).
public enum RelayURLError: Error, Equatable, CustomStringConvertible {
    case unsupported(String, reason: String)
    case badPort(String)

    public var description: String {
        switch self {
        case let .unsupported(text, reason): return "relay address \"\(text)\": \(reason)"
        case let .badPort(text):
            return "relay address \"\(text)\": the port must be a number from 1 to 65535, e.g. ws://127.0.0.1:7777"
        }
    }
}
