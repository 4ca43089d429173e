/// The files `render` must write for the fixtures (the chart set grows with each chart added).
enum ExpectedFiles {
    static let documents = ["benchmark-report.md", "pr-comment.md", "benchmark-results.json"]
    static let withBaseline = documents + ["latency-spectrum.png", "baseline-delta.png", "benchmark-graphs.png"]
}
