import Mesh

/// The traced event of the topology chart: the graph and when and how far each node got the
/// first event, as series whose `t` is the node index (docs/formats.md, "topology trace").
enum TopologyTrace {
    static func record(
        _ topology: Topology, publisher: Int, sent: UInt64, arrivals: [Int: Arrival], recorder: Recorder
    ) throws {
        let nodes = arrivals.keys.sorted()
        try recorder.series(
            "trace.arrival", unit: "ms", t: nodes.map(Double.init),
            values: nodes.map { Double(arrivals[$0]!.time &- sent) / 1e6 })
        try recorder.series(
            "trace.hops", unit: "hops", t: nodes.map(Double.init), values: nodes.map { Double(arrivals[$0]!.hops) })
        try recorder.series(
            "topology.edges", unit: "node", t: topology.edges.map { Double($0.a) },
            values: topology.edges.map { Double($0.b) })
        try recorder.counter("trace.publisher", unit: "node", value: Int64(publisher))
    }
}
