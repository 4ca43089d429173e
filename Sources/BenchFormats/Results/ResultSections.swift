import Foundation

/// An exact counter of this run, with its baseline value when one exists.
public struct CounterResult: Codable, Hashable, Sendable {
    public var scenario: String
    public var metric: String
    public var unit: String
    public var value: Double
    public var baselineValue: Double?
    public var verdict: ChangeVerdict?

    public init(
        scenario: String, metric: String, unit: String, value: Double,
        baselineValue: Double? = nil, verdict: ChangeVerdict? = nil
    ) {
        self.scenario = scenario
        self.metric = metric
        self.unit = unit
        self.value = value
        self.baselineValue = baselineValue
        self.verdict = verdict
    }

    public var key: MetricKey { MetricKey(scenario: scenario, metric: metric) }

    enum CodingKeys: String, CodingKey {
        case scenario, metric, unit, value, verdict
        case baselineValue = "baseline_value"
    }
}

/// A structural check (hop linearity, scaling, leak, burst recovery, queue bound, diameter, delivery).
public struct CheckResult: Codable, Hashable, Sendable {
    public var name: String
    public var scenario: String
    public var status: CheckStatus
    public var measured: Double?
    public var limit: Double?
    public var unit: String?
    /// What was checked and why it passed or failed, in words.
    public var detail: String

    public init(
        name: String, scenario: String, status: CheckStatus, measured: Double? = nil,
        limit: Double? = nil, unit: String? = nil, detail: String
    ) {
        self.name = name
        self.scenario = scenario
        self.status = status
        self.measured = measured
        self.limit = limit
        self.unit = unit
        self.detail = detail
    }
}

/// Final state of one test over its attempts in this run.
public struct OutcomeSummary: Codable, Hashable, Sendable {
    public var test: String
    public var tier: Int
    public var attempts: Int
    /// Status of the last attempt.
    public var status: OutcomeStatus
    /// Failed at least once and then passed on retry.
    public var flaky: Bool

    public init(test: String, tier: Int, attempts: Int, status: OutcomeStatus, flaky: Bool) {
        self.test = test
        self.tier = tier
        self.attempts = attempts
        self.status = status
        self.flaky = flaky
    }
}

/// One run's value of a metric in a trend.
public struct TrendPoint: Codable, Hashable, Sendable {
    public var t: Date
    public var value: Double
    public var runID: String
    /// Flagged by the anomaly rule.
    public var anomaly: Bool?

    public init(t: Date, value: Double, runID: String, anomaly: Bool? = nil) {
        self.t = t
        self.value = value
        self.runID = runID
        self.anomaly = anomaly
    }

    enum CodingKeys: String, CodingKey {
        case t, value, anomaly
        case runID = "run_id"
    }
}

/// A metric's trend over the history window.
public struct TrendResult: Codable, Hashable, Sendable {
    public var scenario: String
    public var metric: String
    /// The statistic plotted (usually p50 or p95).
    public var stat: Statistic
    public var unit: String
    public var better: Better
    public var points: [TrendPoint]
    public var slopePerDay: Double?
    public var slopeCI: Interval?
    public var r2: Double?
    /// p-value of the slope.
    public var p: Double?
    public var direction: TrendDirection
    /// Indices into `points` where a change point starts.
    public var changePoints: [Int]
    /// The anomaly rule in words (e.g. "robust z > 3.5 on median/MAD").
    public var anomalyRule: String

    public init(
        scenario: String, metric: String, stat: Statistic, unit: String, better: Better,
        points: [TrendPoint], slopePerDay: Double? = nil, slopeCI: Interval? = nil,
        r2: Double? = nil, p: Double? = nil, direction: TrendDirection,
        changePoints: [Int] = [], anomalyRule: String
    ) {
        self.scenario = scenario
        self.metric = metric
        self.stat = stat
        self.unit = unit
        self.better = better
        self.points = points
        self.slopePerDay = slopePerDay
        self.slopeCI = slopeCI
        self.r2 = r2
        self.p = p
        self.direction = direction
        self.changePoints = changePoints
        self.anomalyRule = anomalyRule
    }

    public var key: MetricKey { MetricKey(scenario: scenario, metric: metric) }

    enum CodingKeys: String, CodingKey {
        case scenario, metric, stat, unit, better, points, r2, p, direction
        case slopePerDay = "slope_per_day"
        case slopeCI = "slope_ci"
        case changePoints = "change_points"
        case anomalyRule = "anomaly_rule"
    }
}

/// Flake statistics of one test over the flake history.
public struct FlakeResult: Codable, Hashable, Sendable {
    public var test: String
    public var tier: Int
    public var runs: Int
    public var failures: Int
    public var passesAfterRetry: Int
    /// Fraction in [0, 1] of runs that needed a retry to pass.
    public var flakeRate: Double
    public var quarantined: Bool

    public init(
        test: String, tier: Int, runs: Int, failures: Int, passesAfterRetry: Int,
        flakeRate: Double, quarantined: Bool
    ) {
        self.test = test
        self.tier = tier
        self.runs = runs
        self.failures = failures
        self.passesAfterRetry = passesAfterRetry
        self.flakeRate = flakeRate
        self.quarantined = quarantined
    }

    enum CodingKeys: String, CodingKey {
        case test, tier, runs, failures, quarantined
        case passesAfterRetry = "passes_after_retry"
        case flakeRate = "flake_rate"
    }
}

/// An undirected link between two node indices, written `[a, b]`.
public struct Edge: Codable, Hashable, Sendable {
    public var a: Int
    public var b: Int

    public init(_ a: Int, _ b: Int) {
        self.a = a
        self.b = b
    }

    public init(from decoder: Decoder) throws {
        var c = try decoder.unkeyedContainer()
        if let count = c.count, count != 2 {
            throw DecodingError.dataCorruptedError(
                in: c, debugDescription: "an edge is [a, b]; found \(count) elements")
        }
        a = try c.decode(Int.self)
        b = try c.decode(Int.self)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.unkeyedContainer()
        try c.encode(a)
        try c.encode(b)
    }
}

/// When a traced event reached a node.
public struct Arrival: Codable, Hashable, Sendable {
    public var node: Int
    /// Milliseconds after publication.
    public var ms: Double
    public var hops: Int

    public init(node: Int, ms: Double, hops: Int) {
        self.node = node
        self.ms = ms
        self.hops = hops
    }
}

/// The measured mesh, for the topology/propagation chart.
public struct TopologyResult: Codable, Hashable, Sendable {
    /// Scenario whose mesh and traced event these are (absent in files written before it existed).
    public var scenario: String?
    public var nodes: Int
    /// `full`, `line`, `ring`, `star`, `k-regular`, `small-world`...
    public var kind: String
    public var edges: [Edge]
    public var diameter: Int
    /// Node that published the traced event.
    public var publisher: Int?
    public var arrivals: [Arrival]

    public init(
        scenario: String? = nil, nodes: Int, kind: String, edges: [Edge], diameter: Int, publisher: Int? = nil,
        arrivals: [Arrival] = []
    ) {
        self.scenario = scenario
        self.nodes = nodes
        self.kind = kind
        self.edges = edges
        self.diameter = diameter
        self.publisher = publisher
        self.arrivals = arrivals
    }
}

/// Which baseline the run was compared with, and whether the comparison was allowed.
public struct ComparisonInfo: Codable, Hashable, Sendable {
    public var baselineRunID: String
    public var baselineHost: String
    /// False when the baseline was recorded on another machine class: timings were not compared
    /// (exact counters still were).
    public var comparable: Bool
    /// The baseline's machine class (`MachineClass.description`); absent in older files.
    public var baselineClass: String?
    /// What the reference side is when it is not a stored baseline, e.g. "base 1a2b3c4 (A)" for
    /// a same-runner A/B comparison; absent for a stored baseline.
    public var reference: String?
    /// Multiplicity correction used, `benjamini-hochberg`.
    public var fdr: String
    /// The noise floor the verdicts used (thresholds' `noise_pct`): changes within ± this many
    /// percent are noise. Optional so files written before it existed still read; render then
    /// falls back to the thresholds file it is given.
    public var noisePct: Double?
    /// The WARN/FAIL limits per metric class the verdicts used (thresholds' `regression`), so a
    /// chart can draw them without the thresholds file. Optional, like `noisePct`.
    public var regression: [MetricClass: RegressionLimits]?

    public init(
        baselineRunID: String, baselineHost: String, comparable: Bool, fdr: String = "benjamini-hochberg",
        noisePct: Double? = nil, regression: [MetricClass: RegressionLimits]? = nil,
        baselineClass: String? = nil, reference: String? = nil
    ) {
        self.baselineRunID = baselineRunID
        self.baselineHost = baselineHost
        self.comparable = comparable
        self.baselineClass = baselineClass
        self.reference = reference
        self.fdr = fdr
        self.noisePct = noisePct
        self.regression = regression
    }

    enum CodingKeys: String, CodingKey {
        case comparable, fdr, regression, reference
        case baselineClass = "baseline_class"
        case baselineRunID = "baseline_run_id"
        case baselineHost = "baseline_host"
        case noisePct = "noise_pct"
    }

    /// `regression` is a JSON object keyed by class name, as in thresholds.json.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        baselineRunID = try c.decode(String.self, forKey: .baselineRunID)
        baselineHost = try c.decode(String.self, forKey: .baselineHost)
        comparable = try c.decode(Bool.self, forKey: .comparable)
        fdr = try c.decode(String.self, forKey: .fdr)
        noisePct = try c.decodeIfPresent(Double.self, forKey: .noisePct)
        baselineClass = try c.decodeIfPresent(String.self, forKey: .baselineClass)
        reference = try c.decodeIfPresent(String.self, forKey: .reference)
        regression = try c.decodeIfPresent([String: RegressionLimits].self, forKey: .regression).map {
            try Thresholds.enumKeyed($0, field: "comparison.regression", codingPath: c.codingPath)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(baselineRunID, forKey: .baselineRunID)
        try c.encode(baselineHost, forKey: .baselineHost)
        try c.encode(comparable, forKey: .comparable)
        try c.encode(fdr, forKey: .fdr)
        try c.encodeIfPresent(noisePct, forKey: .noisePct)
        try c.encodeIfPresent(baselineClass, forKey: .baselineClass)
        try c.encodeIfPresent(reference, forKey: .reference)
        try c.encodeIfPresent(
            regression.map { Dictionary(uniqueKeysWithValues: $0.map { ($0.key.rawValue, $0.value) }) },
            forKey: .regression)
    }
}
