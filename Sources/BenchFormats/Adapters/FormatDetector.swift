/// Tells the formats apart by their first bytes (up to `probeBytes`), never by the file name.
///
/// - Not starting with `{` (after white space): Go's text format when a line of the probe is a
///   Go result or configuration line, else MeshBench samples (whose reader names what is wrong).
/// - A first line that is one JSON object with `"type"`: MeshBench samples (JSON Lines).
/// - Otherwise a JSON document: the earliest of its distinctive top-level keys decides —
///   `"machine_info"`/`"commit_info"` pytest-benchmark, `"context"` Google Benchmark,
///   `"results"` hyperfine, `"schema"` a MeshBench document (the samples reader says which).
///   Keys are matched as `"key"` followed by `:`, which an escaped string (`\"key\"`) never is.
enum FormatDetector {
    static let probeBytes = 64 * 1024

    /// The format, or nil when the probe is JSON of none of the known kinds.
    static func detect(_ probe: [UInt8]) -> InputFormat? {
        var start = probe.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < probe.count, [0x20, 0x09, 0x0A, 0x0D].contains(probe[start]) { start += 1 }
        guard start < probe.count else { return .meshbench }
        let text = String(decoding: probe[start...], as: UTF8.self)
        guard probe[start] == UInt8(ascii: "{") else {
            return looksLikeGo(text) ? .go : .meshbench
        }
        let firstLine = text.prefix { $0 != "\n" }
        if firstLine.count > 1, position(ofKey: "type", in: Substring(firstLine)) != nil { return .meshbench }
        let markers: [(String, InputFormat)] = [
            ("machine_info", .pytestBenchmark), ("commit_info", .pytestBenchmark),
            ("context", .googleBenchmark), ("results", .hyperfine), ("schema", .meshbench),
        ]
        let found = markers.compactMap { key, format in position(ofKey: key, in: Substring(text)).map { ($0, format) } }
        return found.min { $0.0 < $1.0 }?.1
    }

    /// Whether any line of the probe is a Go result or configuration line.
    private static func looksLikeGo(_ text: String) -> Bool {
        text.split(separator: "\n").contains { line in
            let fields = line.split(whereSeparator: { $0.isWhitespace })
            if let name = fields.first, GoBenchmarkAdapter.Reader.isBenchmarkName(String(name)), fields.count >= 4 {
                return true
            }
            return GoBenchmarkAdapter.Reader.configuration(String(line)) != nil
        }
    }

    /// Offset of the first `"key"` followed by optional white space and `:`.
    private static func position(ofKey key: String, in text: Substring) -> Int? {
        let quoted = "\"\(key)\""
        var search = text.startIndex
        while let range = text[search...].range(of: quoted) {
            let after = text[range.upperBound...].drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
            if after.first == ":" { return text.distance(from: text.startIndex, to: range.lowerBound) }
            search = range.upperBound
        }
        return nil
    }
}
