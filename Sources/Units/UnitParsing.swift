/// A unit string as written in samples and results files ("ms", "us", "bytes", "events/s", "%"),
/// resolved to a dimension and the factor that converts its values to the base unit. This is
/// MeshBench's one unit vocabulary: analyze's metric classes (`MetricClass`), render and the
/// importers of other tools' output (Go, Google Benchmark) all read units through it.
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
            return "unknown unit \"\(unit)\": use one of "
                + ParsedUnit.spellings.flatMap(\.symbols).filter { $0 != "\u{03BC}s" }.joined(separator: ", ")
                + ", <noun>/s (e.g. events/s), %, count or <noun> (e.g. events)"
        }
    }
}

extension ParsedUnit {
    /// One named unit: every spelling that means it, the ASCII spelling files write, its factor.
    struct Spelling: Sendable {
        let symbols: [String]
        let canonical: String
        let dimension: Dimension
        let toBase: Double
    }

    /// The named units. Sizes are decimal (KB = 10³ B) unless binary is spelled out (KiB = 2¹⁰ B).
    static let spellings: [Spelling] = [
        Spelling(symbols: ["ns"], canonical: "ns", dimension: .duration, toBase: 1),
        // "µs" is the micro sign U+00B5, "μs" the Greek mu U+03BC: tools write either.
        Spelling(symbols: ["us", "\u{00B5}s", "\u{03BC}s"], canonical: "us", dimension: .duration, toBase: 1e3),
        Spelling(symbols: ["ms"], canonical: "ms", dimension: .duration, toBase: 1e6),
        Spelling(symbols: ["s", "sec"], canonical: "s", dimension: .duration, toBase: 1e9),
        Spelling(symbols: ["min"], canonical: "min", dimension: .duration, toBase: 60e9),
        Spelling(symbols: ["h"], canonical: "h", dimension: .duration, toBase: 3600e9),
        Spelling(symbols: ["B", "bytes"], canonical: "B", dimension: .bytes, toBase: 1),
        Spelling(symbols: ["KB", "kB"], canonical: "KB", dimension: .bytes, toBase: 1e3),
        Spelling(symbols: ["MB"], canonical: "MB", dimension: .bytes, toBase: 1e6),
        Spelling(symbols: ["GB"], canonical: "GB", dimension: .bytes, toBase: 1e9),
        Spelling(symbols: ["TB"], canonical: "TB", dimension: .bytes, toBase: 1e12),
        Spelling(symbols: ["KiB"], canonical: "KiB", dimension: .bytes, toBase: 1024),
        Spelling(symbols: ["MiB"], canonical: "MiB", dimension: .bytes, toBase: 1_048_576),
        Spelling(symbols: ["GiB"], canonical: "GiB", dimension: .bytes, toBase: 1_073_741_824),
        Spelling(symbols: ["TiB"], canonical: "TiB", dimension: .bytes, toBase: 1_099_511_627_776),
        Spelling(symbols: ["%", "percent"], canonical: "%", dimension: .percent, toBase: 1),
        Spelling(symbols: ["count", "1"], canonical: "count", dimension: .count(noun: nil), toBase: 1),
    ]

    private static let spellingBySymbol: [String: Spelling] = Dictionary(
        spellings.flatMap { spelling in spelling.symbols.map { ($0, spelling) } },
        uniquingKeysWith: { first, _ in first })

    /// Resolves a unit string. "us" and "µs"/"μs" are all microseconds; "x/s" is a rate of x;
    /// "count", "1" and any other single word are counts of that noun.
    public init(_ unit: String) throws(UnitParseError) {
        guard let parsed = Self.known(unit) else { throw .unknownUnit(unit) }
        self = parsed
    }

    /// The unit when the vocabulary knows it, nil otherwise: for the places that show an unknown
    /// unit as written (a label, a plain count) instead of refusing it. Readers that must refuse
    /// one use `init(_:)`, whose error names the unit.
    public static func known(_ unit: String) -> ParsedUnit? {
        let trimmed = unit.trimmingWhitespace()
        if let spelling = spellingBySymbol[trimmed] {
            return ParsedUnit(dimension: spelling.dimension, toBase: spelling.toBase)
        } else if trimmed.hasSuffix("/s"), trimmed.count > 2 {
            return ParsedUnit(dimension: .rate(noun: String(trimmed.dropLast(2))), toBase: 1)
        } else if !trimmed.isEmpty, trimmed.allSatisfy({ $0.isLetter || $0 == "_" }) {
            return ParsedUnit(dimension: .count(noun: trimmed), toBase: 1)
        }
        return nil
    }

    /// The ASCII spelling files use for a named unit ("µs" → "us", "sec" → "s", "bytes" → "B"),
    /// so every importer writes one unit one way; nil for rates, nouns and unknown text.
    public static func canonicalSymbol(_ unit: String) -> String? {
        spellingBySymbol[unit.trimmingWhitespace()]?.canonical
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
