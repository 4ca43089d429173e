/// Everything a results document holds after its header (`schema`, `run`, `generated_at`,
/// `verdict`). Each section may be absent in JSON (read as empty or nil), so older or partial
/// files still render. `visit` lists every section with its JSON key once: the strict reader and
/// the writer of `ResultsDocument` and render's section-by-section reader all walk it, so a new
/// section is a property here and a line in `visit`.
public struct ResultsBody: Hashable, Sendable {
    public var verdictReason = ""
    public var metrics: [MetricResult] = []
    public var counters: [CounterResult] = []
    public var checks: [CheckResult] = []
    /// Downsampled time series.
    public var series: [Series] = []
    public var outcomes: [OutcomeSummary] = []
    public var trends: [TrendResult] = []
    public var flakes: [FlakeResult] = []
    public var topology: TopologyResult?
    /// Plain-language remarks, e.g. "baseline recorded on another host: not compared".
    public var notes: [String] = []
    public var comparison: ComparisonInfo?
    /// Metrics and counters of the baseline that the scenarios of this run no longer produce.
    public var missing: [MissingMetric] = []
    /// What the verdict covered; absent in files written before it existed.
    public var scope: VerdictScope?

    public init() {}

    /// Hands every section and its JSON key to `visitor`, which reads or writes it. `required`
    /// marks the sections a report cannot do without (a lenient reader says when one is missing).
    public mutating func visit<Visitor: ResultsSectionVisitor>(_ visitor: inout Visitor) throws {
        var reason: String? = verdictReason
        try visitor.one(&reason, "verdict_reason", required: false)
        verdictReason = reason ?? ""
        try visitor.list(&metrics, "metrics", required: true)
        try visitor.list(&counters, "counters", required: false)
        try visitor.list(&checks, "checks", required: false)
        try visitor.list(&series, "series", required: false)
        try visitor.list(&outcomes, "outcomes", required: false)
        try visitor.list(&trends, "trends", required: false)
        try visitor.list(&flakes, "flakes", required: false)
        try visitor.one(&topology, "topology", required: false)
        try visitor.list(&notes, "notes", required: false)
        try visitor.one(&comparison, "comparison", required: false)
        try visitor.list(&missing, "missing", required: false)
        try visitor.one(&scope, "scope", required: false)
    }
}

/// Reads or writes one section of a results document at a time (see `ResultsBody.visit`).
public protocol ResultsSectionVisitor {
    mutating func one<Value: Codable>(_ value: inout Value?, _ key: String, required: Bool) throws
    mutating func list<Element: Codable>(_ values: inout [Element], _ key: String, required: Bool) throws
}

/// A JSON object key given by name.
struct SectionKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.init(stringValue) }
    init?(intValue: Int) { nil }
}

/// The strict reader: a malformed section fails the whole document; an absent one is empty.
struct StrictSectionReader: ResultsSectionVisitor {
    let container: KeyedDecodingContainer<SectionKey>

    func one<Value: Codable>(_ value: inout Value?, _ key: String, required: Bool) throws {
        value = try container.decodeIfPresent(Value.self, forKey: SectionKey(key))
    }

    func list<Element: Codable>(_ values: inout [Element], _ key: String, required: Bool) throws {
        values = try container.decodeIfPresent([Element].self, forKey: SectionKey(key)) ?? []
    }
}

/// The writer: lists always, optional sections only when present.
struct SectionWriter: ResultsSectionVisitor {
    var container: KeyedEncodingContainer<SectionKey>

    mutating func one<Value: Codable>(_ value: inout Value?, _ key: String, required: Bool) throws {
        try container.encodeIfPresent(value, forKey: SectionKey(key))
    }

    mutating func list<Element: Codable>(_ values: inout [Element], _ key: String, required: Bool) throws {
        try container.encode(values, forKey: SectionKey(key))
    }
}
