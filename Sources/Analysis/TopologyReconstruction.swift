import BenchFormats

/// Rebuilds `results.topology` (the measured mesh and one traced event) from the ordinary records
/// bench writes for it (docs/formats.md, "Topology trace"): `topology.edges`, `trace.arrival` and
/// `trace.hops` series whose `t` is a node index, and the `trace.publisher` counter. The mesh's
/// kind and diameter are derived from the recorded links, so they describe what was measured.
enum TopologyReconstruction {
    /// Series consumed here; they are not time series, so they stay out of `results.series`.
    static let traceMetrics: Set<String> = ["topology.edges", "trace.arrival", "trace.hops"]
    /// Largest mesh accepted: node indices come from the input and size the adjacency lists,
    /// and the diameter costs nodes × (nodes + links).
    static var maxNodes: Int { InputCap.topologyNodes.value }
    static var maxLinks: Int { InputCap.topologyLinks.value }

    /// The traced mesh with the most nodes (first recorded on a tie), and a note for every
    /// scenario whose trace could not be used.
    static func rebuild(_ run: RunSamples) -> (topology: TopologyResult?, notes: [String]) {
        var scenarios: [String] = []
        for s in run.series where s.metric == "topology.edges" && !scenarios.contains(s.scenario) {
            scenarios.append(s.scenario)
        }
        var best: TopologyResult?
        var notes: [String] = []
        for scenario in scenarios {
            switch build(scenario, run) {
            case .success(let topology):
                if topology.nodes > best?.nodes ?? -1 { best = topology }
            case .failure(let problem):
                notes.append("topology trace of \(scenario) not used: \(problem.reason)")
            }
        }
        return (best, notes)
    }

    struct Problem: Error { let reason: String }

    static func build(_ scenario: String, _ run: RunSamples) -> Result<TopologyResult, Problem> {
        func series(_ metric: String) -> Series? { run.series.first { $0.scenario == scenario && $0.metric == metric } }
        guard let links = series("topology.edges") else { return .failure(Problem(reason: "no topology.edges series")) }
        guard let arrival = series("trace.arrival"), let hops = series("trace.hops") else {
            return .failure(
                Problem(
                    reason:
                        "topology.edges without both trace.arrival and trace.hops series; bench records all three together"
                ))
        }
        guard links.t.count <= maxLinks else {
            return .failure(Problem(reason: "\(links.t.count) links: \(InputCap.topologyLinks.refusal)"))
        }
        let maxNodes = Self.maxNodes
        let indices = links.t + links.values + arrival.t + hops.t
        guard let maxIndex = indices.max(), indices.allSatisfy({ isNodeIndex($0, below: maxNodes) }) else {
            return .failure(
                Problem(reason: "node indices must be integers in 0..<\(maxNodes) (\(InputCap.topologyNodes.refusal))"))
        }
        let meshSize = run.metrics.filter { $0.scenario == scenario }.compactMap(\.meshSize).max()
        let nodes = max(meshSize ?? 0, Int(maxIndex) + 1)
        guard nodes <= maxNodes else {
            return .failure(Problem(reason: "mesh_size \(nodes): \(InputCap.topologyNodes.refusal)"))
        }
        guard arrival.unit == "ms" else {
            return .failure(Problem(reason: "trace.arrival is in \(arrival.unit); bench records it in ms"))
        }
        let edges = zip(links.t, links.values).map { Edge(Int(min($0, $1)), Int(max($0, $1))) }
        let hopsByNode = Dictionary(zip(hops.t.map { Int($0) }, hops.values), uniquingKeysWith: { first, _ in first })
        var arrivals: [Arrival] = []
        var arrived = Set<Int>()
        for (node, ms) in zip(arrival.t.map { Int($0) }, arrival.values) where arrived.insert(node).inserted {
            // A hop count is at most the number of nodes; anything else (1e300) is no hop count.
            guard let h = hopsByNode[node], isNodeIndex(h, below: nodes) else {
                return .failure(
                    Problem(
                        reason: "node \(node) has an arrival time but no whole hop count in 0..<\(nodes) in trace.hops")
                )
            }
            arrivals.append(Arrival(node: node, ms: ms, hops: Int(h)))
        }
        let counter = run.counters.first { $0.scenario == scenario && $0.metric == "trace.publisher" }
        if let counter, !(counter.value >= 0 && counter.value < Int64(nodes)) {
            return .failure(Problem(reason: "trace.publisher \(counter.value) is not a node index in 0..<\(nodes)"))
        }
        let publisher = counter.map { Int($0.value) } ?? arrivals.first { $0.hops == 0 }?.node
        let graph = TopologyShape(nodes: nodes, edges: edges)
        return .success(
            TopologyResult(
                scenario: scenario, nodes: nodes, kind: graph.kind, edges: edges,
                diameter: graph.diameter, publisher: publisher, arrivals: arrivals))
    }

    /// A whole number in `0..<bound`: the range check that makes `Int(x)` safe.
    static func isNodeIndex(_ x: Double, below bound: Int) -> Bool { x >= 0 && x < Double(bound) && x == x.rounded() }
}
