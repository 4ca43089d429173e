import Foundation
import Mesh
import Nostr

/// Publishes one event at a time and waits until it reached its targets (closed loop): latency
/// at light load, free of queueing behind earlier events. The event is signed before the clock
/// starts, so latency is the mesh's time, not the signer's.
final class SequentialProbe {
    let network: MeshNetwork
    let context: ScenarioContext
    /// Nodes each event must reach (nil: every running node).
    let targets: [Int]?
    private var keys: [Int: NostrKeyPair] = [:]

    init(network: MeshNetwork, context: ScenarioContext, targets: [Int]? = nil) {
        self.network = network
        self.context = context
        self.targets = targets
    }

    /// Returns the network time just before publishing and every node's arrival.
    func publish(
        from publisher: Int, sequence: Int, amount: UInt64? = nil
    ) async throws -> (sent: UInt64, arrivals: [Int: Arrival]) {
        let key = keys[publisher] ?? network.keyPair(of: publisher)
        keys[publisher] = key
        // Fixed-width content keeps every event the same size, so bytes per event is exact.
        let content = String(format: "meshbench %@ event %08d", context.recorder.scenario, sequence)
        let event = key.sign(kind: 1, content: content, tags: [], createdAt: Int64(Date().timeIntervalSince1970))
        let sent = await network.now()
        try await network.publish(event, from: publisher, amount: amount)
        context.published(event)
        let arrivals = try await network.awaitPropagation(
            of: event.id, to: targets,
            timeoutNanoseconds: context.settings.timeoutNanoseconds(5))
        await network.forgetArrivals(of: event.id)
        return (sent, arrivals)
    }
}
