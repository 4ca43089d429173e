import Mesh

/// Tier 1 smoke: an event published at one end of a 3-node line reaches both other nodes exactly
/// once; one latency sample per delivery, with its hop count (1 or 2) and node, and the nodes'
/// phase timings, so the smoke tier's report shows where a delivery's time goes.
public struct PropagationScenario: Scenario {
    public let name = "tier1.propagation-3"
    public let tier = 1
    public let summary = "3-node line: every event reaches both peers exactly once; latency per delivery by hop count"
    /// Measured events per repetition, after `warmup` unrecorded ones (first SQLite pages, lazy
    /// allocations), so p99 of a 3-node run rests on 600 deliveries.
    public var events = 300
    public var warmup = 20

    public init() {}

    public func run(_ context: ScenarioContext) async throws {
        let topology = try Topology.line(nodes: 3)
        context.recorder.declare("latency", unit: "ms", better: .lower, meshSize: 3, slaClass: "propagation")
        for rep in 0..<context.settings.repetitions {
            try await MeshSession.with(topology, context: context, seedOffset: UInt64(rep)) { network in
                let probe = PropagationProbe(
                    network: network, context: context, publisher: 0,
                    metric: "latency", targets: [1, 2])
                // Link set-up (auth, REQ exchange) is not part of any event's cost.
                let setup = try await WorkCounters.total(of: network)
                let start = await network.now()
                for sequence in 0..<warmup {
                    try await probe.publish(sequence: sequence, rep: rep, record: false, scenarioStart: start)
                }
                var wrongHops = 0
                for sequence in warmup..<(warmup + events) {
                    let arrivals = try await probe.publish(
                        sequence: sequence, rep: rep, record: true, scenarioStart: start)
                    if arrivals[1]?.hops != 1 || arrivals[2]?.hops != 2 { wrongHops += 1 }
                }
                try await network.awaitIdle(timeoutNanoseconds: UInt64(context.settings.timeout(5) * 1e9))
                let published = warmup + events
                for node in 0..<3 {
                    let stored = try await network.storedEventCount(node: node)
                    context.check(
                        "node \(node) stores each event once", stored == published,
                        "repetition \(rep): node \(node) stored \(stored) events, \(published) were published")
                }
                let publisher = try await network.counters(of: 0)
                context.check(
                    "no echo to the publisher", publisher.eventPreparesIn == 0,
                    "repetition \(rep): the publisher received \(publisher.eventPreparesIn) copies of its own events")
                context.check(
                    "hop counts match the line", wrongHops == 0,
                    "repetition \(rep): \(wrongHops) events arrived with hop counts other than 1 and 2")
                if rep == 0 {
                    try await WorkCounters.total(of: network).subtracting(setup).record(events: published, in: context)
                    try await PhaseRecorder.record(network, context: context)
                }
            }
        }
    }
}
