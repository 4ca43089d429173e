import SeededRandom

/// The simulated transport: the same `RelayNode`s exchanging the same BTP frames, but each frame
/// is scheduled on a virtual clock after a delay drawn from the seeded link model. Single-threaded
/// and fully deterministic for a seed.
final class SimulatedBackend {
    let scheduler = DiscreteEventScheduler()
    private let model: LinkModel
    private var rng: SplitMix64
    private var hosts: [SimulatedNodeHost?]
    private var connections: [ConnectionID: Connection] = [:]
    /// Virtual time the last frame on each connection arrives: frames keep their order per direction.
    private var lastDelivery: [ConnectionID: UInt64] = [:]
    private var nextConnection: ConnectionID = 1
    /// Loss applies once the mesh has formed.
    var lossEnabled = false
    private(set) var framesLost = 0

    private struct Connection {
        let owner: Int
        let peer: Int
        let remote: ConnectionID
    }

    init(nodeCount: Int, model: LinkModel) {
        self.model = model
        self.rng = SplitMix64(seed: model.seed)
        self.hosts = Array(repeating: nil, count: nodeCount)
    }

    var now: UInt64 { scheduler.now }

    func isRunning(_ node: Int) -> Bool { hosts[node] != nil }

    func attach(_ node: RelayNode) {
        hosts[node.id] = SimulatedNodeHost(node: node, backend: self)
    }

    func node(_ index: Int) throws -> RelayNode {
        guard let host = hosts[index] else { throw MeshError.nodeStopped(index) }
        return host.node
    }

    /// Both ends see the connection open after one link delay; the dialer then authenticates.
    func connect(dialer: Int, listener: Int) {
        guard hosts[dialer] != nil, hosts[listener] != nil else { return }
        let dialerSide = nextConnection, listenerSide = nextConnection + 1
        nextConnection += 2
        connections[dialerSide] = Connection(owner: dialer, peer: listener, remote: listenerSide)
        connections[listenerSide] = Connection(owner: listener, peer: dialer, remote: dialerSide)
        scheduler.schedule(after: model.latency.sample(&rng)) { [self] in
            guard connections[dialerSide] != nil else { return }
            hosts[listener]?.node.connectionOpened(listenerSide, dialedPeer: nil, now: now)
            hosts[dialer]?.node.connectionOpened(dialerSide, dialedPeer: listener, now: now)
        }
    }

    func disconnect(_ edge: Edge) {
        guard let connection = hosts[edge.a]?.node.connectionByPeer[edge.b] else { return }
        close(connection)
    }

    func stop(_ index: Int) {
        guard let host = hosts[index] else { return }
        host.node.closeAll()
        host.node.store.close()
        hosts[index] = nil
    }

    /// Delivers `frame` to the other end of `connection` after `delay` plus a latency draw, never
    /// before the previous frame on that connection; a frame over the receiver's limit closes the
    /// connection there (as the WebSocket decoder would), a lost frame never arrives.
    func transmit(_ frame: [UInt8], on connection: ConnectionID, afterNanoseconds delay: UInt64) -> Bool {
        guard let link = connections[connection] else { return false }
        if lossEnabled, model.lossProbability > 0, rng.nextUnit() < model.lossProbability {
            framesLost += 1
            return true
        }
        let arrival = max(now + delay + model.latency.sample(&rng), lastDelivery[connection] ?? 0)
        lastDelivery[connection] = arrival
        scheduler.schedule(after: arrival - now) { [self] in
            guard connections[link.remote] != nil, let receiver = hosts[link.peer]?.node else { return }
            if frame.count > receiver.config.maximumFrameBytes {
                receiver.counters.oversizeFrames += 1
                close(link.remote)
                return
            }
            receiver.frameReceived(frame, on: link.remote, now: now)
            receiver.commitStore()
        }
        return true
    }

    /// Closes both ends at once.
    func close(_ connection: ConnectionID) {
        guard let link = connections.removeValue(forKey: connection) else { return }
        connections[link.remote] = nil
        lastDelivery[connection] = nil
        lastDelivery[link.remote] = nil
        hosts[link.owner]?.node.connectionClosed(connection)
        hosts[link.peer]?.node.connectionClosed(link.remote)
    }

    func shutdown() {
        for index in hosts.indices { stop(index) }
    }
}

/// One node's view of the simulated transport.
final class SimulatedNodeHost: RelayTransportHost {
    let node: RelayNode
    private unowned let backend: SimulatedBackend

    init(node: RelayNode, backend: SimulatedBackend) {
        self.node = node
        self.backend = backend
        node.host = self
    }

    var networkTime: UInt64 { backend.now }

    func send(_ frame: [UInt8], on connection: ConnectionID, afterNanoseconds delay: UInt64) -> Bool {
        backend.transmit(frame, on: connection, afterNanoseconds: delay)
    }

    func close(_ connection: ConnectionID) {
        backend.close(connection)
    }
}
