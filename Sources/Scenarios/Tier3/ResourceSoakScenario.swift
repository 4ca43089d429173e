import Mesh

/// AC 6 long run: a 10-node mesh under a steady moderate load while resources are sampled every
/// second (`--sample-interval`); its `process_rss` series feeds `analyze`'s leak check (growth
/// over 10 minutes) and its CPU series the saturation check. `--duration 10m` gives the story's
/// full leak window.
public struct ResourceSoakScenario: Scenario {
    public let name = "tier3.resources-soak-10"
    public let tier = 3
    public let summary =
        "10-node mesh at 50 events/s network-wide for 150 s (--duration 10m for the story's leak window): RSS, heap, CPU, bytes, connections, queue depth, store size and write latency per second"
    let rate: Double = 50
    let duration: Double = 150

    public init() {}

    public func run(_ context: ScenarioContext) async throws {
        let settings = context.settings
        let size = settings.nodes(default: 10)
        let topology = try settings.meshTopology(nodes: size)
        context.recorder.declare("latency", unit: "ms", better: .lower, meshSize: size, slaClass: "propagation")
        try await MeshSession.withLoadMesh(topology, node: settings.measurementNode(nodes: size), context: context) {
            network in
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
