import Units

/// What the caller says about a numeric axis. Values on the axis are in the dimension's base
/// unit (nanoseconds, bytes, ...); the display unit is chosen from the ticks and appended to
/// the title ("Latency (ms)").
public struct AxisSpec: Hashable, Sendable {
    public var title: String
    public var dimension: Dimension
    public var scale: ScaleKind
    /// Linear axes start at zero unless told otherwise: bar lengths and rates read honestly.
    public var includesZero: Bool
    /// A fixed domain, overriding the data extent.
    public var domain: ClosedRange<Double>?

    public init(
        title: String, dimension: Dimension, scale: ScaleKind = .linear, includesZero: Bool = true,
        domain: ClosedRange<Double>? = nil
    ) {
        self.title = title; self.dimension = dimension; self.scale = scale
        self.includesZero = includesZero; self.domain = domain
    }

    /// The percentile axis of a latency spectrum, values are fractions p ∈ [0, 1).
    public static func percentile(title: String = "Percentile") -> AxisSpec {
        AxisSpec(title: title, dimension: .percent, scale: .percentile, includesZero: true)
    }
}
