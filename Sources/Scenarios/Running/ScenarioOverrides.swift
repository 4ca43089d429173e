/// What the command line may change about the scenarios' sizes and durations (`--nodes`,
/// `--duration`, `--rate`, `--events`, `--degree`, `--topology`, `--sample-interval`). `nil`
/// keeps each scenario's own default; a scenario ignores an override that does not apply to it
/// (a 5-hop line keeps its 10 nodes), and `bench --list` / docs/scenarios.md say which apply.
public struct ScenarioOverrides: Sendable, Equatable {
    public var nodes: Int?
    /// Seconds of sustained load.
    public var duration: Double?
    /// Offered load in events per second (over all publishers).
    public var rate: Double?
    /// Measured events of latency scenarios.
    public var events: Int?
    public var degree: Int?
    public var topology: TopologyFamily?
    /// Seconds between resource samples (default 1).
    public var sampleInterval: Double?

    public init(
        nodes: Int? = nil, duration: Double? = nil, rate: Double? = nil, events: Int? = nil,
        degree: Int? = nil, topology: TopologyFamily? = nil, sampleInterval: Double? = nil
    ) {
        self.nodes = nodes
        self.duration = duration
        self.rate = rate
        self.events = events
        self.degree = degree
        self.topology = topology
        self.sampleInterval = sampleInterval
    }

    /// Seven days: longer than any soak, and far inside UInt64 nanoseconds.
    public static let maximumDuration = 604_800.0
    /// Events per second over all publishers; far above what one machine can offer.
    public static let maximumRate = 1_000_000.0
    public static let maximumEvents = 10_000_000

    /// Checks the overrides against each other before anything starts, so a bad combination is a
    /// usage error (exit 2) rather than a failed scenario. The message names the valid choices.
    public func validate() throws(OverrideError) {
        if let nodes, nodes < 2 { throw .invalid("--nodes must be at least 2 (got \(nodes))") }
        // Upper bounds too: each value becomes whole nanoseconds (UInt64) or an event count (Int).
        if let duration, !(duration > 0 && duration <= Self.maximumDuration) {
            throw .invalid(
                "--duration must be positive and at most \(Int(Self.maximumDuration)) s (7 days), e.g. 60s, 5m (got \(duration))"
            )
        }
        if let rate, !(rate > 0 && rate <= Self.maximumRate) {
            throw .invalid(
                "--rate must be a positive number of events per second, at most \(Int(Self.maximumRate)) (got \(rate))")
        }
        if let events, !(1...Self.maximumEvents).contains(events) {
            throw .invalid("--events must be 1 to \(Self.maximumEvents) (got \(events))")
        }
        if let sampleInterval, !(sampleInterval >= 0.05 && sampleInterval <= Self.maximumDuration) {
            throw .invalid("--sample-interval must be 0.05 s to \(Int(Self.maximumDuration)) s (got \(sampleInterval))")
        }
        if let degree {
            guard degree >= 1 else { throw .invalid("--degree must be at least 1 (got \(degree))") }
            if let nodes, degree >= nodes {
                throw .invalid(
                    "--degree \(degree) must be smaller than --nodes \(nodes) (a node has at most n − 1 peers)")
            }
        }
        if let nodes {
            // Build the topology once with a fixed seed: an impossible family/size/degree
            // combination (odd n·k, odd small-world degree, too few nodes) fails here.
            let family = topology ?? .randomRegular
            do {
                _ = try family.build(nodes: nodes, degree: degree ?? family.defaultDegree(nodes: nodes), seed: 1)
            } catch {
                throw .invalid("\(error)")
            }
        }
    }
}

public enum OverrideError: Error, CustomStringConvertible, Equatable {
    case invalid(String)
    public var description: String {
        switch self {
        case .invalid(let message): return message
        }
    }
}
