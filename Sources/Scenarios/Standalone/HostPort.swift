/// `HOST:PORT` as given on a command line or in a mesh file: an IPv4 address or DNS name, or an
/// IPv6 address in brackets (`[::1]:7000`), and a port 0–65535 (0: the kernel chooses, for a
/// listen address only).
public struct HostPort: Sendable, Hashable, CustomStringConvertible {
    public let host: String
    public let port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `text`; the error says what is wrong and shows the form expected.
    public init(parsing text: String) throws(StandaloneConfigError) {
        let form = "write HOST:PORT, e.g. 127.0.0.1:7000, node-3.mesh:7000 or [::1]:7000"
        let hostPart: Substring
        let portPart: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix(":") else {
                throw .invalid(place: text, reason: "an IPv6 address needs brackets and a port; \(form)")
            }
            hostPart = text[text.index(after: text.startIndex)..<close]
            portPart = text[text.index(close, offsetBy: 2)...]
        } else {
            guard let colon = text.lastIndex(of: ":"), !text[..<colon].contains(":") else {
                throw .invalid(place: text, reason: "no port, or an IPv6 address without brackets; \(form)")
            }
            hostPart = text[..<colon]
            portPart = text[text.index(after: colon)...]
        }
        guard !hostPart.isEmpty, !hostPart.contains(where: { $0.isWhitespace || $0 == "/" }) else {
            throw .invalid(place: text, reason: "the host is empty or has spaces or slashes; \(form)")
        }
        guard let port = Int(portPart), (0...65_535).contains(port) else {
            throw .invalid(place: text, reason: "the port must be a whole number 0–65535; \(form)")
        }
        self.init(host: String(hostPart), port: port)
    }

    /// Whether the host is a loopback address (127.0.0.0/8, ::1 or `localhost`).
    public var isLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}
