import Foundation

/// The other shapes of a date MeshBench prints, all derived from `ISO8601.format` so every tool
/// spells a time one way (UTC, Gregorian, locale-free).
extension ISO8601 {
    /// The UTC calendar day, `2026-12-05`, as charts' source lines show it.
    public static func day(_ date: Date) -> String {
        String(format(date).prefix(10))
    }

    /// ISO 8601 basic format to the second, `20261205T215723Z`: sorts by time and fits a file name.
    public static func basicSeconds(_ date: Date) -> String {
        let whole = Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
        return format(whole).filter { $0 != "-" && $0 != ":" }
    }
}
