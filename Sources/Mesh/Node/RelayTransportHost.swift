/// A transport connection as the node sees it: an opaque number the transport chose.
public typealias ConnectionID = UInt64

/// What a node asks of its transport. The node logic is transport-agnostic: the loopback
/// WebSocket host and the simulated host both implement this, so the same pipeline runs on both.
protocol RelayTransportHost: AnyObject {
    /// Hands one BTP frame to the connection after `delay` ns (0: now); `false` when the frame
    /// could not be queued (connection gone or send queue full).
    func send(_ frame: [UInt8], on connection: ConnectionID, afterNanoseconds delay: UInt64) -> Bool
    /// Closes the connection (after a BTP ERROR the node already sent).
    func close(_ connection: ConnectionID)
    /// Network time now (ns): the shared monotonic clock on loopback, the virtual clock in simulation.
    var networkTime: UInt64 { get }
}

/// What a node reports as it works; the network uses it for readiness and propagation tracking.
protocol RelayNodeObserver: AnyObject {
    /// First time `node` holds event `id`: at `time` (ns, network clock), `hops` links from its
    /// publisher, received from peer `from` (nil at the publisher).
    func node(_ node: Int, accepted id: String, at time: UInt64, hops: Int, from: Int?)
    /// Both REQs on the link to `peer` are exchanged: events can flow both ways.
    func node(_ node: Int, linkReadyTo peer: Int)
    /// The link to `peer` went down.
    func node(_ node: Int, linkDownTo peer: Int)
    /// `node` started (true) or stopped (false) waiting for answers to its Prepares.
    func node(_ node: Int, isBusy: Bool)
}
