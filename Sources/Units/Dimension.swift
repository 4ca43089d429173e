/// What a number measures. Every value handed to `Units` is expressed in its dimension's
/// base unit (nanoseconds, bytes, per second, percent, plain count), so a whole axis or table
/// column can be rescaled to one display unit without knowing where the numbers came from.
public enum Dimension: Hashable, Sendable {
    /// Time; base unit nanoseconds. Displayed as ns, µs, ms or s.
    case duration
    /// Sizes; base unit bytes. Displayed with decimal (SI) multiples: 1 KB = 1000 B,
    /// 1 MB = 10⁶ B, 1 GB = 10⁹ B. Decimal because the symbols are KB/MB/GB (not KiB/MiB/GiB)
    /// and because results files record memory as `memory_mb` = 10⁶ bytes.
    case bytes
    /// Events per second; base unit 1/s. Displayed as "<noun>/s", "k <noun>/s", "M <noun>/s".
    case rate(noun: String)
    /// A plain count, shown exactly with thousands separators and an optional noun.
    case count(noun: String?)
    /// A percentage; base unit percent (12.3 means 12.3 %).
    case percent
    /// A number with a fixed, caller-given symbol and no automatic scaling.
    case plain(symbol: String)

    /// The display units this dimension may use, smallest first.
    public var ladder: [DisplayUnit] {
        switch self {
        case .duration:
            return [
                DisplayUnit(symbol: "ns", baseUnitsPerUnit: 1),
                DisplayUnit(symbol: "µs", baseUnitsPerUnit: 1e3),
                DisplayUnit(symbol: "ms", baseUnitsPerUnit: 1e6),
                DisplayUnit(symbol: "s", baseUnitsPerUnit: 1e9),
            ]
        case .bytes:
            return [
                DisplayUnit(symbol: "B", baseUnitsPerUnit: 1),
                DisplayUnit(symbol: "KB", baseUnitsPerUnit: 1e3),
                DisplayUnit(symbol: "MB", baseUnitsPerUnit: 1e6),
                DisplayUnit(symbol: "GB", baseUnitsPerUnit: 1e9),
            ]
        case .rate(let noun):
            return [
                DisplayUnit(symbol: "\(noun)/s", baseUnitsPerUnit: 1),
                DisplayUnit(symbol: "k \(noun)/s", baseUnitsPerUnit: 1e3),
                DisplayUnit(symbol: "M \(noun)/s", baseUnitsPerUnit: 1e6),
            ]
        case .count(let noun):
            return [DisplayUnit(symbol: noun ?? "", baseUnitsPerUnit: 1)]
        case .percent:
            return [DisplayUnit(symbol: "%", baseUnitsPerUnit: 1)]
        case .plain(let symbol):
            return [DisplayUnit(symbol: symbol, baseUnitsPerUnit: 1)]
        }
    }

    /// Counts keep every integer digit and group thousands; other dimensions scale instead.
    var groupsThousands: Bool {
        if case .count = self { return true }
        return false
    }
}

/// One rung of a dimension's ladder, e.g. "ms" = 10⁶ ns.
public struct DisplayUnit: Hashable, Sendable {
    /// The symbol printed after the number ("µs", "MB", "k events/s"); empty for bare counts.
    public let symbol: String
    /// How many base units make one of this unit.
    public let baseUnitsPerUnit: Double

    public init(symbol: String, baseUnitsPerUnit: Double) {
        self.symbol = symbol
        self.baseUnitsPerUnit = baseUnitsPerUnit
    }

    /// Converts a base-unit value into this unit.
    public func convert(_ baseValue: Double) -> Double { baseValue / baseUnitsPerUnit }
}
