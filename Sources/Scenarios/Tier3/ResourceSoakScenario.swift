import Mesh

/// AC 6 long run: a 10-node mesh under a steady moderate load while resources are sampled every
/// second (`--sample-interval`); its `node_rss` series feed `analyze`'s leak check (growth over
/// 10 minutes) and its CPU series the saturation check. Every node runs in a process of its own
/// (as with `--process-per-node`) whenever `bench` knows its own executable, so what earlier
/// scenarios of the run left in `bench`'s heap cannot hide a node's growth. Each node remembers
/// event ids for its dedup window (ttl × Prepare expiry: 270 s here), so its dedup set grows for
/// that long and is level afterwards; the scenario declares the window as the leak check's
/// warm-up (`memory_warm_up`). 600 s, the story's leak window, leaves 330 s after it, more than
/// the 300 s the check needs to judge.
public struct ResourceSoakScenario: Scenario {
    public let name = "tier3.resources-soak-10"
    public let tier = 3
    public let summary =
        "10-node mesh, a process per node, at 50 events/s network-wide for 10 minutes (the story's leak window; the dedup window is declared as warm-up): RSS, heap, CPU per node, bytes, connections, queue depth, store size and write latency per second"
    let rate: Double = 50
    let duration: Double = 600

    public init() {}

    public func run(_ context: ScenarioContext) async throws {
        let settings = context.settings
        let size = settings.nodes(default: 10)
        let topology = try settings.meshTopology(nodes: size)
        context.recorder.declare("latency", unit: "ms", better: .lower, meshSize: size, slaClass: "propagation")
        let node = settings.measurementNode(nodes: size)
        try context.recorder.counter(
            "memory_warm_up", unit: "s", value: Int64(clamping: node.dedupWindowNanoseconds / 1_000_000_000))
        try await MeshSession.withLoadMesh(
            topology, node: node, context: context,
            processPerNode: settings.nodeExecutable != nil
        ) { network in
            let load = SustainedLoad(
                phases: [
                    LoadPhase(
                        rate: settings.rate(default: rate), duration: settings.duration(default: duration),
                        publishers: Array(0..<size))
                ],
                latencyMetrics: { _ in ["latency"] })
            _ = try await load.run(on: network, context: context)
        }
    }
}
