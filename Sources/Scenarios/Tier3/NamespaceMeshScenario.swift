import Foundation
import Mesh

/// `tier3.netns-10`: the 10-node mesh placed across network namespaces. Each node is a
/// standalone node server in a namespace of its own with its own address on a bridge made for
/// the run (`NamespaceMesh`); nothing between nodes travels over loopback. The mesh is driven
/// by address, as a mesh on other machines would be: `external.propagation` (latency per relay
/// and per hop, publish → last relay) and `external.mesh-ingest` (the throughput knee; counters
/// read from every node's `/counters`), with the same metric names. Set-up and tear-down times
/// are recorded. Needs root; the links add no delay (this kernel has no netem).
public struct NamespaceMeshScenario: Scenario {
    public let name = "tier3.netns-10"
    public let tier = 3
    public let summary =
        "10-node random 4-regular mesh, every node a node server in its own network namespace on a bridge (root needed): external.propagation and external.mesh-ingest by address, set-up and tear-down time"
    let nodes = 10

    public init() {}

    public func run(_ context: ScenarioContext) async throws {
        let settings = context.settings
        let topology = try settings.meshTopology(nodes: settings.nodes(default: nodes))
        let recorder = context.recorder
        try recorder.counter("diameter", unit: "hops", value: Int64(topology.diameter ?? -1))
        try recorder.counter("links", unit: "links", value: Int64(topology.edges.count))
        recorder.declare("namespace_setup_time", unit: "ms", better: .lower, meshSize: topology.nodeCount)
        recorder.declare("namespace_teardown_time", unit: "ms", better: .lower, meshSize: topology.nodeCount)
        let mesh = try await NamespaceMesh.start(
            topology: topology, seed: settings.seed, executable: settings.nodeExecutable,
            storage: URL(fileURLWithPath: settings.workDirectory), readyTimeout: settings.timeout(60),
            injectedDelayMicros: settings.injectedDelayMicros)
        do {
            try await drive(mesh, context)
        } catch {
            mesh.tearDown()
            throw error
        }
        let tearDown = mesh.tearDown()
        try recorder.sample("namespace_teardown_time", tearDown * 1_000)
    }

    /// The propagation and ingest scenarios against the mesh by address. Not inlined, and not
    /// optimised: Swift 6.3's optimiser crashes (signal 11 while splitting the coroutine) on this
    /// loop of async existential calls in release builds.
    @_optimize(none)
    private func drive(_ mesh: NamespaceMesh, _ context: ScenarioContext) async throws {
        try context.recorder.sample("namespace_setup_time", mesh.setUpSeconds * 1_000)
        var byAddress = context.settings
        byAddress.targets = try mesh.targets()
        for scenario in [RelayPropagationScenario() as ExternalScenario, MeshIngestScenario()] {
            let inner = ScenarioContext(settings: byAddress, recorder: context.recorder, onPublish: nil)
            try await scenario.run(inner)
            for check in inner.checks { context.check("\(scenario.name): \(check.name)", check.passed, check.detail) }
        }
    }
}
