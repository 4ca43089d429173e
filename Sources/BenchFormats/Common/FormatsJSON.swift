import Foundation

/// The one JSON configuration every MeshBench file uses: sorted keys (stable diffs), ISO 8601
/// UTC dates with millisecond precision, and no non-finite numbers (encoding them throws).
/// Consumers must decode with `FormatsJSON.decoder()` so dates parse.
public enum FormatsJSON {
    /// Encoder for files: pretty-printed when `pretty` (results, baseline, thresholds, history).
    public static func encoder(pretty: Bool) -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting =
            pretty
            ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            : [.sortedKeys, .withoutEscapingSlashes]
        e.dateEncodingStrategy = .custom { date, encoder in
            var c = encoder.singleValueContainer()
            try c.encode(ISO8601.format(date))
        }
        return e
    }

    public static func decoder() -> JSONDecoder {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .custom { decoder in
            let c = try decoder.singleValueContainer()
            let text = try c.decode(String.self)
            guard let date = ISO8601.parse(text) else {
                throw DecodingError.dataCorruptedError(
                    in: c, debugDescription: "\"\(text)\" is not an ISO 8601 date like 2025-01-31T12:00:00Z")
            }
            return date
        }
        return d
    }
}

/// ISO 8601 in UTC, `2025-01-31T12:00:00.250Z`; parsing also accepts whole seconds and offsets.
public enum ISO8601 {
    public static func format(_ date: Date) -> String {
        // Round to whole milliseconds first so a value always prints the same way.
        let ms = (date.timeIntervalSince1970 * 1000).rounded()
        let whole = Date(timeIntervalSince1970: (ms / 1000).rounded(.down))
        // Dates come from the clock or ISO8601.parse (four-digit years): |ms| < 3e14, exact in
        // Double, so the remainder is a whole number in 0..<1000.
        let millis = Int(ms - (ms / 1000).rounded(.down) * 1000)
        var text = whole.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))
        if millis != 0 {
            text.removeLast()  // "Z"
            text += "." + String(format: "%03d", millis) + "Z"
        }
        return text
    }

    public static func parse(_ text: String) -> Date? {
        let utc = TimeZone(identifier: "UTC")!
        // Two spellings tried in turn; nil (neither) is the caller's error to report.
        if let d = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: utc).parse(text) {
            return d
        }
        return try? Date.ISO8601FormatStyle(timeZone: utc).parse(text)
    }
}
