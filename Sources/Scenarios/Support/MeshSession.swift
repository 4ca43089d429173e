import Foundation
import Logging
import Mesh
import Nostr

/// Brings a mesh up for one repetition of a scenario and always tears it down, so a failed
/// attempt leaves no sockets, threads or database files behind for the retry.
enum MeshSession {
    private static let logger = Logger(label: "meshbench.mesh")

    static func with<T>(
        _ topology: Topology, node: NodeConfig = NodeConfig(), context: ScenarioContext,
        seedOffset: UInt64 = 0, _ body: (MeshNetwork) async throws -> T
    ) async throws -> T {
        var nodeConfig = node
        nodeConfig.forwardDelayMicroseconds = UInt64(context.settings.injectedDelayMicros)
        let config = MeshConfig(
            topology: topology, node: nodeConfig, transport: .loopback,
            seed: context.settings.seed &+ seedOffset,
            storageDirectory: URL(fileURLWithPath: context.settings.workDirectory))
        let network = try await MeshNetwork.start(config)
        logger.debug(
            "mesh up",
            metadata: [
                "topology": "\(topology.name)", "links": "\(topology.edges.count)",
                "storage": "\(network.storageFolder.path)",
            ])
        do {
            let result = try await body(network)
            try await network.shutdown()
            logger.debug("mesh shut down", metadata: ["topology": "\(topology.name)"])
            return result
        } catch {
            logger.debug(
                "mesh shut down after an error", metadata: ["topology": "\(topology.name)", "error": "\(error)"])
            try? await network.shutdown()  // best effort: the error logged above is the one thrown
            throw error
        }
    }
}

/// Publishes an event and records one latency sample per delivery (every node but the
/// publisher), measured on the shared monotonic clock from just before the publish call.
struct PropagationProbe {
    let network: MeshNetwork
    let context: ScenarioContext
    let publisher: Int
    let metric: String
    /// Deliveries the probe expects per event (nodes other than the publisher).
    let targets: [Int]

    /// Publishes event number `sequence`; records its deliveries unless `record` is false (warm-up).
    @discardableResult
    func publish(sequence: Int, rep: Int, record: Bool, scenarioStart: UInt64) async throws -> [Int: Arrival] {
        // Fixed-width content keeps every event the same size, so bytes per event is an exact counter.
        let content = String(format: "meshbench %@ event %08d", context.recorder.scenario, sequence)
        let start = await network.now()
        let event = try await network.publish(from: publisher, content: content)
        context.published(event)
        let arrivals = try await network.awaitPropagation(
            of: event.id, to: targets,
            timeoutNanoseconds: UInt64(context.settings.timeout(5) * 1e9))
        await network.forgetArrivals(of: event.id)
        guard record else { return arrivals }
        for node in targets {
            guard let arrival = arrivals[node] else { continue }
            try context.recorder.sample(
                metric, Double(arrival.time &- start) / 1e6, hops: arrival.hops, node: node,
                t: Double(start &- scenarioStart) / 1e9, rep: rep)
        }
        return arrivals
    }
}

extension MeshSession {
    /// Like `with`, for sustained-load scenarios that can also run with `--process-per-node`:
    /// the mesh is then made of `bench node` child processes, stopped (or killed) when the body
    /// ends, whatever happened.
    /// `processPerNode`: run the nodes as child processes even without `--process-per-node`.
    static func withLoadMesh<T>(
        _ topology: Topology, node: NodeConfig = NodeConfig(), context: ScenarioContext,
        processPerNode: Bool = false,
        _ body: (MeshUnderTest) async throws -> T
    ) async throws -> T {
        guard context.settings.processPerNode || processPerNode else {
            return try await with(topology, node: node, context: context) { try await body($0) }
        }
        let mesh = try await ProcessMesh.start(
            topology: topology, node: node, seed: context.settings.seed,
            executable: context.settings.nodeExecutable,
            storage: URL(fileURLWithPath: context.settings.workDirectory),
            linkTimeout: context.settings.timeout(10))
        do {
            let result = try await body(mesh)
            await mesh.shutdown()
            return result
        } catch {
            await mesh.shutdown()
            throw error
        }
    }
}
