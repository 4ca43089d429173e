import Mesh

/// Turns the nodes' per-event phase timings (decode, verify, store, match, forward) into sampled
/// metrics `phase.<name>` in µs, one value per event per node, so the report can show where a
/// delivery's time goes (AC 2 latency breakdown). Each node keeps its most recent records only;
/// at most `perNodeLimit` of them are recorded per node to keep large meshes' files small.
enum PhaseRecorder {
    static var phases: [(String, KeyPath<PhaseTiming, UInt64>)] {
        [
            ("phase.decode", \.decode), ("phase.verify", \.verify), ("phase.store", \.store),
            ("phase.match", \.match), ("phase.forward", \.forward),
        ]
    }

    static func record(_ network: MeshUnderTest, context: ScenarioContext, perNodeLimit: Int = 2_000) async throws {
        for (metric, _) in phases {
            context.recorder.declare(metric, unit: "us", better: .lower, meshSize: network.nodeCount)
        }
        for node in 0..<network.nodeCount {
            let records = try await network.phaseTimings(of: node).records.suffix(perNodeLimit)
            for timing in records {
                for (metric, path) in phases {
                    try context.recorder.sample(metric, Double(timing[keyPath: path]) / 1e3, node: node)
                }
            }
        }
    }
}
