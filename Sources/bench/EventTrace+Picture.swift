import BenchFormats
import Charts
import Foundation
import Units

extension EventTrace {
    /// The mesh coloured by arrival time (viridis; grey where the event did not arrive), the
    /// publisher ringed: where the event was slow to get to is visible at a glance.
    func writePicture(to path: String, sourceLine: String) throws {
        let arrivedAt = Dictionary(uniqueKeysWithValues: arrivals.map { ($0.node, $0.arrivedMicros * 1e3) })
        let graphNodes = (0..<nodes).map { GraphNode(label: "n\($0)", value: arrivedAt[$0]) }
        let graphEdges = edges.map { GraphEdge(from: $0[0], to: $0[1]) }
        let circular = topology.hasPrefix("ring") || topology.hasPrefix("full-mesh") || topology.hasPrefix("line")
        let chart = GraphChart(
            title: "Event \(eventID.prefix(12))… from node \(publisher)",
            subtitle:
                "\(topology) · \(mode) · reached \(arrivals.count)/\(nodes) nodes, last after \(String(format: "%.0f", lastArrivalMicros)) µs",
            nodes: graphNodes, edges: graphEdges,
            layout: circular ? .circular : .forceDirected(seed: seed),
            valueTitle: "Arrival after publish", valueDimension: .duration, markedNode: publisher)
        do {
            let commit = FileCommit()
            try commit.add(try ChartPage(width: 960, height: 720, sourceLine: sourceLine).png(chart), to: path)
            try commit.commit()
        } catch {
            throw UsageError("cannot write --png \(path): \(error)")
        }
    }
}
