import BenchFormats
import Charts
import Units

/// How the chart set recognises time series in a results file: by unit where the unit says
/// enough (events/s is throughput, bytes are memory, a percentage is CPU), by name otherwise
/// (`queue…` is queue depth, `…rss…` is resident memory). Documented in templates/README.md for
/// scenario authors.
enum SeriesKinds {
    static func dimension(_ series: Series) -> Dimension? { ParsedUnit.known(series.unit)?.dimension }

    /// Events per second only: byte rates (`bytes_in`, `bytes_out` in B/s) are link traffic, and
    /// drawing them on an events/s axis would mislabel them.
    static func isThroughput(_ series: Series) -> Bool {
        if case .rate(let noun)? = dimension(series) { return noun == "events" && !isQueue(series) }
        return false
    }

    static func isQueue(_ series: Series) -> Bool { series.metric.lowercased().contains("queue") }

    static func isMemory(_ series: Series) -> Bool {
        if case .bytes? = dimension(series) { return true }
        return false
    }

    /// Resident memory (`rss`, `process_rss`): what the memory panel shows when present, so a
    /// database size or heap in MB is not mixed into it.
    static func isRSS(_ series: Series) -> Bool { isMemory(series) && series.metric.lowercased().contains("rss") }

    static func isCPU(_ series: Series) -> Bool {
        if case .percent? = dimension(series) { return series.metric.lowercased().contains("cpu") }
        return false
    }

    /// The burst window, when the run's config records it (`burst_start_s`, `burst_duration_s`).
    static func burstWindow(_ run: RunHeader?) -> ClosedRange<Double>? {
        guard case .number(let start)? = run?.config["burst_start_s"],
            case .number(let duration)? = run?.config["burst_duration_s"], duration > 0
        else { return nil }
        return start...(start + duration)
    }

    /// "scenario · metric", with the node when the series belongs to one.
    static func name(_ series: Series) -> String {
        "\(series.scenario) · \(series.metric)" + (series.node.map { " · node \($0)" } ?? "")
    }

    /// Series grouped by scenario and metric, in first-recorded order (one group = one quantity
    /// sampled on every node together).
    static func groups(_ series: [Series]) -> [[Series]] {
        var keys: [String] = []
        var grouped: [String: [Series]] = [:]
        for s in series {
            let key = s.scenario + "\u{0}" + s.metric
            if grouped[key] == nil { keys.append(key) }
            grouped[key, default: []].append(s)
        }
        return keys.map { grouped[$0]! }
    }

    /// Base-unit values of a series.
    static func points(_ series: Series) -> [DataPoint] {
        let toBase = ParsedUnit.known(series.unit)?.toBase ?? 1
        return zip(series.t, series.values).map { DataPoint(x: $0 * 1e9, y: $1 * toBase) }
    }
}
