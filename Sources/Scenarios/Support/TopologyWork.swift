import Mesh

/// The exact work one event costs on a topology when every node forwards it once, to every peer
/// but the one it came from (TTL never cut short): the closed form the counters must match.
/// With n nodes and E links the publisher sends deg(p) Prepares and every other node deg(v) − 1,
/// so Prepares = 2E − (n − 1), each answered by one response; n − 1 of the Prepares are first
/// arrivals and the rest are duplicates.
struct TopologyWork: Equatable {
    let framesPerEvent: Int
    let verificationsPerEvent: Int
    let storeWritesPerEvent: Int
    let duplicatesPerEvent: Int

    init(_ topology: Topology) {
        let n = topology.nodeCount, links = topology.edges.count
        let prepares = 2 * links - (n - 1)
        framesPerEvent = 2 * prepares
        verificationsPerEvent = n - 1
        storeWritesPerEvent = n
        duplicatesPerEvent = prepares - (n - 1)
    }

    /// Checks measured totals over `events` against the closed form.
    func check(_ work: WorkCounters, events: Int, in context: ScenarioContext) {
        let pairs: [(String, Int, Int)] = [
            ("frames", work.framesOut, framesPerEvent), ("verifications", work.verifications, verificationsPerEvent),
            ("store writes", work.storeWrites, storeWritesPerEvent),
            ("duplicates", work.duplicatesDropped, duplicatesPerEvent),
        ]
        for (what, measured, perEvent) in pairs {
            context.check(
                "\(what) per event match the topology", measured == perEvent * events,
                "\(measured) \(what) over \(events) events; the topology predicts \(perEvent) per event (\(perEvent * events))"
            )
        }
    }
}
