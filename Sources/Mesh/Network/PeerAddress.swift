/// Where a peer node listens: its index in the mesh (its link credentials derive from it) and
/// its host (an IP address or a DNS name) and port.
public struct PeerAddress: Sendable, Hashable {
    public let index: Int
    public let host: String
    public let port: Int

    public init(index: Int, host: String, port: Int) {
        self.index = index
        self.host = host
        self.port = port
    }
}
