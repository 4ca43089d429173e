import BenchFormats
import Charts

/// `topology.png`: the measured mesh, each node coloured by when a traced event reached it,
/// the publisher marked; shows at a glance whether propagation follows the hop distance.
struct TopologyChart: ReportChart {
    static let fileName = "topology.png"
    let file = fileName
    let title = "Mesh topology and propagation"
    var size: (width: Int, height: Int) { (800, 700) }

    func plan(_ results: LoadedResults) -> ChartPlan {
        guard let topology = results.topology, topology.nodes > 0 else {
            return .noData("the results record no topology")
        }
        // The force-directed layout is quadratic in the nodes: a larger mesh is not drawn (and
        // would not be legible at this size anyway).
        guard topology.nodes <= InputCap.drawnGraphNodes.value else {
            return .noData("\(topology.nodes) nodes: \(InputCap.drawnGraphNodes.refusal)")
        }
        let graph = MeshGraph(
            nodeCount: topology.nodes, edges: topology.edges.map { ($0.a, $0.b) },
            arrivalNanos: Dictionary(
                topology.arrivals.map { ($0.node, $0.ms * 1e6) }, uniquingKeysWith: { first, _ in first }),
            publisher: topology.publisher, seed: results.run?.seed ?? 1)
        let reached = topology.arrivals.count
        let chart = graph.chart(
            title: title,
            subtitle: (topology.scenario.map { "\($0): " } ?? "")
                + "\(topology.kind), \(topology.nodes) nodes, diameter \(topology.diameter) hops; colour: arrival time of a traced event"
        )
        let slowest = topology.arrivals.max { $0.ms < $1.ms }
        let alt =
            "Graph of a \(topology.kind) mesh of \(topology.nodes) nodes and \(graph.edges.count) links, diameter \(topology.diameter); "
            + "the traced event reached \(reached) nodes"
            + (slowest.map {
                ", the last (node \($0.node), \($0.hops) hops) after \(ValueText().value($0.ms, unit: "ms"))"
            } ?? "") + "."
        return .draw(chart, alt: alt)
    }
}
