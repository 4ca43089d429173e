import Logging
import NIOCore

/// Keeps a standalone node linked to the peers it dials: every `interval` it dials each peer that
/// has no authenticated link and no dial in progress, so a peer that starts later, restarts or
/// drops its link is dialled again until the link is up. One side of each link dials (the lower
/// index, as every mesh here forms its links), so two dials never race for one link.
///
/// Thread safety: confined to the node's event loop (`host.loop`); `start` and `stop` run there.
final class PeerDialler {
    private let host: LoopbackNodeHost
    private let peers: [PeerAddress]
    private var dialling = Set<Int>()
    private var task: RepeatedTask?
    private let logger: Logger
    /// Dials that failed (refused, unresolved, timed out), for the log and the tests.
    private(set) var failedDials = 0

    init(host: LoopbackNodeHost, peers: [PeerAddress]) {
        self.host = host
        self.peers = peers
        logger = Logger(label: "meshbench.node\(host.node.id).dialler")
    }

    func start(interval: TimeAmount) {
        host.loop.assertInEventLoop()
        // Bound to the loop it runs on; the cycle through `task` ends when `stop` cancels it.
        let dialler = NIOLoopBound(self, eventLoop: host.loop)
        task = host.loop.scheduleRepeatedTask(initialDelay: .zero, delay: interval) { _ in dialler.value.dialMissing() }
    }

    func stop() {
        host.loop.assertInEventLoop()
        task?.cancel()
        task = nil
    }

    private func dialMissing() {
        for peer in peers where host.node.connectionByPeer[peer.index] == nil && !dialling.contains(peer.index) {
            dialling.insert(peer.index)
            host.dial(peer: peer.index, host: peer.host, port: peer.port).assumeIsolated().whenComplete {
                [weak self] result in
                guard let self else { return }
                switch result {
                case let .success(channel):
                    // Dialled again once this connection is gone, whether the link opened or not.
                    channel.closeFuture.assumeIsolated().whenComplete { _ in self.dialling.remove(peer.index) }
                case let .failure(error):
                    self.failedDials += 1
                    self.dialling.remove(peer.index)
                    self.logger.debug(
                        "dialling node \(peer.index) at \(peer.host):\(peer.port) failed: \(error); retrying")
                }
            }
        }
    }
}
