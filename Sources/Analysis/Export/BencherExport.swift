import BenchFormats
import Foundation

/// Bencher Metric Format: `{"<scenario>/<metric>": {"<measure>": {"value", "lower_value", "upper_value"}}}`.
/// The value is the mean with its 95 % t interval as bounds (the statistic the comparison uses);
/// the measure is the unit's slug so Bencher keeps metrics of different units apart. Counters are
/// exact: lower and upper equal the value.
enum BencherExport {
    struct Value: Encodable {
        var value: Double
        var lowerValue: Double?
        var upperValue: Double?

        enum CodingKeys: String, CodingKey {
            case value
            case lowerValue = "lower_value"
            case upperValue = "upper_value"
        }
    }

    static func json(_ doc: ResultsDocument) throws -> [UInt8] {
        var out: [String: [String: Value]] = [:]
        for m in doc.metrics {
            out[m.key.description, default: [:]][measure(m.metric, m.unit)] =
                Value(value: m.mean, lowerValue: m.ci.mean?.low, upperValue: m.ci.mean?.high)
        }
        for c in doc.counters {
            out[c.key.description, default: [:]][measure(c.metric, c.unit)] = Value(
                value: c.value, lowerValue: c.value, upperValue: c.value)
        }
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return [UInt8](try e.encode(out))
    }

    /// "latency-ms", "throughput-events-per-s": lowercase ASCII slug of metric and unit.
    static func measure(_ metric: String, _ unit: String) -> String {
        let raw =
            "\(metric)-\(unit.replacingOccurrences(of: "/", with: "-per-").replacingOccurrences(of: "%", with: "pct"))"
        return String(raw.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" })
    }
}
