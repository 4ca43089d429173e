/// What a verdict covered: how many SLAs, structural checks, exact counters and timed metrics
/// were judged, and why timings were not compared when none were. A headline reads it so that
/// "no regression" is said only when timings were compared.
public struct VerdictScope: Codable, Hashable, Sendable {
    /// SLAs evaluated (every statistic with a limit counts once).
    public var slas: Int
    /// Structural checks that ran (skipped ones do not count).
    public var checks: Int
    /// Exact counters compared with the baseline.
    public var counters: Int
    /// Timed (sampled) metrics compared with the baseline or the other side.
    public var timings: Int
    /// Why no timed metric was compared ("baseline from another machine class …"); nil when some were.
    public var timingsNotCompared: String?
    /// The command that compares timings on this machine, named when they were not compared.
    public var compareCommand: String?

    public init(
        slas: Int, checks: Int, counters: Int, timings: Int, timingsNotCompared: String? = nil,
        compareCommand: String? = nil
    ) {
        self.slas = slas
        self.checks = checks
        self.counters = counters
        self.timings = timings
        self.timingsNotCompared = timingsNotCompared
        self.compareCommand = compareCommand
    }

    /// Counts what the results judged: every SLA statistic, every check that ran, and the counters
    /// and timed metrics that were compared (noise, improved, warn or fail).
    public init(
        counting metrics: [MetricResult], checks: [CheckResult], counters: [CounterResult],
        timingsNotCompared: String? = nil, compareCommand: String? = nil
    ) {
        let compared: Set<ChangeVerdict> = [.noise, .improved, .warn, .fail]
        self.init(
            slas: metrics.reduce(0) { $0 + ($1.sla?.count ?? 0) },
            checks: checks.filter { $0.status != .skipped }.count,
            counters: counters.filter { $0.verdict.map { compared.contains($0) } ?? false }.count,
            timings: metrics.filter { $0.change.map { compared.contains($0.verdict) } ?? false }.count,
            timingsNotCompared: timingsNotCompared, compareCommand: compareCommand)
    }

    /// "SLAs (4), checks (3) and counters (11)": what was judged besides timings, each with its
    /// count; nil when nothing was. The verdict line and the report both say it, so neither claims
    /// a kind of check that did not apply.
    public var judgedBesidesTimings: String? {
        var parts: [String] = []
        if slas > 0 { parts.append("SLAs (\(slas))") }
        if checks > 0 { parts.append("checks (\(checks))") }
        if counters > 0 { parts.append("counters (\(counters))") }
        guard let last = parts.last else { return nil }
        return parts.count == 1 ? last : parts.dropLast().joined(separator: ", ") + " and " + last
    }

    enum CodingKeys: String, CodingKey {
        case slas, checks, counters, timings
        case timingsNotCompared = "timings_not_compared"
        case compareCommand = "compare_command"
    }
}

/// A metric or counter the baseline has for a scenario of this run that the run did not produce:
/// a measurement that silently disappeared, so it is at least a WARN.
public struct MissingMetric: Codable, Hashable, Sendable {
    public var scenario: String
    public var metric: String
    public var unit: String
    /// True for an exact counter, false for a sampled (timed) metric.
    public var counter: Bool

    public init(scenario: String, metric: String, unit: String, counter: Bool) {
        self.scenario = scenario
        self.metric = metric
        self.unit = unit
        self.counter = counter
    }

    public var key: MetricKey { MetricKey(scenario: scenario, metric: metric) }
}
