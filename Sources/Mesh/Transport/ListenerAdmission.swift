import NIOCore

/// What a node's listener lets in: at most `maximumConnections` at once, and each accepted
/// connection gets `authDeadline` to authenticate before it is dropped. Together they bound the
/// sockets a hostile client can hold: without them unauthenticated connections stayed open forever.
///
/// Thread safety: not thread-safe; it lives on the listener's event loop, which its accepted
/// channels share (the bootstrap's group is that one loop), and is reached through `NIOLoopBound`.
final class ListenerAdmission {
    let maximumConnections: Int
    let authDeadline: TimeAmount
    private(set) var openConnections = 0

    init(maximumConnections: Int, authDeadline: TimeAmount) {
        self.maximumConnections = maximumConnections
        self.authDeadline = authDeadline
    }

    /// Arms `channel`'s auth deadline (`expired` runs then, unless the channel closed first) and
    /// takes a slot for it until it closes. Returns false, taking no slot, when the listener is
    /// full: the caller refuses the connection, and the deadline still bounds how long that takes.
    func admit(_ channel: Channel, expired: @escaping @Sendable () -> Void) -> Bool {
        channel.eventLoop.assertInEventLoop()
        let deadline = channel.eventLoop.scheduleTask(in: authDeadline, expired)
        channel.closeFuture.whenComplete { _ in deadline.cancel() }
        guard openConnections < maximumConnections else { return false }
        openConnections += 1
        channel.closeFuture.assumeIsolated().whenComplete { _ in self.openConnections -= 1 }
        return true
    }
}
