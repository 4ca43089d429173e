import Foundation

/// Flake record of one test across runs.
public struct FlakeTestHistory: Codable, Hashable, Sendable {
    public var test: String
    public var tier: Int
    /// Runs in which the test executed.
    public var runs: Int
    /// Runs whose final status was fail.
    public var failures: Int
    /// Runs that failed first and passed on retry: the flakes.
    public var passesAfterRetry: Int
    public var lastSeen: Date
    /// Final statuses of the most recent runs, oldest first (bounded by `FlakeHistory.recentLimit`).
    public var recent: [OutcomeStatus]

    public init(
        test: String, tier: Int, runs: Int, failures: Int, passesAfterRetry: Int, lastSeen: Date,
        recent: [OutcomeStatus]
    ) {
        self.test = test
        self.tier = tier
        self.runs = runs
        self.failures = failures
        self.passesAfterRetry = passesAfterRetry
        self.lastSeen = lastSeen
        self.recent = recent
    }

    enum CodingKeys: String, CodingKey {
        case test, tier, runs, failures, recent
        case passesAfterRetry = "passes_after_retry"
        case lastSeen = "last_seen"
    }
}

/// `.benchmarks/flake-history.json` (`meshbench.flakes/1`).
public struct FlakeHistory: Codable, Hashable, Sendable {
    public var schema: String
    public var updatedAt: Date
    /// Sorted by test name so the file diffs cleanly.
    public var tests: [FlakeTestHistory]

    /// How many recent statuses each test keeps.
    public static let recentLimit = 100

    public init(schema: String = SchemaName.flakes, updatedAt: Date, tests: [FlakeTestHistory] = []) {
        self.schema = schema
        self.updatedAt = updatedAt
        self.tests = tests
    }

    enum CodingKeys: String, CodingKey {
        case schema, tests
        case updatedAt = "updated_at"
    }
}
