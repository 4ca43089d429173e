/// The files `render` must write for the fixtures (the chart set grows with each chart added).
enum ExpectedFiles {
    static let documents = ["benchmark-report.md", "pr-comment.md", "benchmark-results.json"]
    static let withBaseline =
        documents + [
            "latency-spectrum.png", "baseline-delta.png", "latency-by-mesh-size.png", "latency-by-hops.png",
            "latency-breakdown.png", "throughput-timeline.png", "resources.png", "topology.png", "flakes.png",
            "trends.png", "trend-propagation-10-latency.png", "benchmark-graphs.png",
        ]
}
