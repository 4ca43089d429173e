import BenchFormats
import Charts
import Units

/// How the chart set recognises time series in a results file: by unit where the unit says
/// enough (a rate is throughput, bytes are memory, a percentage is CPU), by name otherwise
/// (`queue…` is queue depth). Documented in templates/README.md for scenario authors.
enum SeriesKinds {
    static func dimension(_ series: Series) -> Dimension? { (try? ParsedUnit(series.unit))?.dimension }

    static func isThroughput(_ series: Series) -> Bool {
        if case .rate? = dimension(series) { return !isQueue(series) }
        return false
    }

    static func isQueue(_ series: Series) -> Bool { series.metric.lowercased().contains("queue") }

    static func isMemory(_ series: Series) -> Bool {
        if case .bytes? = dimension(series) { return true }
        return false
    }

    static func isCPU(_ series: Series) -> Bool {
        if case .percent? = dimension(series) { return series.metric.lowercased().contains("cpu") }
        return false
    }

    /// The burst window, when the run's config records it (`burst_start_s`, `burst_duration_s`).
    static func burstWindow(_ run: RunHeader?) -> ClosedRange<Double>? {
        guard case .number(let start)? = run?.config["burst_start_s"],
              case .number(let duration)? = run?.config["burst_duration_s"], duration > 0 else { return nil }
        return start...(start + duration)
    }

    /// Base-unit values of a series.
    static func points(_ series: Series) -> [DataPoint] {
        let toBase = (try? ParsedUnit(series.unit))?.toBase ?? 1
        return zip(series.t, series.values).map { DataPoint(x: $0 * 1e9, y: $1 * toBase) }
    }
}
