import BenchFormats
import Charts
import Foundation

/// `bench trace --png FILE`: the traced mesh coloured by arrival time (grey where the event did
/// not arrive), the publisher ringed, so where the event was slow to get to shows at a glance.
/// Drawn by `MeshGraph`, like the report's topology chart. The folder is checked when the
/// picture is set up, so a bad `--png` fails before the mesh runs.
public struct TracePicture {
    static let width = 960
    static let height = 720

    private let path: String
    private let folder: OutputFolder

    public init(path: String) throws(ReportError) {
        self.path = path
        do {
            folder = try OutputFolder(path: URL(fileURLWithPath: path).deletingLastPathComponent().path)
        } catch .outputNotWritable(let folder, let reason, _) {
            throw .outputNotWritable(path: folder, reason: reason, option: "--png")
        }
    }

    /// Draws and writes the picture; `sourceLine` says where the numbers came from.
    public func write(_ trace: EventTrace, sourceLine: String) throws(ReportError) {
        // The force-directed layout is quadratic in the nodes, as for the report's chart.
        guard trace.nodes <= InputCap.drawnGraphNodes.value else {
            throw .inputInvalid(path: path, reason: "\(trace.nodes) nodes: \(InputCap.drawnGraphNodes.refusal)")
        }
        let graph = MeshGraph(
            nodeCount: trace.nodes, edges: trace.edges.compactMap { $0.count == 2 ? ($0[0], $0[1]) : nil },
            arrivalNanos: Dictionary(
                trace.arrivals.map { ($0.node, $0.arrivedMicros * 1e3) }, uniquingKeysWith: { first, _ in first }),
            publisher: trace.publisher, seed: trace.seed)
        let chart = graph.chart(
            title: "Event \(trace.eventID.prefix(12))… from node \(trace.publisher)",
            subtitle:
                "\(trace.topology) · \(trace.mode) · reached \(trace.arrivals.count)/\(trace.nodes) nodes, last after \(String(format: "%.0f", trace.lastArrivalMicros)) µs"
        )
        let page = ChartPage(width: Self.width, height: Self.height, sourceLine: sourceLine)
        let name = URL(fileURLWithPath: path).lastPathComponent
        try ChartSet.write(page, chart, name: name, folder: folder)
        try folder.commit()
    }
}
