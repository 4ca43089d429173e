/// Time series gathered during a workload and written as `series` records when it ends. Points
/// are kept in memory (a 10-minute run sampled every second at 100 nodes is a few MB).
struct SeriesBuffer {
    private struct Key: Hashable {
        let metric: String
        let node: Int?
    }

    private var units: [Key: String] = [:]
    private var points: [Key: (t: [Double], values: [Double])] = [:]
    private var order: [Key] = []

    mutating func append(_ metric: String, unit: String, node: Int? = nil, t: Double, value: Double) {
        let key = Key(metric: metric, node: node)
        if units[key] == nil {
            units[key] = unit
            order.append(key)
        }
        points[key, default: ([], [])].t.append(t)
        points[key, default: ([], [])].values.append(value)
    }

    /// Values of one series (empty if never appended).
    func values(_ metric: String, node: Int? = nil) -> [Double] {
        points[Key(metric: metric, node: node)]?.values ?? []
    }

    func write(to recorder: Recorder) throws {
        for key in order {
            guard let unit = units[key], let series = points[key] else { continue }
            try recorder.series(key.metric, unit: unit, node: key.node, t: series.t, values: series.values)
        }
    }
}
