extension MetricResult {
    /// The points hop linearity is judged on: each recorded hop count and its median, in hop
    /// order. analyze's `hop_linearity` check fits its line to these, and render's
    /// latency-by-hops chart draws the same line, so the picture shows what the verdict judged.
    public var hopMedians: (hops: [Double], medians: [Double]) {
        let buckets = (byHops ?? []).sorted { $0.hops < $1.hops }
        return (buckets.map { Double($0.hops) }, buckets.map(\.p50))
    }
}
