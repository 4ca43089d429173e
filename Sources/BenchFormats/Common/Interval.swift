/// A closed interval `[low, high]`, written in JSON as a two-element array (confidence intervals).
public struct Interval: Codable, Hashable, Sendable {
    public var low: Double
    public var high: Double

    public init(low: Double, high: Double) {
        self.low = low
        self.high = high
    }

    public init(from decoder: Decoder) throws {
        var c = try decoder.unkeyedContainer()
        if let count = c.count, count != 2 {
            throw DecodingError.dataCorruptedError(
                in: c, debugDescription: "an interval is [low, high]; found \(count) elements")
        }
        low = try c.decode(Double.self)
        high = try c.decode(Double.self)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.unkeyedContainer()
        try c.encode(low)
        try c.encode(high)
    }
}
