import Foundation

/// What a standalone node says about itself over plain HTTP on its listener, so a driver or an
/// orchestrator with only network access can tell when it is ready and read its counters:
/// `GET /healthz` (200 while it serves), `GET /readyz` (200 once every link to its peers has
/// finished BTP auth and the REQ exchange, 503 before; this document either way) and
/// `GET /counters` (this document with `counters`). JSON keys are snake_case.
public struct NodeStatus: Codable, Sendable, Equatable {
    /// The node's index in the mesh.
    public var node: Int
    /// Every expected link is ready.
    public var ready: Bool
    /// Peers whose link is ready, ascending.
    public var linksReady: [Int]
    /// Peers the node is configured to link with, ascending.
    public var linksExpected: [Int]
    /// The node's exact work counts (only on `/counters`).
    public var counters: NodeCounters?

    public init(node: Int, ready: Bool, linksReady: [Int], linksExpected: [Int], counters: NodeCounters? = nil) {
        self.node = node
        self.ready = ready
        self.linksReady = linksReady
        self.linksExpected = linksExpected
        self.counters = counters
    }

    /// The encoder of the status pages: snake_case keys, sorted.
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }

    /// The decoder that reads what `makeEncoder` wrote.
    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }
}

extension RelayNode {
    /// Peers among `expected` whose link finished auth and both REQs.
    func readyPeers(of expected: [Int]) -> [Int] {
        expected.filter { peer in
            guard let connection = connectionByPeer[peer] else { return false }
            return connections[connection]?.isReady == true
        }
    }
}
