import XCTest
@testable import Mesh

/// Both transports, so behaviour tests run on real sockets and on the simulation.
let bothTransports: [TransportKind] = [
    .loopback, .simulated(LinkModel(latency: .fixed(nanoseconds: 100_000), seed: 3)),
]

extension XCTestCase {
    /// Starts a network, runs `body`, and always shuts it down.
    func withNetwork(_ config: MeshConfig, _ body: (MeshNetwork) async throws -> Void) async throws {
        try await MeshNetwork.withRunning(config, body)
    }
}

/// Sums one counter over the given nodes.
func total(_ counters: [NodeCounters], _ field: (NodeCounters) -> Int) -> Int {
    counters.map(field).reduce(0, +)
}

func allCounters(_ network: MeshNetwork, nodes: [Int]? = nil) async throws -> [NodeCounters] {
    var result: [NodeCounters] = []
    for node in nodes ?? Array(0..<network.nodeCount) { result.append(try await network.counters(of: node)) }
    return result
}
