import Mesh

/// Tier 1 smoke: in a triangle every event reaches each peer along two paths (direct and via the
/// third node); each node must store it once and fulfil the second copy as a duplicate. Then the
/// same signed event is published again from another node: nothing new may be stored.
public struct DeduplicationScenario: Scenario {
    public let name = "tier1.dedup-3"
    public let tier = 1
    public let summary = "3-node full mesh: each event arrives along two paths and is stored once per node"
    public var events = 200
    public var warmup = 20

    public init() {}

    public func run(_ context: ScenarioContext) async throws {
        let topology = try Topology.fullMesh(nodes: 3)
        context.recorder.declare("latency", unit: "ms", better: .lower, meshSize: 3, slaClass: "single_hop")
        for rep in 0..<context.settings.repetitions {
            try await MeshSession.with(topology, context: context, seedOffset: 100 + UInt64(rep)) { network in
                let probe = PropagationProbe(
                    network: network, context: context, publisher: 0,
                    metric: "latency", targets: [1, 2])
                // Link set-up (auth, REQ exchange) is not part of any event's cost.
                let setup = try await WorkCounters.total(of: network)
                let start = await network.now()
                var last: String?
                for sequence in 0..<(warmup + events) {
                    try await probe.publish(
                        sequence: sequence, rep: rep, record: sequence >= warmup, scenarioStart: start)
                }
                let timeout = UInt64(context.settings.timeout(5) * 1e9)
                try await network.awaitIdle(timeoutNanoseconds: timeout)
                let published = warmup + events
                let work = try await WorkCounters.total(of: network).subtracting(setup)
                // Publisher → 2 peers, each peer forwards once to the other: 4 Prepares, 2 stores,
                // 2 duplicates per event, whatever order the copies race in.
                context.check(
                    "two duplicates dropped per event", work.duplicatesDropped == 2 * published,
                    "repetition \(rep): \(work.duplicatesDropped) duplicates for \(published) events, expected \(2 * published)"
                )
                for node in 0..<3 {
                    let stored = try await network.storedEventCount(node: node)
                    context.check(
                        "node \(node) stores each event once", stored == published,
                        "repetition \(rep): node \(node) stored \(stored) events, \(published) were published")
                }
                if rep == 0 { try work.record(events: published, in: context) }

                // The same signed event again, now entering at node 1: every node already has it.
                let replay = try await network.publish(from: 2, content: "meshbench replay \(rep)")
                context.published(replay)
                try await network.awaitIdle(timeoutNanoseconds: timeout)
                last = replay.id
                try await network.publish(replay, from: 1)
                try await network.awaitIdle(timeoutNanoseconds: timeout)
                for node in 0..<3 {
                    let stored = try await network.storedEventCount(node: node)
                    context.check(
                        "a republished event is not stored again at node \(node)", stored == published + 1,
                        "repetition \(rep): node \(node) holds \(stored) events after the replay of \(last ?? "?"), expected \(published + 1)"
                    )
                }
            }
        }
    }
}
