import Foundation

/// Dates as the harnesses write them: ISO 8601 with an offset (`2026-12-05T19:07:01+00:00`),
/// with up to microseconds (pytest-benchmark), or without any offset (older pytest-benchmark
/// wrote `datetime.utcnow()`), which is then read as UTC.
enum ImportedDates {
    static func parse(_ text: String) -> Date? {
        var text = text
        let time = text.split(separator: "T", maxSplits: 1).last ?? ""
        if !time.contains("Z") && !time.contains("+") && !time.contains("-") { text += "Z" }
        if let date = ISO8601.parse(text) { return date }
        // Fractions beyond milliseconds: keep the first three digits (the date is for display and ordering).
        guard let dot = text.firstIndex(of: ".") else { return nil }
        let digits = text[text.index(after: dot)...].prefix { $0.isNumber }
        guard digits.count > 3 else { return nil }
        let trimmed = text[..<dot] + "." + digits.prefix(3) + text[digits.endIndex...]
        return ISO8601.parse(String(trimmed))
    }
}
