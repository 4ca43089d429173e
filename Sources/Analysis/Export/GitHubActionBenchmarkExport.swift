import BenchFormats
import Foundation

/// github-action-benchmark's custom tool input: `[{"name", "unit", "value", "range", "extra"}]`.
/// `value` is the mean, `range` its 95 % CI half-width, `extra` the tail percentiles and the
/// verdict, so the chart still shows what the mean hides. Counters count work (lower is better).
enum GitHubActionBenchmarkExport {
    struct Entry: Encodable {
        var name: String
        var unit: String
        var value: Double
        var range: String?
        var extra: String
    }

    static func json(_ doc: ResultsDocument, better: Better) throws -> [UInt8] {
        var entries: [Entry] = []
        for m in doc.metrics where m.better == better {
            let range = m.ci.mean.map { "± " + String(format: "%.6g", ($0.high - $0.low) / 2) }
            var extra = "n=\(m.n) p50=\(fmt(m.p50)) p95=\(fmt(m.p95)) p99=\(fmt(m.p99)) max=\(fmt(m.max))"
            if let change = m.change { extra += " verdict=\(change.verdict.rawValue)" }
            entries.append(Entry(name: m.key.description, unit: m.unit, value: m.mean, range: range, extra: extra))
        }
        if better == .lower {
            for c in doc.counters {
                entries.append(
                    Entry(name: c.key.description, unit: c.unit, value: c.value, range: nil, extra: "exact counter"))
            }
        }
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
        return [UInt8](try e.encode(entries))
    }

    static func fmt(_ v: Double) -> String { String(format: "%.6g", v) }
}
