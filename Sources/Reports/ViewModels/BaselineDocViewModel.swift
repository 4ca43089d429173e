import BenchFormats
import Foundation

public struct BaselineMetricRow: Sendable {
    public let scenario, metric, n, mean, p50, p95, p99, max, noiseFloor: String
}

public struct SLALimitRow: Sendable {
    public let appliesTo, limit, source: String
}

/// The baseline figures and the SLAs of one mesh size (or of scenarios without one).
public struct MeshSizeSection: Sendable {
    public let title: String
    public let rows: [BaselineMetricRow]
    public let hasRows: Bool
    public let slaRows: [SLALimitRow]
    public let hasSLA: Bool
}

public struct RegressionRow: Sendable {
    public let metricClass, warn, fail: String
}

public struct LimitRow: Sendable {
    public let name, value, source: String
}

/// Everything `templates/performance-baseline.mustache` can print: the baseline per mesh size,
/// the SLAs and thresholds it is judged by, the host it was recorded on, how to update it.
public struct BaselineDocViewModel: Sendable {
    public let baselineFile, thresholdsFile: String
    public let recordedAt: String
    public let environment: EnvironmentView
    public let sections: [MeshSizeSection]
    public let hasMetrics: Bool
    public let metricCount: Int
    public let counterRows: [LimitRow]
    public let hasCounters: Bool
    public let noise, alpha: String
    public let regressionRows: [RegressionRow]
    public let checkRows: [LimitRow]
    public let flakePolicy, retention: String
    /// docs/bottlenecks.md, headings moved one level down, or nil when not included.
    public let bottlenecks: BottleneckNotes?

    init(
        baseline: Baseline, thresholds: Thresholds, baselineFile: String, thresholdsFile: String,
        bottlenecks: BottleneckNotes? = nil
    ) {
        self.bottlenecks = bottlenecks
        let text = ValueText(markdown: true)
        let escape = MarkdownEscaping.text
        self.baselineFile = escape(baselineFile)
        self.thresholdsFile = escape(thresholdsFile)
        recordedAt = DateText.display(baseline.recordedAt)
        environment = EnvironmentView(run: baseline.run, fallbackDate: baseline.recordedAt)

        let bySize = Dictionary(grouping: baseline.metrics) { MeshSize.of(scenario: $0.scenario) }
        let slaBySize = Dictionary(grouping: thresholds.slas, by: \.meshSize)
        let sizes = Set(bySize.keys).union(slaBySize.keys).sorted { ($0 ?? Int.max) < ($1 ?? Int.max) }
        sections = sizes.map { size in
            let rows = (bySize[size] ?? []).sorted { ($0.scenario, $0.metric) < ($1.scenario, $1.metric) }.map { m in
                let s = m.summary
                let cells = text.values([s.mean, s.p50, s.p95, s.p99, s.max], unit: m.unit)
                return BaselineMetricRow(
                    scenario: escape(m.scenario), metric: escape(m.metric),
                    n: "\(text.count(s.n)) (\(s.runs) run\(s.runs == 1 ? "" : "s"))",
                    mean: cells[0], p50: cells[1], p95: cells[2], p99: cells[3], max: cells[4],
                    noiseFloor: m.noiseFloorPct.map { "± " + text.value($0, unit: "%") } ?? "not measured")
            }
            let slas = (slaBySize[size] ?? []).map { entry in
                SLALimitRow(
                    appliesTo: escape(Self.selector(entry)),
                    limit: escape("\(entry.stat.rawValue) \(entry.op.rawValue)") + " "
                        + text.value(entry.limit, unit: entry.unit),
                    source: escape(entry.source))
            }
            return MeshSizeSection(
                title: size.map { "\($0) nodes" } ?? "Any mesh size", rows: rows, hasRows: !rows.isEmpty,
                slaRows: slas, hasSLA: !slas.isEmpty)
        }
        hasMetrics = !baseline.metrics.isEmpty
        metricCount = baseline.metrics.count
        counterRows = baseline.counters.sorted { ($0.scenario, $0.metric) < ($1.scenario, $1.metric) }.map {
            LimitRow(
                name: escape("\($0.scenario) · \($0.metric)"), value: text.value($0.value, unit: $0.unit), source: "")
        }
        hasCounters = !counterRows.isEmpty

        noise = "± " + text.value(thresholds.noisePct, unit: "%")
        alpha = String(format: "%g", thresholds.alpha)
        regressionRows = MetricClass.allCases.map { cls in
            let limits = thresholds.limits(for: cls)
            return RegressionRow(
                metricClass: cls.rawValue,
                warn: limits.warnPct.map { text.percent($0) } ?? "not gated",
                fail: limits.failPct.map { text.percent($0) } ?? "not gated")
        }
        checkRows = Self.checks(thresholds.checks)
        flakePolicy =
            "A test is quarantined when more than \(text.value(thresholds.flakes.maxRatePct, unit: "%")) of its runs "
            + "needed a retry, judged after \(thresholds.flakes.minRuns) runs; \(thresholds.flakes.retries) retry after a failure."
        retention =
            "History is kept \(thresholds.retentionDays) days; trends look back \(thresholds.trendWindowDays) days."
    }

    /// "latency · single_hop" or "propagation-10 / latency": what an SLA entry's selector matches.
    static func selector(_ entry: SLAEntry) -> String {
        var parts: [String] = []
        if let scenario = entry.scenario { parts.append("scenario \(scenario)") }
        if let metric = entry.metric { parts.append("metric \(metric)") }
        if let cls = entry.metricClass { parts.append(cls.rawValue) }
        if let slaClass = entry.slaClass { parts.append(slaClass.replacingOccurrences(of: "_", with: " ")) }
        return parts.isEmpty ? "every metric in \(entry.unit)" : parts.joined(separator: " · ")
    }

    static func checks(_ c: CheckLimits) -> [LimitRow] {
        let text = ValueText(markdown: true)
        var rows = [
            LimitRow(
                name: "burst",
                value:
                    "\(text.value(c.burstRateEventsPerS, unit: "events/s")) for \(text.value(c.burstDurationS, unit: "s")), recovered within \(text.value(c.burstRecoveryS, unit: "s"))",
                source: "AC 3"),
            LimitRow(
                name: "queue depth", value: "below \(text.value(c.queueDepthMax, unit: "events"))", source: "AC 3"),
            LimitRow(
                name: "memory leak",
                value:
                    "growth above \(text.value(c.leakGrowthPct, unit: "%")) over \(text.value(c.leakWindowS, unit: "s"))",
                source: "AC 6"),
            LimitRow(
                name: "CPU saturation",
                value:
                    "above \(text.value(c.cpuSaturationPct, unit: "%")) for \(text.value(c.cpuSaturationWindowS, unit: "s"))",
                source: "AC 6"),
            LimitRow(
                name: "OOM risk", value: "memory above \(text.value(c.oomRiskPct, unit: "%")) of what is available",
                source: "AC 6"),
            LimitRow(
                name: "straggler", value: "a delivery slower than \(text.value(c.stragglerMS, unit: "ms"))",
                source: "AC 2"),
            LimitRow(name: "packet loss", value: "at most \(text.value(c.packetLossPct, unit: "%"))", source: "AC 6"),
        ]
        for (size, hops) in c.maxDiameterHops.sorted(by: { (Int($0.key) ?? 0) < (Int($1.key) ?? 0) }) {
            rows.append(
                LimitRow(
                    name: "diameter at \(MarkdownEscaping.text(size)) nodes", value: "at most \(hops) hops",
                    source: "AC 1"))
        }
        return rows
    }
}

/// The mesh size a scenario was measured at, from its name (`<kind>-<size>`, see
/// templates/README.md): the baseline file records scenarios, not sizes.
enum MeshSize {
    static func of(scenario: String) -> Int? {
        guard let dash = scenario.lastIndex(where: { $0 == "-" || $0 == "_" }) else { return nil }
        let digits = scenario[scenario.index(after: dash)...]
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        return Int(digits)
    }
}
