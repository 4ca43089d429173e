import Foundation

/// The `run` record: first line of every samples file.
public struct RunRecord: Codable, Hashable, Sendable {
    /// Always `meshbench.samples/1` for files this version writes.
    public var schema: String
    public var header: RunHeader

    public init(schema: String = SchemaName.samples, header: RunHeader) {
        self.schema = schema
        self.header = header
    }

    enum CodingKeys: String, CodingKey { case schema }

    /// The header's fields sit next to `schema` in the same JSON object (not nested).
    public init(from decoder: Decoder) throws {
        schema = try decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .schema)
        header = try RunHeader(from: decoder)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schema, forKey: .schema)
        try header.encode(to: encoder)
    }
}

/// A block of measurements of one metric. A scenario/metric may span many blocks; the optional
/// arrays run parallel to `values` (same length) and say where/when each value was taken.
public struct SamplesBlock: Codable, Hashable, Sendable {
    public var scenario: String
    public var metric: String
    /// Unit of every value (`ms`, `events/s`, `MB`, `%`...). Time units (`ns`, `us`, `ms`, `s`...) must be ≥ 0.
    public var unit: String
    public var better: Better
    public var values: [Double]
    /// Hop count from the publisher for each value (latency-by-hop charts).
    public var hops: [Int]?
    /// Node index for each value.
    public var node: [Int]?
    /// Seconds since the scenario started, for each value.
    public var t: [Double]?
    /// Repetition index for each value: the unit of replication for comparisons.
    public var rep: [Int]?
    /// Number of nodes in the measured mesh, so analyze can look up the SLA of that mesh size.
    public var meshSize: Int?
    /// SLA family of this metric (`single_hop`, `five_hop`, `full_propagation`, `per_node`...),
    /// matched against `Thresholds.slas[].sla_class`.
    public var slaClass: String?

    public init(
        scenario: String, metric: String, unit: String, better: Better, values: [Double],
        hops: [Int]? = nil, node: [Int]? = nil, t: [Double]? = nil, rep: [Int]? = nil,
        meshSize: Int? = nil, slaClass: String? = nil
    ) {
        self.scenario = scenario
        self.metric = metric
        self.unit = unit
        self.better = better
        self.values = values
        self.hops = hops
        self.node = node
        self.t = t
        self.rep = rep
        self.meshSize = meshSize
        self.slaClass = slaClass
    }

    public var key: MetricKey { MetricKey(scenario: scenario, metric: metric) }

    enum CodingKeys: String, CodingKey {
        case scenario, metric, unit, better, values, hops, node, t, rep
        case meshSize = "mesh_size"
        case slaClass = "sla_class"
    }
}

/// A time series (e.g. memory or queue depth over time), optionally for one node.
public struct Series: Codable, Hashable, Sendable {
    public var scenario: String
    public var metric: String
    public var unit: String
    public var node: Int?
    /// Seconds since the scenario started; same length as `values`.
    public var t: [Double]
    public var values: [Double]

    public init(scenario: String, metric: String, unit: String, node: Int? = nil, t: [Double], values: [Double]) {
        self.scenario = scenario
        self.metric = metric
        self.unit = unit
        self.node = node
        self.t = t
        self.values = values
    }

    public var key: MetricKey { MetricKey(scenario: scenario, metric: metric) }
}

/// An exact count (frames, bytes, verifications...): deterministic, so a CI gate can trust it.
public struct CounterRecord: Codable, Hashable, Sendable {
    public var scenario: String
    public var metric: String
    public var unit: String
    public var value: Int64

    public init(scenario: String, metric: String, unit: String, value: Int64) {
        self.scenario = scenario
        self.metric = metric
        self.unit = unit
        self.value = value
    }

    public var key: MetricKey { MetricKey(scenario: scenario, metric: metric) }
}

/// One attempt of one test, for flake tracking (a retried test writes one record per attempt).
public struct OutcomeRecord: Codable, Hashable, Sendable {
    public var test: String
    public var tier: Int
    /// 1 for the first attempt, 2 for the retry...
    public var attempt: Int
    public var status: OutcomeStatus
    public var durationMS: Double
    /// Failure reason; empty when it passed.
    public var message: String

    public init(test: String, tier: Int, attempt: Int, status: OutcomeStatus, durationMS: Double, message: String = "")
    {
        self.test = test
        self.tier = tier
        self.attempt = attempt
        self.status = status
        self.durationMS = durationMS
        self.message = message
    }

    enum CodingKeys: String, CodingKey {
        case test, tier, attempt, status, message
        case durationMS = "duration_ms"
    }
}

/// The last record: its presence proves the file is complete.
public struct EndRecord: Codable, Hashable, Sendable {
    public var finishedAt: Date
    /// Number of records before this one, the `run` record included.
    public var records: Int

    public init(finishedAt: Date, records: Int) {
        self.finishedAt = finishedAt
        self.records = records
    }

    enum CodingKeys: String, CodingKey {
        case records
        case finishedAt = "finished_at"
    }
}
