/// A two-sided confidence interval and the level it was built for.
public struct ConfidenceInterval: Equatable, Sendable {
    public let lower: Double
    public let upper: Double
    /// Nominal coverage, e.g. 0.95.
    public let level: Double

    public init(lower: Double, upper: Double, level: Double) {
        self.lower = lower
        self.upper = upper
        self.level = level
    }

    public func contains(_ value: Double) -> Bool { lower <= value && value <= upper }
}
