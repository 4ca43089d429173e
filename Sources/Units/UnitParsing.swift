/// A unit string as written in samples and results files ("ms", "us", "bytes", "events/s", "%"),
/// resolved to a dimension and the factor that converts its values to the base unit. This is
/// MeshBench's one unit vocabulary: analyze's metric classes (`MetricClass`) and render both read
/// units through it.
public struct ParsedUnit: Hashable, Sendable {
    public let dimension: Dimension
    /// Multiply a value in the parsed unit by this to get base units.
    public let toBase: Double

    /// Converts a value given in the parsed unit into base units.
    public func base(_ value: Double) -> Double { value * toBase }
}

/// Raised for a unit string that names no known unit.
public enum UnitParseError: Error, CustomStringConvertible, Equatable {
    case unknownUnit(String)

    public var description: String {
        switch self {
        case .unknownUnit(let unit):
            return "unknown unit \"\(unit)\": use one of ns, us, µs, ms, s, min, h, B, bytes, kB, KB, MB, GB, KiB, MiB, GiB, "
                + "<noun>/s (e.g. events/s), %, count or <noun> (e.g. events)"
        }
    }
}

extension ParsedUnit {
    /// Resolves a unit string. "us" and "µs"/"μs" are all microseconds; "x/s" is a rate of x;
    /// "count", "1" and any other single word are counts of that noun.
    public init(_ unit: String) throws(UnitParseError) {
        let trimmed = unit.trimmingWhitespace()
        switch trimmed {
        case "ns": self.init(dimension: .duration, toBase: 1)
        case "us", "\u{00B5}s", "\u{03BC}s": self.init(dimension: .duration, toBase: 1e3)  // micro sign, Greek mu
        case "ms": self.init(dimension: .duration, toBase: 1e6)
        case "s": self.init(dimension: .duration, toBase: 1e9)
        case "min": self.init(dimension: .duration, toBase: 60e9)
        case "h": self.init(dimension: .duration, toBase: 3600e9)
        case "B", "bytes": self.init(dimension: .bytes, toBase: 1)
        case "KB", "kB": self.init(dimension: .bytes, toBase: 1e3)
        case "MB": self.init(dimension: .bytes, toBase: 1e6)
        case "GB": self.init(dimension: .bytes, toBase: 1e9)
        case "KiB": self.init(dimension: .bytes, toBase: 1024)
        case "MiB": self.init(dimension: .bytes, toBase: 1_048_576)
        case "GiB": self.init(dimension: .bytes, toBase: 1_073_741_824)
        case "%", "percent": self.init(dimension: .percent, toBase: 1)
        case "count", "1": self.init(dimension: .count(noun: nil), toBase: 1)
        default:
            if trimmed.hasSuffix("/s"), trimmed.count > 2 {
                self.init(dimension: .rate(noun: String(trimmed.dropLast(2))), toBase: 1)
            } else if !trimmed.isEmpty, trimmed.allSatisfy({ $0.isLetter || $0 == "_" }) {
                self.init(dimension: .count(noun: trimmed), toBase: 1)
            } else {
                throw .unknownUnit(unit)
            }
        }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var view = Substring(self)
        while let first = view.first, first.isWhitespace { view.removeFirst() }
        while let last = view.last, last.isWhitespace { view.removeLast() }
        return String(view)
    }
}
