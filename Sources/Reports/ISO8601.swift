import Foundation

/// Timestamps in MeshBench files: ISO 8601 in UTC, with or without fractional seconds (both are
/// written by common tools; refusing one would refuse hand-edited files for no reason).
enum ISO8601 {
    static func decode(_ decoder: Decoder) throws -> Date {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        if let date = withFraction.date(from: text) ?? plain.date(from: text) { return date }
        throw DecodingError.dataCorruptedError(in: container, debugDescription:
            "\"\(text)\" is not an ISO 8601 timestamp such as 2025-01-31T12:00:00Z")
    }

    /// The form MeshBench writes: fractional seconds only when the date has them.
    static func encode(_ date: Date) -> String {
        date.timeIntervalSince1970.rounded() == date.timeIntervalSince1970
            ? plain.string(from: date) : withFraction.string(from: date)
    }

    /// "2025-01-31 12:00 UTC": the form reports show.
    static func display(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d UTC", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }

    private static let withFraction: ISO8601DateFormatter = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }()
    private static let plain: ISO8601DateFormatter = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter
    }()
}
