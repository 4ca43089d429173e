/// Why a mesh in network namespaces could not be set up (exit 2 when it is the machine's fault:
/// no root, no `ip`).
public enum NamespaceError: Error, Equatable, CustomStringConvertible {
    /// Not root: creating namespaces, veth pairs and a bridge needs CAP_NET_ADMIN.
    case notRoot
    /// `ip` (iproute2) is not installed.
    case noIPTool
    /// An `ip` command failed; its arguments and standard error.
    case command(arguments: [String], status: Int32, standardError: String)
    /// Every 198.18.X.0/24 subnet is in use on this host.
    case noFreeSubnet
    /// A node server did not come up: its index and why.
    case node(index: Int, reason: String)

    public var description: String {
        switch self {
        case .notRoot:
            return
                "network-namespace placement needs root (CAP_NET_ADMIN) to create namespaces, veth pairs and a bridge; run as root, or use the default in-process placement"
        case .noIPTool:
            return "network-namespace placement needs `ip` from iproute2; install it (apt-get install -y iproute2)"
        case let .command(arguments, status, standardError):
            return
                "ip \(arguments.joined(separator: " ")) failed (exit \(status)): \(standardError.trimmingCharacters(in: .whitespacesAndNewlines))"
        case .noFreeSubnet:
            return
                "every subnet 198.18.0.0/24 … 198.18.255.0/24 has an address on this host; remove leftovers with `ip link` or free one"
        case let .node(index, reason):
            return "node \(index) (bench node-server in its namespace): \(reason)"
        }
    }
}
