import Foundation

/// How data values map onto an axis.
public enum ScaleKind: Hashable, Sendable {
    case linear
    /// Base-10 logarithmic; values ≤ 0 cannot be shown and are dropped by the charts.
    case log10
    /// HdrHistogram's percentile-spectrum axis: a percentile p ∈ [0, 1) sits at
    /// log10(1 / (1 − p)), so 0 %, 90 %, 99 %, 99.9 % are evenly spaced and the tail gets room.
    case percentile
}

/// A scale over a domain: maps a data value to a fraction of the axis length and back.
public struct Scale: Hashable, Sendable {
    public let kind: ScaleKind
    public let lower: Double
    public let upper: Double

    public init(kind: ScaleKind, lower: Double, upper: Double) {
        self.kind = kind
        self.lower = lower
        self.upper = upper
    }

    /// The value in the scale's linear space (identity, log10 or log10(1/(1−p))).
    public func transform(_ value: Double) -> Double {
        switch kind {
        case .linear: return value
        case .log10: return Foundation.log10(value)
        case .percentile: return -Foundation.log10(1 - value)
        }
    }

    public func inverseTransform(_ transformed: Double) -> Double {
        switch kind {
        case .linear: return transformed
        case .log10: return pow(10, transformed)
        case .percentile: return 1 - pow(10, -transformed)
        }
    }

    /// 0 at `lower`, 1 at `upper`; outside values extrapolate.
    public func fraction(_ value: Double) -> Double {
        let low = transform(lower)
        let span = transform(upper) - low
        return span == 0 ? 0.5 : (transform(value) - low) / span
    }

    /// The value at a fraction of the axis: the inverse of `fraction(_:)`.
    public func value(atFraction fraction: Double) -> Double {
        let low = transform(lower)
        return inverseTransform(low + fraction * (transform(upper) - low))
    }

    /// True when the scale can place `value` (positive for log, in [0, 1) for percentile).
    public func canShow(_ value: Double) -> Bool {
        guard value.isFinite else { return false }
        switch kind {
        case .linear: return true
        case .log10: return value > 0
        case .percentile: return value >= 0 && value < 1
        }
    }
}
